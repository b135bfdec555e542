#include "common/numbers.h"

#include <charconv>

namespace ratsdoc::numbers {
namespace {

constexpr std::size_t kMaxDigits = 18;  // any 18 digits fit an int64_t

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::string Pad(int value, int width) {
  std::string out = std::to_string(value);
  if (out.size() < static_cast<std::size_t>(width)) out.insert(0, static_cast<std::size_t>(width) - out.size(), '0');
  return out;
}

}  // namespace

std::optional<std::int64_t> Parse(std::string_view digits, const Range& range) {
  if (digits.empty()) return std::nullopt;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  if (digits.size() > kMaxDigits) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (value < range.min || value > range.max) return std::nullopt;
  return value;
}

std::optional<int> ParseInt(std::string_view digits, const Range& range) {
  const std::optional<std::int64_t> value = Parse(digits, range);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);  // every Range of a field read as an int lies within int
}

std::optional<std::string> IsoDate(std::string_view day, std::string_view month, std::string_view year) {
  const std::optional<int> d = ParseInt(day, kDay), m = ParseInt(month, kMonth);
  std::optional<int> y;
  if (year.size() == 2) {
    if (const std::optional<int> yy = ParseInt(year, Range{0, 99, kYear.what})) {
      y = *yy + (*yy < kTwoDigitYearPivot ? 2000 : 1900);
    }
  } else if (year.size() == 4) {
    y = ParseInt(year, kYear);
  }
  if (!d || !m || !y || *d > DaysInMonth(*y, *m)) return std::nullopt;
  return Pad(*y, 4) + "-" + Pad(*m, 2) + "-" + Pad(*d, 2);
}

std::optional<std::string> IsoTime(std::string_view hours, std::string_view minutes) {
  const std::optional<int> h = ParseInt(hours, kHour), m = ParseInt(minutes, kMinute);
  if (!h || !m || (*h == 24 && *m != 0)) return std::nullopt;
  return Pad(*h, 2) + ":" + Pad(*m, 2);
}

}  // namespace ratsdoc::numbers
