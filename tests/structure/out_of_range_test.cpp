// Every field the structure stage reads as a number, date or time, given a
// value outside its range: the field is left out, the document keeps its
// other fields and says in a warning what was out of range where, and
// nothing throws. The first test is the 4-line Beschluss whose vote count
// ended whole archive runs through std::stoi.
#include <algorithm>
#include <string>

#include "ratsdoc/graph.h"
#include "ratsdoc/ingest.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

using testing::Magdeburg;
using testing::ReadFile;
using testing::SourcePath;

DocumentRecord Analyze(const std::string& text) {
  return AnalyzeSource(ReadDocumentFromBytes("test.txt", text), Magdeburg());
}

// `text` with its first `from` replaced by `to`. REQUIRES: `from` occurs.
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string Sample(const std::string& name) { return ReadFile(SourcePath("samples/text/" + name)); }

// The one warning that contains every piece of `pieces`, or "" when none does.
std::string WarningWith(const DocumentRecord& record, std::initializer_list<std::string> pieces) {
  for (const std::string& warning : record.warnings) {
    if (std::all_of(pieces.begin(), pieces.end(),
                    [&](const std::string& piece) { return warning.find(piece) != std::string::npos; })) {
      return warning;
    }
  }
  return "";
}

TEST(StoiVoteCountCrashTest, AnOverlongVoteCountIsLeftOutWithAWarning) {
  const DocumentRecord record = Analyze("Beschluss\n\nDie Vorlage: angenommen\nJa: 99999999999, Nein: 9, Enthaltung: 3\n");
  ASSERT_TRUE(record.status.ok()) << record.status.ToString();
  EXPECT_EQ(record.kind, "beschluss");
  ASSERT_EQ(record.structure.votes.size(), 1u);
  const Vote& vote = record.structure.votes[0];
  EXPECT_EQ(vote.yes, -1);
  EXPECT_EQ(vote.no, 9);
  EXPECT_EQ(vote.abstentions, 3);
  EXPECT_EQ(vote.result, "angenommen");
  EXPECT_EQ(WarningWith(record, {"vote count", "\"99999999999\"", "line 4", "left out"}),
            "The vote count (yes) \"99999999999\" on line 4 is not a number from 0 to 999999; it is left out.");
}

TEST(OutOfRangeTest, EveryVoteCountOfARealBeschlussIsBounded) {
  std::string text = Sample("103_beschluss_5384-057_VII_22.txt");
  text = Replaced(text, "Ja: 41, Nein: 8, Enthaltung: 1", "Ja: 41, Nein: 18446744073709551617, Enthaltung: 1000000");
  const DocumentRecord record = Analyze(text);
  EXPECT_EQ(record.id, "5384-057(VII)22");
  ASSERT_EQ(record.structure.votes.size(), 3u);
  EXPECT_EQ(record.structure.votes[0].yes, 7);
  EXPECT_EQ(record.structure.votes[1].yes, 41);
  EXPECT_EQ(record.structure.votes[1].no, -1);
  EXPECT_EQ(record.structure.votes[1].abstentions, -1);
  EXPECT_EQ(record.structure.votes[2].yes, 38);
  EXPECT_NE(WarningWith(record, {"vote count (no)", "18446744073709551617"}), "");
  EXPECT_NE(WarningWith(record, {"vote count (abstentions)", "1000000"}), "");
  EXPECT_EQ(record.structure.decisions.size(), 4u);
}

TEST(OutOfRangeTest, AnImpossibleSessionDateIsLeftOut) {
  const DocumentRecord anfrage =
      Analyze(Replaced(Sample("101_anfrage_F0301_23.txt"), "Stadtrat\t12.10.2023", "Stadtrat\t31.09.2023"));
  EXPECT_EQ(anfrage.id, "F0301/23");
  ASSERT_EQ(anfrage.structure.sessions.size(), 1u);
  EXPECT_EQ(anfrage.structure.sessions[0].body, "Stadtrat");
  EXPECT_EQ(anfrage.structure.sessions[0].date, "");
  EXPECT_NE(WarningWith(anfrage, {"session date", "31.09.2023", "not a calendar date"}), "");

  // A Beschluss's session date is its own date.
  const DocumentRecord beschluss = Analyze(
      Replaced(Sample("103_beschluss_5384-057_VII_22.txt"), "SR/057(VII)/22\t08.12.2022", "SR/057(VII)/22\t31.02.2022"));
  ASSERT_EQ(beschluss.structure.sessions.size(), 1u);
  EXPECT_EQ(beschluss.date, "");
  EXPECT_EQ(beschluss.structure.sessions[0].date, "");
  EXPECT_EQ(beschluss.structure.sessions[0].number, "SR/057(VII)/22");
  EXPECT_EQ(beschluss.structure.sessions[0].item, "5.4");
  EXPECT_NE(WarningWith(beschluss, {"document date", "31.02.2022", "not a calendar date"}), "");
}

