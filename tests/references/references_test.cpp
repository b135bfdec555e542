// The references stage on small texts and on the samples: canonical IDs in
// every spelling, traps that are not references, lists, the own number,
// relations, and resolution from context.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ratsdoc/graph.h"
#include "ratsdoc/references.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

using testing::Magdeburg;
using testing::NormalizedBytes;
using testing::SourcePath;

DocumentReferences Extract(const std::string& text) { return ExtractReferences(NormalizedBytes(text), Magdeburg()); }

std::vector<std::string> Targets(const DocumentReferences& found) {
  std::vector<std::string> targets;
  for (const Reference& reference : found.references) targets.push_back(reference.target);
  return targets;
}

std::string Canonical(const std::string& query) {
  std::string id;
  const Status status = CanonicalizeTarget(query, Magdeburg(), &id);
  EXPECT_TRUE(status.ok()) << query << ": " << status.ToString();
  return id;
}

TEST(CanonicalIdTest, EverySpellingOfSpecsTable) {
  EXPECT_EQ(Canonical("DS0583/21"), "DS0583/21");
  EXPECT_EQ(Canonical("DS 0583/21"), "DS0583/21");
  EXPECT_EQ(Canonical("DS 583/21"), "DS0583/21");
  EXPECT_EQ(Canonical("Drucksache DS0583/21"), "DS0583/21");
  EXPECT_EQ(Canonical("DS0280/25/1"), "DS0280/25/1");
  EXPECT_EQ(Canonical("DS0280/25/1/1"), "DS0280/25/1/1");
  EXPECT_EQ(Canonical("Antrag A0038/07"), "A0038/07");
  EXPECT_EQ(Canonical("A0038/\n07"), "A0038/07");
  EXPECT_EQ(Canonical("Anfrage F 0301/23"), "F0301/23");
  EXPECT_EQ(Canonical("Stellungnahme-Nr. S0056/23"), "S0056/23");
  EXPECT_EQ(Canonical("Information I0126/21"), "I0126/21");
  EXPECT_EQ(Canonical("Beschluss-Nr. 5384-057(VII)22"), "5384-057(VII)22");
  EXPECT_EQ(Canonical("Stadtrats-Beschluss-Nr.5384-057(VII)22"), "5384-057(VII)22");
  EXPECT_EQ(Canonical("Beschluss-Nr. 009-1(VIII)24"), "009-1(VIII)24");
  EXPECT_EQ(Canonical("Beschluss-Nr. 5374-057 (VII) 22"), "5374-057(VII)22");
  EXPECT_EQ(Canonical("5384-057(VIl)22"), "5384-057(VII)22");
  EXPECT_EQ(Canonical("Dienstanweisung (DA 90/03)"), "DA 90/03");
  EXPECT_EQ(Canonical("SR/001(VIII)/24"), "SR/001(VIII)/24");
  EXPECT_EQ(Canonical("Anlage 2 zur DS0583/21"), "DS0583/21/Anlage2");
  EXPECT_EQ(Canonical("Anlage 1 DS0583/21"), "DS0583/21/Anlage1");
  EXPECT_EQ(Canonical("Maßnahme 3.32 der Anlage 2 zur DS0583/21"), "DS0583/21/Anlage2#3.32");
  EXPECT_EQ(Canonical("sha256:0123456789abcdef"), "sha256:0123456789abcdef");
}

TEST(CanonicalIdTest, MeasureWithoutItsPaperIsRefusedNotGuessed) {
  std::string id;
  const Status status = CanonicalizeTarget("Maßnahme 3.32", Magdeburg(), &id);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(status.message().find("Anlage"), std::string::npos);
}

TEST(ReferencesTest, TrapsAreNotReferences) {
  const DocumentReferences found = Extract(
      "Die Sitzung am 08.12.2022 beginnt um 17:00 Uhr, Beginn 9.10 Uhr. Rückfragen unter Tel. 0391 540-2345.\n\n"
      "Für die Haushaltsjahre 2024/2025 und 2023/24 stehen 12.500 EUR bereit, siehe Abschnitt 3.2 und Ziffer 4.1.\n\n"
      "Quelle: https://www.magdeburg.de/getfile.asp?id=37_20976_1, § 45 Abs. 2 KVG LSA, 39104 Magdeburg, "
      "Seite 3, Punkt 2 der Tagesordnung, Version 2.1, DIN 18040, Format A4, S. 12.\n");
  EXPECT_TRUE(found.references.empty()) << ::testing::PrintToString(Targets(found));
}

TEST(ReferencesTest, ListsExpandIntoOneReferenceEach) {
  const DocumentReferences found = Extract(
      "Die Maßnahmen 4.5, 4.9 und 4.12 der Anlage 2 zur DS0583/21 und die Anträge A0134/21 und A0135/21 "
      "sowie die Anlagen 1 und 2 zur DS0583/21 sind umzusetzen.\n");
  EXPECT_EQ(Targets(found),
            (std::vector<std::string>{"DS0583/21/Anlage2#4.5", "DS0583/21/Anlage2#4.9", "DS0583/21/Anlage2#4.12",
                                      "A0134/21", "A0135/21", "DS0583/21/Anlage1", "DS0583/21/Anlage2"}));
  EXPECT_EQ(found.references[0].text, "Maßnahmen 4.5");
  EXPECT_EQ(found.references[2].text, "4.12 der Anlage 2 zur DS0583/21");
}

