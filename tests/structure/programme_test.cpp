// The programme parser (src/structure/programme.cc): the timed agenda of an
// event, on the sample programme as text export and as PDF (same values from
// both), and on a small synthetic programme in another layout.
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

// One item as "number | time | name | speaker", so a mismatch shows every field.
std::vector<std::string> Describe(const std::vector<AgendaItem>& agenda) {
  std::vector<std::string> out;
  for (const AgendaItem& item : agenda) {
    out.push_back(item.number + " | " + item.time + " | " + item.name + " | " + item.speaker);
  }
  return out;
}

class SampleProgrammeTest : public ::testing::TestWithParam<const char*> {
 protected:
  const DocumentRecord& Programme() const {
    return testing::AnalyzedFile(testing::SamplePath(GetParam(), "002_406d7f5b0e791aa1"));
  }
};

TEST_P(SampleProgrammeTest, SevenTimedItemsWithSpeakers) {
  const DocumentRecord& record = Programme();
  EXPECT_EQ(record.kind, "sonstiges");
  EXPECT_EQ(record.structure.title, "Ablauf der Veranstaltung");
  EXPECT_EQ(Describe(record.structure.agenda),
            (std::vector<std::string>{
                "1 | 09:00 | Begrüßung | Frau Borris, Beigeordnete für Soziales, Jugend und Gesundheit",
                "2 | 09:10 | Einführung zur Studie über die Lebenssituation von Menschen mit Migrationshintergrund in "
                "der Landeshauptstadt Magdeburg | Dr. Gottschalk, Leiter der Stabsstelle V/02, Jugendhilfe, Sozial "
                "und Gesundheitsplanung",
                "3 | 09:20 | Vorstellung ausgewählter Ergebnisse der Studie zur Lebenssituation von Menschen mit "
                "Migrationshintergrund in der Landeshauptstadt Magdeburg | Prof. Dr. Hajji, Hochschule "
                "Magdeburg-Stendal, Fachbereich Sozial- und Gesundheitswesen",
                "4 | 10:15 | Pause | ",
                "5 | 10:30 | Fachdiskussion in Arbeitsgruppen zu den Herausforderungen der Integration von Menschen "
                "mit Migrationshintergrund und der Integrationsarbeit in der Landeshauptstadt Magdeburg | ",
                "6 | 12:00 | Vorstellung der Ergebnisse der Arbeitsgruppen | ",
                "7 | 12:30 | Ende | ",
            }));
}

TEST_P(SampleProgrammeTest, ItemsAreNoUnitsAndALoneTimeInProseIsNoItem) {
  const DocumentStructure& s = Programme().structure;
  for (const AgendaItem& item : s.agenda) EXPECT_EQ(item.id, "") << item.name;
  EXPECT_TRUE(s.units.empty());
  for (const AgendaItem& item : s.agenda) EXPECT_NE(item.time, "16:00");
}

INSTANTIATE_TEST_SUITE_P(TextAndPdf, SampleProgrammeTest, ::testing::Values("text", "pdf"));

// Another layout: colon times, a time range, a speaker after the last of two
// dashes, a wrapped line directly under its item, and a lone time at the
// start of a prose line far from the agenda.
TEST(SyntheticProgrammeTest, RangesColonTimesLastDashAndLoneTime) {
  const NormalizedText text = NormalizedBytes(
      "Fachtag Ehrenamt\n"
      "\n"
      "Der Fachtag bringt Vereine, Initiativen und die Verwaltung zusammen, um über die Zukunft des Ehrenamtes "
      "in den Stadtteilen zu sprechen.\n"
      "\n"
      "Programm\n"
      "\n"
      "13:30 – 14:00 Uhr Ankommen\n"
      "14:00 Uhr Podium – Chancen und Grenzen – Moderation: Frau Dr. Beispiel, Freiwilligenagentur\n"
      "15.15 Uhr Gespräche an Thementischen zu Ehrenamt\n"
      "und Vereinsarbeit im Quartier\n"
      "16 Uhr Abschluss\n"
      "\n"
      "Hinweise\n"
      "\n"
      "Die Anmeldung ist bis zum 01.03.2025 möglich, die Räume sind barrierefrei, für Kinderbetreuung ist "
      "gesorgt und Parkplätze stehen in ausreichender Zahl bereit.\n"
      "Der Eintritt ist frei, Getränke werden gestellt, und wer mag, bringt einen kleinen Beitrag für das "
      "gemeinsame Buffet am Nachmittag mit.\n"
      "Wir freuen uns auf einen anregenden Nachmittag mit vielen Gesprächen über das Engagement in unseren "
      "Stadtteilen und Quartieren.\n"
      "Fragen zur Anmeldung beantwortet die Freiwilligenagentur gern telefonisch oder per E-Mail an den "
      "Werktagen vor der Veranstaltung.\n"
      "Bitte beachten Sie, dass die Zahl der Plätze an den Thementischen begrenzt ist und die Plätze in der "
      "Reihenfolge der Anmeldung vergeben werden.\n"
      "Die Ergebnisse der Thementische werden dokumentiert und allen Teilnehmenden nach der Veranstaltung "
      "per E-Mail zugesandt.\n"
      "Für das leibliche Wohl ist gesorgt; bitte teilen Sie uns bei der Anmeldung mit, ob Sie besondere "
      "Wünsche bei der Verpflegung haben.\n"
      "18.00 Uhr schließt das Haus.\n");
  const DocumentReferences references = ExtractReferences(text, Magdeburg());
  const DocumentStructure s = ExtractStructure(text, Magdeburg(), references, "sha256:test");
  EXPECT_EQ(s.kind, "sonstiges");
  EXPECT_EQ(Describe(s.agenda),
            (std::vector<std::string>{
                "1 | 13:30 | Ankommen | ",
                "2 | 14:00 | Podium – Chancen und Grenzen | Moderation: Frau Dr. Beispiel, Freiwilligenagentur",
                "3 | 15:15 | Gespräche an Thementischen zu Ehrenamt und Vereinsarbeit im Quartier | ",
                "4 | 16:00 | Abschluss | ",
            }));
  ASSERT_EQ(s.agenda.size(), 4u);
  const Span span = s.agenda[2].span;
  EXPECT_EQ(text.text.substr(span.begin, span.end - span.begin),
            "15.15 Uhr Gespräche an Thementischen zu Ehrenamt\nund Vereinsarbeit im Quartier");
}

TEST(SyntheticProgrammeTest, ASingleTimedLineIsNoAgenda) {
  const NormalizedText text = NormalizedBytes(
      "Einladung\n"
      "\n"
      "Wir treffen uns am 12.05.2025.\n"
      "17.00 Uhr Einlass, danach Vortrag.\n");
  const DocumentReferences references = ExtractReferences(text, Magdeburg());
  const DocumentStructure s = ExtractStructure(text, Magdeburg(), references, "sha256:test");
  EXPECT_TRUE(s.agenda.empty());
}

}  // namespace
}  // namespace ratsdoc
