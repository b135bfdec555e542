// The one parser of numbers, dates and times taken from documents: bounded,
// never throwing, refusing what is not a value of its field.
#include "common/numbers.h"

#include <gtest/gtest.h>

namespace ratsdoc::numbers {
namespace {

TEST(NumbersTest, ReadsDigitsWithinTheirRange) {
  EXPECT_EQ(Parse("0", kVoteCount), 0);
  EXPECT_EQ(Parse("12", kVoteCount), 12);
  EXPECT_EQ(Parse("007", kVoteCount), 7);
  EXPECT_EQ(Parse("999999", kVoteCount), 999'999);
  EXPECT_EQ(ParseInt("31", kDay), 31);
}

TEST(NumbersTest, RefusesValuesOutsideTheRangeInsteadOfThrowing) {
  // The vote count that ended whole archive runs through std::stoi.
  EXPECT_EQ(Parse("99999999999", kVoteCount), std::nullopt);
  EXPECT_EQ(Parse("1000000", kVoteCount), std::nullopt);
  EXPECT_EQ(Parse("32", kDay), std::nullopt);
  EXPECT_EQ(Parse("0", kDay), std::nullopt);
  EXPECT_EQ(Parse("13", kMonth), std::nullopt);
  // Beyond int64_t, and beyond any length from_chars could take.
  EXPECT_EQ(Parse("99999999999999999999", kVoteCount), std::nullopt);
  EXPECT_EQ(Parse(std::string(100'000, '9'), kAgendaNumber), std::nullopt);
  // Leading zeros do not count against the length.
  EXPECT_EQ(Parse(std::string(40, '0') + "5", kAgendaNumber), 5);
}

TEST(NumbersTest, RefusesAnythingButDigits) {
  EXPECT_EQ(Parse("", kVoteCount), std::nullopt);
  EXPECT_EQ(Parse("-1", kVoteCount), std::nullopt);
  EXPECT_EQ(Parse("+1", kVoteCount), std::nullopt);
  EXPECT_EQ(Parse(" 1", kVoteCount), std::nullopt);
  EXPECT_EQ(Parse("1.5", kVoteCount), std::nullopt);
  EXPECT_EQ(Parse("١٢", kVoteCount), std::nullopt);  // Arabic-Indic digits
}

TEST(NumbersTest, DatesAreCalendarChecked) {
  EXPECT_EQ(IsoDate("7", "2", "2023"), "2023-02-07");
  EXPECT_EQ(IsoDate("29", "02", "2024"), "2024-02-29");
  EXPECT_EQ(IsoDate("29", "02", "2023"), std::nullopt);
  EXPECT_EQ(IsoDate("29", "02", "2000"), "2000-02-29");
  EXPECT_EQ(IsoDate("29", "02", "1900"), std::nullopt);
  EXPECT_EQ(IsoDate("31", "02", "2024"), std::nullopt);
  EXPECT_EQ(IsoDate("31", "04", "2024"), std::nullopt);
  EXPECT_EQ(IsoDate("99", "99", "2024"), std::nullopt);
  EXPECT_EQ(IsoDate("1", "1", "1799"), std::nullopt);
  EXPECT_EQ(IsoDate("1", "1", "20245"), std::nullopt);
  EXPECT_EQ(IsoDate("1", "1", "245"), std::nullopt);
}

TEST(NumbersTest, TwoDigitYearsFollowOnePivot) {
  EXPECT_EQ(IsoDate("9", "4", "23"), "2023-04-09");
  EXPECT_EQ(IsoDate("1", "1", "00"), "2000-01-01");
  EXPECT_EQ(IsoDate("31", "12", "69"), "2069-12-31");
  EXPECT_EQ(IsoDate("1", "1", "70"), "1970-01-01");
  EXPECT_EQ(IsoDate("3", "10", "99"), "1999-10-03");
}

TEST(NumbersTest, TimesAreHoursAndMinutesOfADay) {
  EXPECT_EQ(IsoTime("9", "10"), "09:10");
  EXPECT_EQ(IsoTime("17", "00"), "17:00");
  EXPECT_EQ(IsoTime("24", "00"), "24:00");
  EXPECT_EQ(IsoTime("24", "01"), std::nullopt);
  EXPECT_EQ(IsoTime("25", "00"), std::nullopt);
  EXPECT_EQ(IsoTime("12", "60"), std::nullopt);
  EXPECT_EQ(IsoTime("", "00"), std::nullopt);
}

}  // namespace
}  // namespace ratsdoc::numbers
