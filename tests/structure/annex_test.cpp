// The concept-annex parser (src/structure/annex.cc): title, action fields
// with their goals under sub-headings, and every measure row with its text
// and responsible units, on the sample Anlage 2 zur DS0583/21 as text export
// and as PDF (same values from both), and on a small synthetic annex in
// another layout.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ratsdoc/graph.h"
#include "ratsdoc/references.h"
#include "ratsdoc/structure.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

using testing::Magdeburg;
using testing::NormalizedBytes;
using testing::SourcePath;

// Responsible units as "name" or "name (lead)", so a mismatch shows them all.
std::vector<std::string> Units(const Measure& measure) {
  std::vector<std::string> units;
  for (const Responsible& r : measure.responsible) units.push_back(r.name + (r.lead ? " (lead)" : ""));
  return units;
}

std::vector<std::string> GoalsUnder(const ActionField& field, const std::string& group) {
  std::vector<std::string> goals;
  for (const Goal& goal : field.goals) {
    if (goal.group == group) goals.push_back(goal.text);
  }
  return goals;
}

const Measure* FindMeasure(const DocumentStructure& s, const std::string& number) {
  for (const Measure& m : s.measures) {
    if (m.number == number) return &m;
  }
  return nullptr;
}

class SampleAnnexTest : public ::testing::TestWithParam<const char*> {
 protected:
  const DocumentRecord& Annex() const {
    return testing::AnalyzedFile(testing::SamplePath(GetParam(), "004_0c4ff60752e64775"));
  }
  const DocumentStructure& S() const { return Annex().structure; }
  const Measure& M(const std::string& number) const {
    const Measure* m = FindMeasure(S(), number);
    if (m == nullptr) ADD_FAILURE() << "no measure " << number;
    static const Measure kNone;
    return m != nullptr ? *m : kNone;
  }
};

TEST_P(SampleAnnexTest, KindIdAndTitleWithoutQuotes) {
  EXPECT_EQ(Annex().kind, "anlage");
  EXPECT_EQ(Annex().id, "DS0583/21/Anlage2");
  EXPECT_EQ(S().title, "Integrationskonzept der Landeshauptstadt Magdeburg ab 2022");
}

TEST_P(SampleAnnexTest, SevenActionFieldsWithNumbersAndTitles) {
  const std::vector<ActionField>& fields = S().action_fields;
  ASSERT_EQ(fields.size(), 7u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"1",
       "Internationalität und Weltoffenheit, gegen Diskriminierung, Rassismus, Fremdenfeindlichkeit, "
       "Antisemitismus und Extremismus"},
      {"2", "Spracherwerb"},
      {"3", "Berufliche Qualifizierung und Arbeitsmarktintegration"},
      {"4", "Integration in den Stadtteilen"},
      {"5", "Gesellschaftliche Teilhabe"},
      {"6", "Interkulturelle Öffnung der Verwaltung"},
      {"7", "Handlungsfeldübergreifendes"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(fields[i].number, expected[i].first);
    EXPECT_EQ(fields[i].title, expected[i].second);
    EXPECT_EQ(fields[i].cross_cutting, i == 6) << fields[i].title;
  }
}

TEST_P(SampleAnnexTest, GoalsOfField4UnderTheirSubHeadings) {
  const ActionField& field = S().action_fields.at(3);
  ASSERT_EQ(field.goals.size(), 7u);
  EXPECT_EQ(GoalsUnder(field, "Wohnen"),
            (std::vector<std::string>{"verbesserte Steuerung der Mieter*innenzusammensetzung zur Vermeidung sozialer "
                                      "und ethnischer Segregation und somit räumlicher Konzentration",
                                      "Intensivierung der Interkulturellen Mieterarbeit"}));
  const std::vector<std::string> health = GoalsUnder(field, "Gesundheit");
  ASSERT_EQ(health.size(), 4u);
  EXPECT_EQ(health[2],
            "Angebotsoptimierung zur psychosozialen Beratung und Betreuung (Traumatisierung aufgrund "
            "Fluchterfahrung und Migration insgesamt)");
  EXPECT_EQ(GoalsUnder(field, "Gesellschaftliches Zusammenleben, Nachbarschaft, Willkommenskultur (im Stadtteil)"),
            (std::vector<std::string>{"die Erstorientierung und das wirkliche Ankommen im Stadtteil oder Quartier, in "
                                      "der Nachbarschaft vom ersten Tag des Zuzugs an zu ermöglichen und das "
                                      "Miteinanderleben heterogener Bevölkerungsgruppen optimal zu gestalten"}));
}