TEST(ReferencesTest, MeasureTakesTheNearestAnlageBeforeItOrStaysUnresolved) {
  const DocumentReferences found = Extract(
      "Im Konzept stehen die Maßnahmen 4.41 und 1.2.\n\n"
      "Die Anlage 2 zur DS0583/21 nennt unter Punkt 3.32 die Anerkennungsberatung; Maßnahme 7.16 der Anlage 1 "
      "ergänzt sie.\n");
  ASSERT_EQ(found.references.size(), 5u) << ::testing::PrintToString(Targets(found));
  EXPECT_EQ(found.references[0].target, "?#4.41");
  EXPECT_FALSE(found.references[0].resolved);
  EXPECT_FALSE(found.references[1].resolved);
  EXPECT_EQ(found.references[2].target, "DS0583/21/Anlage2");
  EXPECT_EQ(found.references[3].target, "DS0583/21/Anlage2#3.32");
  EXPECT_TRUE(found.references[3].resolved);
  EXPECT_EQ(found.references[3].attachment, "DS0583/21/Anlage2");
  EXPECT_EQ(found.references[4].target, "DS0583/21/Anlage1#7.16");
}

TEST(ReferencesTest, OwnNumberIsTheIdNotAReference) {
  const DocumentReferences found = Extract(
      "Landeshauptstadt Magdeburg\n\nAnfrage\tDatum\tNummer\nöffentlich\t10.10.2023\tF0301/23\n\n"
      "Wir fragen zur Anfrage F0301/23 und zu F0322/22 nach.\n");
  EXPECT_EQ(found.id, "F0301/23");
  EXPECT_EQ(found.kind, "anfrage");
  EXPECT_EQ(found.date, "2023-10-10");
  EXPECT_EQ(Targets(found), std::vector<std::string>{"F0322/22"});
  EXPECT_EQ(found.references[0].relation, Relation::kCites);  // "answers" only from a Stellungnahme
}

TEST(ReferencesTest, BeschlussDecidesItsDrucksacheOthersOnlyCite) {
  const std::string beschluss =
      "Beschluss-Nr.\tSitzung\tDatum\n009-1(VIII)24\tSR/001(VIII)/24\t11.07.2024\n"
      "Drucksache\tTOP\töffentlich\nDS0280/25\t4.1\tja\n\n"
      "Der Stadtrat hat zur Drucksache DS0280/25 unter Berücksichtigung des Änderungsantrages DS0280/25/1 beschlossen.\n";
  const DocumentReferences found = Extract(beschluss);
  EXPECT_EQ(found.id, "009-1(VIII)24");
  EXPECT_EQ(found.kind, "beschluss");
  ASSERT_EQ(found.references.size(), 4u) << ::testing::PrintToString(Targets(found));
  EXPECT_EQ(found.references[0].target, "SR/001(VIII)/24");
  EXPECT_EQ(found.references[0].relation, Relation::kCites);
  EXPECT_EQ(found.references[1].relation, Relation::kDecides);
  EXPECT_EQ(found.references[2].relation, Relation::kDecides);
  EXPECT_EQ(found.references[3].target, "DS0280/25/1");
  EXPECT_EQ(found.references[3].relation, Relation::kCites);
}

TEST(ReferencesTest, MinutesApproveTheirEarlierMinutesByDate) {
  const DocumentReferences found = Extract(
      "Niederschrift der 12. öffentlichen Sitzung des Ausschusses für Umwelt und Energie am 14.03.2024\n\n"
      "1. Bestätigung der Niederschrift der Sitzung am 15.02.2024\n\n"
      "Die Niederschrift der Sitzung vom 15.02.2024 wird ohne Änderungen bestätigt.\n");
  EXPECT_EQ(found.id, "Ausschuss für Umwelt und Energie/2024-03-14");
  EXPECT_EQ(found.kind, "protokoll");
  EXPECT_EQ(found.date, "2024-03-14");
  ASSERT_EQ(found.references.size(), 2u);
  for (const Reference& reference : found.references) {
    EXPECT_EQ(reference.target, "Ausschuss für Umwelt und Energie/2024-02-15");
    EXPECT_EQ(reference.relation, Relation::kApproves);
  }
}

TEST(ReferencesTest, ReferenceKeepsTextSpanPageAndSentence) {
  const NormalizedText text = NormalizedBytes("Erster Satz. Wir verweisen auf die DS 0583/21 im Detail. Letzter Satz.\n");
  const DocumentReferences found = ExtractReferences(text, Magdeburg());
  ASSERT_EQ(found.references.size(), 1u);
  const Reference& reference = found.references[0];
  EXPECT_EQ(reference.text, "DS 0583/21");
  EXPECT_EQ(text.text.substr(reference.span.begin, reference.span.end - reference.span.begin), "DS 0583/21");
  EXPECT_EQ(reference.page, 1);
  EXPECT_EQ(reference.context, "Wir verweisen auf die DS 0583/21 im Detail.");
}