TEST(OutOfRangeTest, AnImpossibleDistributionDateAndDocumentDateAreLeftOut) {
  std::string text = Sample("000_f587a7394770ebb2.txt");
  text = Replaced(text, "14.02.2023", "30.02.2023");
  text = Replaced(text, "S0056/23\t07.02.2023", "S0056/23\t99.99.2023");
  const DocumentRecord record = Analyze(text);
  EXPECT_EQ(record.id, "S0056/23");
  EXPECT_EQ(record.kind, "stellungnahme");
  EXPECT_EQ(record.structure.distribution_date, "");
  EXPECT_EQ(record.structure.distribution, "Die Oberbürgermeisterin");
  EXPECT_NE(record.date, "2023-02-07");
  EXPECT_NE(WarningWith(record, {"distribution date", "30.02.2023"}), "");
  EXPECT_EQ(record.structure.questions.size(), 2u);
}

const char* const kMinutes =
    "Niederschrift der 5. öffentlichen Sitzung des Stadtrates am 29.02.2023 von 14:30 Uhr bis 25:70 Uhr im Ratssaal\n"
    "\n"
    "Mit 99999 stimmberechtigten Mitgliedern wird die Beschlussfähigkeit festgestellt.\n"
    "\n"
    "TOP 1: Eröffnung\n"
    "\n"
    "Der Vorsitzende eröffnet die Sitzung.\n"
    "\n"
    "TOP 99999999999999999999: Bericht der Verwaltung\n"
    "\n"
    "Ende der Sitzung: 19:75 Uhr\n";

TEST(OutOfRangeTest, MinutesLoseOnlyTheFieldsOutOfRange) {
  const DocumentRecord record = Analyze(kMinutes);
  ASSERT_TRUE(record.status.ok()) << record.status.ToString();
  EXPECT_EQ(record.kind, "protokoll");
  const Meeting& meeting = record.structure.meeting;
  ASSERT_TRUE(record.structure.has_meeting);
  EXPECT_EQ(meeting.number, "5");
  EXPECT_EQ(meeting.date, "");  // 2023 is no leap year
  EXPECT_EQ(meeting.start, "14:30");
  EXPECT_EQ(meeting.end, "");
  EXPECT_EQ(meeting.location, "Ratssaal");
  EXPECT_EQ(meeting.quorum, -1);
  EXPECT_EQ(meeting.closed, "");
  EXPECT_NE(WarningWith(record, {"meeting date", "29.02.2023"}), "");
  EXPECT_NE(WarningWith(record, {"end time", "25:70"}), "");
  EXPECT_NE(WarningWith(record, {"number of voting members present", "99999", "0 to 9999"}), "");
  EXPECT_NE(WarningWith(record, {"closing time", "19:75", "line 11"}), "");
  // The TOP whose number is out of range is no agenda item of its own.
  ASSERT_EQ(record.structure.agenda.size(), 1u);
  EXPECT_EQ(record.structure.agenda[0].number, "1");
  EXPECT_NE(WarningWith(record, {"agenda item number", "99999999999999999999", "line 9"}), "");
}

TEST(OutOfRangeTest, AProgrammeItemAtAnImpossibleTimeIsNoItem) {
  const DocumentRecord record = Analyze(
      "Ablauf der Veranstaltung\n\n9.00 Uhr Begrüßung – Frau Borris\n\n29.10 Uhr Einführung – Dr. Gottschalk\n\n"
      "10.15 Uhr Pause\n");
  ASSERT_EQ(record.structure.agenda.size(), 2u);
  EXPECT_EQ(record.structure.agenda[0].time, "09:00");
  EXPECT_EQ(record.structure.agenda[1].time, "10:15");
  EXPECT_EQ(WarningWith(record, {"time of the programme item", "29.10", "line 5"}),
            "The time of the programme item \"29.10\" on line 5 is not a time of day; it is left out.");
  EXPECT_EQ(record.warnings.size(), 1u);  // read twice, reported once
}

TEST(OutOfRangeTest, DatesOfADocumentWithoutNumberAreCalendarChecked) {
  const DocumentRecord record = Analyze("Vermerk\n\nGespräch am 31.04.2024 und am 30.04.2024, Rückruf am 03.05.2024.\n");
  EXPECT_EQ(record.structure.dates, (std::vector<std::string>{"2024-04-30", "2024-05-03"}));
  EXPECT_NE(WarningWith(record, {"31.04.2024", "line 3", "not a calendar date"}), "");
}

TEST(OutOfRangeTest, ValuesWithinRangeGiveNoWarning) {
  for (const char* name : {"103_beschluss_5384-057_VII_22.txt", "000_f587a7394770ebb2.txt", "004_0c4ff60752e64775.txt"}) {
    const DocumentRecord record = Analyze(Sample(name));
    EXPECT_TRUE(record.warnings.empty()) << name << ": " << record.warnings.front();
  }
}

}  // namespace
}  // namespace ratsdoc
