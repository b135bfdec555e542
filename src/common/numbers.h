// Numbers, dates and times read from a document. Every count, number, day,
// month, year, hour and minute that ratsdoc takes from a document's text (and
// every number it reads back from its own files) goes through these functions,
// each with the range its field can take. A value outside its range is not a
// value: the functions return nullopt, never throw and never overflow, and the
// caller leaves the field out (the structure stage says so in a warning).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ratsdoc::numbers {

// The values a field may take, inclusive, and what the field is called in a
// warning ("vote count").
struct Range {
  std::int64_t min = 0;
  std::int64_t max = 0;
  std::string_view what;
};

// The ranges of the fields ratsdoc reads as numbers.
inline constexpr Range kVoteCount{0, 999'999, "vote count"};      // Ja / Nein / Enthaltung
inline constexpr Range kQuorum{0, 9'999, "number of voting members present"};
inline constexpr Range kAgendaNumber{0, 9'999, "agenda item number"};
inline constexpr Range kDay{1, 31, "day"};
inline constexpr Range kMonth{1, 12, "month"};
inline constexpr Range kYear{1800, 2199, "year"};
inline constexpr Range kHour{0, 24, "hour"};
inline constexpr Range kMinute{0, 59, "minute"};

// Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (the POSIX %y
// rule). Council archives reach back to 1990, and papers date forward a few
// years at most.
inline constexpr int kTwoDigitYearPivot = 70;

// `digits` (ASCII digits only, nothing else; leading zeros aside at most 18) as a number
// within `range`; nullopt when it is empty, holds anything but digits, or lies
// outside the range.
std::optional<std::int64_t> Parse(std::string_view digits, const Range& range);

// The same for a field that fits an int (every Range above does).
std::optional<int> ParseInt(std::string_view digits, const Range& range);

// A calendar date from its parts as written ("7", "02", "23" or "2023") as ISO
// 8601 "2023-02-07"; nullopt when a part is not a number of its range or the
// day does not exist in that month (31.02., 29.02. outside a leap year).
std::optional<std::string> IsoDate(std::string_view day, std::string_view month, std::string_view year);

// "9", "10" → "09:10"; nullopt outside 00:00–24:00.
std::optional<std::string> IsoTime(std::string_view hours, std::string_view minutes);

}  // namespace ratsdoc::numbers