TEST_P(SampleAnnexTest, SubHeadingWrappedInThePdfIsOneGroup) {
  const ActionField& field = S().action_fields.at(2);
  ASSERT_FALSE(field.goals.empty());
  EXPECT_EQ(field.goals.back().group, "Interkulturelles Personalmanagement der Unternehmen, Institutionen, Behörden");
}

// The source glues the sub-heading "Gleichberechtigung aller Geschlechter und
// Bevölkerungsgruppen" to the goal before it; it stays there, as written.
TEST_P(SampleAnnexTest, SubHeadingGluedToAGoalStaysInItsText) {
  const std::vector<std::string> goals =
      GoalsUnder(S().action_fields.at(0), "Begegnung und Dialog zu Kulturen und Weltanschauungen");
  ASSERT_GE(goals.size(), 5u);
  EXPECT_EQ(goals[4],
            "Der Elan zur Kulturförderung wird beibehalten und die Ressourcen werden im Rahmen der Möglichkeiten der "
            "Stadt gestärkt. Gleichberechtigung aller Geschlechter und Bevölkerungsgruppen");
}

TEST_P(SampleAnnexTest, CrossCuttingFieldHasItsGoalsWithoutGroup) {
  const ActionField& field = S().action_fields.at(6);
  ASSERT_EQ(field.goals.size(), 6u);
  EXPECT_EQ(field.goals[0].group, "");
  EXPECT_EQ(field.goals[0].text, "weitere migrationsspezifische Ausrichtung der Sozialarbeit");
}

TEST_P(SampleAnnexTest, All59MeasureNumbersInOrder) {
  const std::vector<std::string> expected = {
      "1.8",  "1.9",  "1.10", "1.11", "1.12",      "1.13",      "1.19", "1.24", "1.27", "1.28", "1.32", "1.33",
      "2.1",  "2.3",  "2.15", "2.17", "3.1 u. a.", "3.5 u. a.", "3.26", "3.32", "4.3",  "4.5",  "4.6",  "4.9",
      "4.12", "4.14", "4.30", "4.32", "4.36",      "4.37",      "4.38", "4.41", "4.42", "4.44", "4.48", "5.1",
      "5.25", "5.32", "5.37", "5.43", "6.2",       "6.4",       "6.5",  "6.6",  "6.7",  "6.8",  "6.9",  "6.11",
      "7.1",  "7.2",  "7.4",  "7.7",  "7.8",       "7.9",       "7.12", "7.13", "7.14", "7.16", "7.17"};
  std::vector<std::string> numbers;
  for (const Measure& m : S().measures) numbers.push_back(m.number);
  EXPECT_EQ(numbers, expected);
  EXPECT_EQ(S().units.size(), 59u);
}

TEST_P(SampleAnnexTest, Measure18LeadAndPartnerWithoutArticle) {
  const Measure& m = M("1.8");
  EXPECT_EQ(m.id, "DS0583/21/Anlage2#1.8");
  EXPECT_EQ(m.text,
            "Die Initiative „Magdeburg eine Stadt für alle“ – Weltoffene Stadt Magdeburg verstärkt fördern und alle "
            "Bevölkerungsgruppen einbinden");
  EXPECT_EQ(Units(m), (std::vector<std::string>{"LH Magdeburg (lead)", "Initiative Weltoffene Stadt Magdeburg"}));
}