// The facts issue "References" is done by, on the text and the PDF of each sample.
class SampleReferencesTest : public ::testing::TestWithParam<std::string> {
 protected:
  DocumentRecord Analyze(const std::string& stem) {
    const std::string path = GetParam() == "text" ? "samples/text/" + stem + ".txt" : "samples/pdf/" + stem + ".pdf";
    return AnalyzeDocument(SourcePath(path), Magdeburg());
  }
  static bool Has(const DocumentRecord& record, const std::string& target, Relation relation,
                  const std::string& unit = "") {
    return std::any_of(record.references.begin(), record.references.end(), [&](const Reference& r) {
      return r.target == target && r.relation == relation && r.unit == unit;
    });
  }
};

TEST_P(SampleReferencesTest, StellungnahmeAnswersItsAnfrageAndCitesTheConcept) {
  const DocumentRecord record = Analyze("000_f587a7394770ebb2");
  EXPECT_EQ(record.id, "S0056/23");
  EXPECT_EQ(record.kind, "stellungnahme");
  EXPECT_EQ(record.date, "2023-02-07");
  EXPECT_TRUE(Has(record, "F0322/22", Relation::kAnswers));
  // All three stand in the answer to question 1.
  EXPECT_TRUE(Has(record, "DS0583/21/Anlage2#3.32", Relation::kCites, "S0056/23#Frage1"));
  EXPECT_TRUE(Has(record, "DS0583/21/Anlage1", Relation::kCites, "S0056/23#Frage1"));
  EXPECT_TRUE(Has(record, "5384-057(VII)22", Relation::kCites, "S0056/23#Frage1"));
}

TEST_P(SampleReferencesTest, BeiratMinutesCiteAntragInformationAndDienstanweisung) {
  const DocumentRecord record = Analyze("003_e39590d0e48f48c2");
  EXPECT_EQ(record.kind, "protokoll");
  EXPECT_EQ(record.id, "Beirat für Integration und Migration/2023-04-19");
  // Each in the agenda item it stands in.
  const std::string top = record.id + "#TOP";
  EXPECT_TRUE(Has(record, "A0134/21", Relation::kCites, top + "4"));
  EXPECT_TRUE(Has(record, "I0126/21", Relation::kCites, top + "6"));
  EXPECT_TRUE(Has(record, "DA 90/03", Relation::kCites, top + "4"));
  EXPECT_TRUE(Has(record, "Beirat für Integration und Migration/2023-01-18", Relation::kApproves, top + "2"));
}

TEST_P(SampleReferencesTest, AnlageIsAttachmentOfItsDrucksacheAndMeasure23CitesDs036021) {
  const DocumentRecord record = Analyze("004_0c4ff60752e64775");
  EXPECT_EQ(record.id, "DS0583/21/Anlage2");
  EXPECT_EQ(record.kind, "anlage");
  EXPECT_TRUE(Has(record, "DS0583/21", Relation::kAttachmentOf));
  EXPECT_TRUE(Has(record, "DS0360/21", Relation::kCites, "DS0583/21/Anlage2#2.3"));
  EXPECT_EQ(record.structure.units.size(), 59u);
}

TEST_P(SampleReferencesTest, BeschlussDecidesTheIntegrationConcept) {
  const DocumentRecord record = Analyze("103_beschluss_5384-057_VII_22");
  EXPECT_EQ(record.id, "5384-057(VII)22");
  EXPECT_TRUE(Has(record, "DS0583/21", Relation::kDecides));
  EXPECT_TRUE(Has(record, "DS0583/21/Anlage2#7.16", Relation::kCites));
  EXPECT_TRUE(Has(record, "DS0583/21/Anlage2#4.12", Relation::kCites));
}

INSTANTIATE_TEST_SUITE_P(Forms, SampleReferencesTest, ::testing::Values("text", "pdf"));

}  // namespace
}  // namespace ratsdoc

namespace ratsdoc {
namespace {

// Regression: every reference in a megabyte-long table row quoted the whole
// row, so a 2.5 MB line took gigabytes; a context is now bounded.
TEST(ReferenceContext, AReferenceInAVeryLongRowQuotesAWindowNotTheRow) {
  std::string line;
  for (int i = 0; i < 3000; ++i) line += "Siehe\tDS 0583/21\tund weitere Angaben zur Sache ohne Satzende ";
  const DocumentReferences found = ExtractReferences(testing::NormalizedBytes(line + "\n"), testing::Magdeburg());
  ASSERT_EQ(found.references.size(), 3000u);
  for (const Reference& reference : found.references) {
    EXPECT_LE(reference.context.size(), 1000u);
    EXPECT_NE(reference.context.find("DS 0583/21"), std::string::npos) << reference.context;
  }
}

}  // namespace
}  // namespace ratsdoc