TEST_P(SampleAnnexTest, Measure19KeepsDezernatWithCommaWhole) {
  const Measure& m = M("1.9");
  EXPECT_EQ(m.text,
            "Verwaltung im Dialog „Weltoffene Kommune – vom Dialog zum Zusammenhalt“ gezielt einsetzen, um die "
            "Teilhabe der Bevölkerung an der Gestaltung von Internationalität und Weltoffenheit zu verstärken");
  EXPECT_EQ(Units(m),
            (std::vector<std::string>{"LH Magdeburg (lead)", "Dezernat für Soziales, Jugend und Gesundheit (lead)",
                                      "Koordination für Integration und Zuwanderung (lead)",
                                      "Stabsstelle Führungsunterstützung (lead)"}));
}

TEST_P(SampleAnnexTest, Measure21DropsEtc) {
  const Measure& m = M("2.1");
  EXPECT_EQ(m.text,
            "Bedeutung des Spracherwerbs: verstärkte Information über Teilnahmerechte und -pflichten, Bedeutung des "
            "Spracherwerbs für alle Lebensbereiche, mögliche Rechtsfolgen (Sanktionierung, Aufenthaltsrechte, "
            "Einbürgerung)");
  EXPECT_EQ(Units(m), (std::vector<std::string>{"Behörden", "JMD/MBE", "Kursträger*innen", "Unterrichtende"}));
}

TEST_P(SampleAnnexTest, Measure23SplitsAroundTheKnownDezernatAndCitesDs036021) {
  const Measure& m = M("2.3");
  EXPECT_EQ(m.id, "DS0583/21/Anlage2#2.3");
  EXPECT_EQ(m.text,
            "Statistische Erhebungen zu Ursachen von Kursabbrüchen oder Teilnahmepflichtverletzungen liegen nicht vor "
            "(BAMF): künftig Bestandteil einer einheitlichen Berichterstattung bzw. eines Monitorings im Bereich "
            "Integration und Migration aufnehmen (DS0360/21)");
  EXPECT_EQ(Units(m), (std::vector<std::string>{"LH Magdeburg", "Dezernat Soziales, Jugend und Gesundheit",
                                                "Koordination Integration", "AG Integration und Migration",
                                                "Amt für Statistik", "Stabsstelle „Bildung und Wissenschaft“"}));
  bool cited = false;
  for (const Reference& r : Annex().references) {
    if (r.target == "DS0360/21") {
      cited = true;
      EXPECT_EQ(r.unit, "DS0583/21/Anlage2#2.3");
    }
  }
  EXPECT_TRUE(cited);
}

TEST_P(SampleAnnexTest, Measure31WithSuffixTakesItsKeyAsId) {
  const Measure& m = M("3.1 u. a.");
  EXPECT_EQ(m.key, "3.1");
  EXPECT_EQ(m.id, "DS0583/21/Anlage2#3.1");
  EXPECT_EQ(m.text,
            "(weitere) Etablierung und Modernisierung von Kontaktformaten, wie Kontaktbörsen, Stammtische, u. a. "
            "durch digitalisierte Varianten");
  EXPECT_EQ(Units(m), (std::vector<std::string>{"Dezernat Wirtschaft, Tourismus und regionale Zusammenarbeit",
                                                "diversen Partner*innen"}));
}

TEST_P(SampleAnnexTest, Measure332AndMeasure717) {
  const Measure& m332 = M("3.32");
  EXPECT_EQ(m332.id, "DS0583/21/Anlage2#3.32");
  EXPECT_EQ(m332.text, "Städtische Einflussnahme auf die Anerkennung von Berufsabschlüssen und Qualifikationen");
  EXPECT_EQ(Units(m332), (std::vector<std::string>{"Stadtverwaltung und Stadtrat"}));
  const Measure& m717 = M("7.17");
  EXPECT_EQ(m717.text, "Durchführung Befragungen Zielgruppen und Strukturen zu ausgewählten Schwerpunkten");
  EXPECT_EQ(Units(m717), (std::vector<std::string>{"Organisationseinheiten der LH Magdeburg"}));
}

// Text export and PDF break words in table cells differently:
// "Freiwilligen- agentur" vs "Freiwilligenagentur", "sowie" vs "so- wie".
TEST_P(SampleAnnexTest, WordsBrokenInACellAreJoinedButSuspendedCompoundsKept) {
  EXPECT_EQ(Units(M("4.3")), (std::vector<std::string>{"LH Magdeburg", "Dezernat Soziales, Jugend und Gesundheit",
                                                       "Koordination Integration", "Sozial- und Wohnungsamt",
                                                       "Freiwilligenagentur", "Integrationslots*innen"}));
  EXPECT_EQ(Units(M("7.12")),
            (std::vector<std::string>{"LH Magdeburg", "BOB", "Dezernat Soziales, Jugend und Gesundheit", "Gremien"}));
  EXPECT_EQ(Units(M("7.16")),
            (std::vector<std::string>{"LH Magdeburg", "Stabsstelle Jugendhilfe-, Sozial- und Gesundheitsplanung"}));
}

TEST_P(SampleAnnexTest, LeadAfterTheUnitsAndRemarksInParentheses) {
  EXPECT_EQ(Units(M("5.1")), (std::vector<std::string>{"LH Magdeburg (lead)",
                                                       "Bereich OB Stabsstelle Bildung und Wissenschaft (lead)"}));
  EXPECT_EQ(Units(M("4.6")),
            (std::vector<std::string>{"LH Magdeburg", "Dezernat Umwelt und Stadtentwicklung (privater Raum)"}));
  EXPECT_EQ(Units(M("1.27")), (std::vector<std::string>{"LH Magdeburg (lead)", "Büro OB (lead)",
                                                        "Amt für Gleichstellungsfragen (lead)"}));
}

TEST_P(SampleAnnexTest, MeasureSpanIsItsRow) {
  const Measure& m = M("3.32");
  const std::string text =
      testing::NormalizedFile(std::string(GetParam()) == "text" ? "samples/text/004_0c4ff60752e64775.txt"
                                                                : "samples/pdf/004_0c4ff60752e64775.pdf");
  const std::string row = text.substr(m.span.begin, m.span.end - m.span.begin);
  EXPECT_EQ(row.rfind("3.32\t", 0), 0u) << row;
  EXPECT_NE(row.find("Stadtverwaltung und Stadtrat"), std::string::npos) << row;
}

INSTANTIATE_TEST_SUITE_P(TextAndPdf, SampleAnnexTest, ::testing::Values("text", "pdf"));

// Another layout: a Termin column before Verantwortlich, a goal wrapped over
// two lines, a measure row continued on the next line, and a cross-cutting
// field whose measures come from different fields.
TEST(SyntheticAnnexTest, OtherColumnsWrappedLinesAndMixedCrossCuttingField) {
  const NormalizedText text = NormalizedBytes(
      "Anlage 1 zur DS0123/24: „Wohnraumkonzept 2030“\n"
      "\n"
      "Handlungsfeld 1: Wohnen im Quartier\n"
      "\n"
      "Hauptziele\n"
      "\n"
      "Bezahlbarer Wohnraum\n"
      "\n"
      "- Der Anteil geförderter Wohnungen steigt in jedem Stadtteil\n"
      "und wird jährlich berichtet.\n"
      "- Leerstand wird abgebaut.\n"
      "\n"
      "Handlungsempfehlungen und Maßnahmen\n"
      "\n"
      "Nr.\tMaßnahme\tTermin\tVerantwortlich\n"
      "1.1\tWohnungsmarktbericht fortschreiben (siehe DS0360/21)\t2025\tfederführend: LH Magdeburg, Dezernat "
      "Kultur, Schule und Sport in Kooperation mit der Wohnungsbaugesellschaft\n"
      "1.2\tQuartiersmanagement verstetigen\t2026\tStadtplanungsamt,\n"
      "\tund ausbauen\t\tWohnungsunternehmen u. a.\n"
      "\n"
      "Handlungsfeldübergreifendes\n"
      "\n"
      "Hauptziele\n"
      "\n"
      "- Daten werden geteilt.\n"
      "\n"
      "Nr.\tMaßnahme\tTermin\tVerantwortlich\n"
      "1.9\tMonitoring\t2025\tAmt für Statistik\n"
      "2.4\tBerichte\t2026\tVerwaltung\n");
  DocumentReferences references = ExtractReferences(text, Magdeburg());
  ASSERT_EQ(references.id, "DS0123/24/Anlage1");
  const DocumentStructure s = ExtractStructure(text, Magdeburg(), references, references.id);
  AttributeToUnits(s.units, &references.references);

  EXPECT_EQ(s.kind, "anlage");
  EXPECT_EQ(s.title, "Wohnraumkonzept 2030");
  ASSERT_EQ(s.action_fields.size(), 2u);
  EXPECT_EQ(s.action_fields[0].number, "1");
  EXPECT_EQ(s.action_fields[0].title, "Wohnen im Quartier");
  ASSERT_EQ(s.action_fields[0].goals.size(), 2u);
  EXPECT_EQ(s.action_fields[0].goals[0].group, "Bezahlbarer Wohnraum");
  EXPECT_EQ(s.action_fields[0].goals[0].text,
            "Der Anteil geförderter Wohnungen steigt in jedem Stadtteil und wird jährlich berichtet.");
  EXPECT_TRUE(s.action_fields[1].cross_cutting);
  EXPECT_EQ(s.action_fields[1].number, "übergreifend");

  ASSERT_EQ(s.measures.size(), 4u);
  EXPECT_EQ(s.measures[0].id, "DS0123/24/Anlage1#1.1");
  EXPECT_EQ(s.measures[0].text, "Wohnungsmarktbericht fortschreiben (siehe DS0360/21)");
  EXPECT_EQ(Units(s.measures[0]),
            (std::vector<std::string>{"LH Magdeburg (lead)", "Dezernat Kultur, Schule und Sport (lead)",
                                      "Wohnungsbaugesellschaft"}));
  EXPECT_EQ(s.measures[1].text, "Quartiersmanagement verstetigen und ausbauen");
  EXPECT_EQ(Units(s.measures[1]), (std::vector<std::string>{"Stadtplanungsamt", "Wohnungsunternehmen"}));
  EXPECT_EQ(Units(s.measures[3]), (std::vector<std::string>{"Verwaltung"}));

  bool cited = false;
  for (const Reference& r : references.references) {
    if (r.target == "DS0360/21") {
      cited = true;
      EXPECT_EQ(r.unit, "DS0123/24/Anlage1#1.1");
    }
  }
  EXPECT_TRUE(cited);
}

TEST(SyntheticAnnexTest, CrossCuttingFieldTakesTheNumberItsMeasuresShare) {
  const NormalizedText text = NormalizedBytes(
      "Anlage 3 zur DS0200/23:\n"
      "Leitbild Teilhabe\n"
      "\n"
      "Handlungsfeldübergreifendes\n"
      "\n"
      "Nr.\tHandlungsempfehlungen/Maßnahmen\tVerantwortlich\n"
      "9.1\tBerichte erstellen\tVerwaltung\n"
      "9.2\tDaten teilen\tBehörden etc.\n");
  const DocumentReferences references = ExtractReferences(text, Magdeburg());
  const DocumentStructure s = ExtractStructure(text, Magdeburg(), references, references.id);
  EXPECT_EQ(s.title, "Leitbild Teilhabe");
  ASSERT_EQ(s.action_fields.size(), 1u);
  EXPECT_EQ(s.action_fields[0].number, "9");
  ASSERT_EQ(s.measures.size(), 2u);
  EXPECT_EQ(Units(s.measures[1]), (std::vector<std::string>{"Behörden"}));
}

}  // namespace
}  // namespace ratsdoc
