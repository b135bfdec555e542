// The minutes parser (src/structure/minutes.cc): meeting, attendance tables,
// quorum, agenda items and the attribution of references to them, on the
// sample minutes as text export and as PDF (same values from both), and on a
// small synthetic Niederschrift in another layout.
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

constexpr const char* kBody = "Beirat für Integration und Migration";
constexpr const char* kMinutesId = "Beirat für Integration und Migration/2023-04-19";

// One person as "name | title | role | group | attendance | substitute_for",
// so a mismatch shows every field at once.
std::string Describe(const Person& p) {
  return p.name + " | " + p.title + " | " + p.role + " | " + p.group + " | " + p.attendance + " | " + p.substitute_for;
}

std::vector<std::string> DescribeAll(const std::vector<Person>& people, const std::string& section) {
  std::vector<std::string> out;
  for (const Person& p : people) {
    if (p.section == section) out.push_back(Describe(p));
  }
  return out;
}

const Reference* FindReference(const DocumentRecord& record, const std::string& target) {
  for (const Reference& reference : record.references) {
    if (reference.target == target) return &reference;
  }
  return nullptr;
}

class SampleMinutesTest : public ::testing::TestWithParam<const char*> {
 protected:
  const DocumentRecord& record() const { return testing::AnalyzedFile(GetParam()); }
  const DocumentStructure& structure() const { return record().structure; }
};

TEST_P(SampleMinutesTest, MeetingFromTheTitleLine) {
  ASSERT_TRUE(record().status.ok()) << record().status.ToString();
  EXPECT_EQ(structure().kind, "protokoll");
  ASSERT_TRUE(structure().has_meeting);
  const Meeting& m = structure().meeting;
  EXPECT_EQ(m.body, kBody);
  EXPECT_EQ(m.number, "2");
  EXPECT_EQ(m.is_public, "true");
  EXPECT_EQ(m.date, "2023-04-19");
  EXPECT_EQ(m.start, "17:00");
  EXPECT_EQ(m.end, "19:00");
  EXPECT_EQ(m.location, "Rathaus, Hansesaal");
  EXPECT_EQ(structure().title,
            "Ergebnisprotokoll der 2. öffentlichen Sitzung des Beirates für Integration und Migration am 19.04.2023 "
            "von - 17:00 bis 19:00 Uhr im Rathaus, Hansesaal");
}

TEST_P(SampleMinutesTest, QuorumClosingTimeAndMinuteTaker) {
  const Meeting& m = structure().meeting;
  EXPECT_EQ(m.quorum, 9);
  EXPECT_EQ(m.closed, "19:00");
  EXPECT_EQ(m.minute_taker, "Abdoul Coulibaly");
}

TEST_P(SampleMinutesTest, CouncilMembersWithRolesAndSubstitutions) {
  const std::vector<std::string> expected = {
      "Manuel Rupsch |  | Stadtrat | CDU | excused | ",
      "Kornelia Keune |  | Stadträtin | SPD | present | Steffi Meyer",
      "Kathrin Natho |  | Stadträtin | Bündnis 90/Die Grünen- future! | present | ",
      "René Hempel |  | Stadtrat | Die LINKE | present | Nadja Lösch",
      "Christian Mertens |  | Stadtrat | AFD | unknown | ",
      "Aila Fassl |  | Stadträtin | Gartenpartei/Tierschutzallianz | unknown | ",
      "Karl-Sy |  | Stadträtin | FDP/Tierschutzpartei | present | Evelin Schulz",
  };
  EXPECT_EQ(DescribeAll(structure().participants, "Teilnehmende Mitglieder aus den Stadtratsfraktionen"), expected);
}

TEST_P(SampleMinutesTest, BeiratMembersWithTitles) {
  const std::string group = kBody;
  const std::vector<std::string> expected = {
      "Saadet Ismayil |  |  | " + group + " | present | ",
      "Amjad Alhajjh | Dr. |  | " + group + " | excused | ",
      "Olesya Becker |  |  | " + group + " | present | ",
      "Krzysztof Blau |  |  | " + group + " | present | ",
      "Hoang Ha Vu Thi |  |  | " + group + " | present | ",
      "Ekrem Tahiri |  |  | " + group + " | unknown | ",
      "Kavita Ghone-Schmiedecke |  |  | " + group + " | present | ",
      "Venugopal Reddy Bireddy | Dr. |  | " + group + " | excused | ",
  };
  EXPECT_EQ(DescribeAll(structure().participants, "Mitglieder aus der Bevölkerung mit Migrationshintergrund"), expected);
  const std::vector<std::string> substitutes = {
      "Moustapha Boutlilis |  |  | " + group + " | unknown | ",
      "Tsegaye Wolde |  |  | " + group + " | unknown | ",
  };
  EXPECT_EQ(DescribeAll(structure().participants, "Teilnehmer/-innen bestellte Nachrücker"), substitutes);
}

// Cells naming several people, a leaked column label and an attendance word
// merged into the name cell (PDF) all come out as the text export has them.
TEST_P(SampleMinutesTest, AdministrationRowsSplitAndRepaired) {
  const std::string office = "Dezernat V, Büro der Beigeordneten – Beauftragte Kinder Menschen mit Behinderung Senioren";
  const std::string coordinators = "Dezernat V, Büro der Beigeordneten – Koordinatoren Integration Belange ältere Menschen";
  const std::vector<std::string> expected = {
      "Heike Ponitka |  |  | Büro OB' in. Amt für Gleichstellungsfragen, Amtsleiterin Gleichstellungsbeauftragte | unknown | ",
      "Ronni Krug |  |  | Dezernat I, Beigeordneter Ausländerbehörde | present | ",
      "Cornelia Arnold | Dr. |  | Dezernat V, AMT Beigeordnete | present | ",
      "Kathrin Thäger |  |  | " + office + " | unknown | ",
      "Tanja Pasewald |  |  | " + office + " | unknown | ",
      "Roland Bartels |  |  | " + office + " | unknown | ",
      "Laura Lubinski |  |  | " + coordinators + " | present | ",
      "Martina Schueler |  |  | " + coordinators + " | present | ",
      "Abdoul Coulibaly |  |  | Dezernat V, Koordinator für Integration & Migration Geschäftsführung des Beirates | present | ",
  };
  EXPECT_EQ(DescribeAll(structure().participants, "Teilnehmer/-innen(Gäste) aus der Verwaltung"), expected);
}

// Rows with a group and no name ("MO-MD", "Integrationsnetzwerk") are not
// persons; a person listed under two groups is listed twice.
TEST_P(SampleMinutesTest, GuestsKeepDuplicatesAndSkipNamelessRows) {
  const std::vector<std::string> expected = {
      "Steffen Kilian |  |  | AG-Sprecher*innen: AG-Arbeit & Ausbildung | unknown | ",
      "Steffen Kilian |  |  | Sprecher AG-Sprache | unknown | ",
      "Manja Lorenz |  |  | Sprecher AG-Interkultur und Soziales – | unknown | ",
  };
  EXPECT_EQ(DescribeAll(structure().participants, "Teilnehmende Gäste"), expected);
  EXPECT_EQ(structure().participants.size(), 29u);
}

TEST_P(SampleMinutesTest, TenAgendaItemsWithTheirNames) {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"1", "Eröffnung, Feststellung der Beschlussfähigkeit und Bestätigung der Tagesordnung"},
      {"2", "Bestätigung des Ergebnisprotokolls der Sitzung am 18.01.2023"},
      {"3", "Vorstellung – Information und Austausch mit dem Beigeordneten Ronni Krug"},
      {"4", "Kurzbericht des Integrationsbeauftragten über strukturelle Defizite bei der Anwendung der "
            "Dienstanweisung (DA 90/03) für ehrenamtlich Beauftragte der Landeshauptstadt Magdeburg"},
      {"5", "Information aus der Verwaltung zum Stand der Umsetzungsplanung des Integrationskonzeptes der "
            "Landeshauptstadt Magdeburg"},
      {"6", "Information aus der Verwaltung zu den Ergebnissen der Befragung von Migrant*innen – Information I0126/21"},
      {"7", "Information aus der Verwaltung zu den Ergebnissen des Austausches mit den Magdeburger "
            "Migrantenorganisationen am 13.04.2023"},
      {"8", "Information des Beirates für Integration und Migration zu den Ergebnissen der Klausurtagung des "
            "Gremiums am 25.02.2023"},
      {"9", "Aktuelle Informationen aus der Arbeitsgruppen des Netzwerkes für Integrations- und Ausländerarbeit"},
      {"10", "Verschiedenes"},
  };
  std::vector<std::pair<std::string, std::string>> found;
  for (const AgendaItem& item : structure().agenda) found.emplace_back(item.number, item.name);
  EXPECT_EQ(found, expected);
}

TEST_P(SampleMinutesTest, AgendaTextRunsToTheNextItemOrTheClosingLine) {
  const std::vector<AgendaItem>& agenda = structure().agenda;
  ASSERT_EQ(agenda.size(), 10u);
  EXPECT_EQ(agenda[1].text, "Das Ergebnisprotokoll der Beiratssitzung am 18.01.2023 wird, wie vorgelegt, bestätigt.");
  EXPECT_NE(agenda[3].text.find("A0134/21"), std::string::npos);
  // The dash list inside TOP 8 is its text, not a heading.
  EXPECT_NE(agenda[7].text.find("Mitgestaltung der Antirassismus Woche"), std::string::npos);
  EXPECT_TRUE(agenda[7].text.ends_with("einen Integrationspreis organisieren.")) << agenda[7].text;
  EXPECT_TRUE(agenda[9].text.ends_with("und schließt die Sitzung.")) << agenda[9].text;
  EXPECT_EQ(agenda[9].text.find("Ende der Sitzung"), std::string::npos);
  EXPECT_EQ(agenda[9].text.find("F.d.R.d.P."), std::string::npos);
}

TEST_P(SampleMinutesTest, AgendaItemIdsFromTheMinutesId) {
  ASSERT_EQ(record().id, kMinutesId);
  ASSERT_EQ(structure().agenda.size(), 10u);
  EXPECT_EQ(structure().agenda[3].id, std::string(kMinutesId) + "#TOP4");
}

TEST_P(SampleMinutesTest, ReferencesAreAttributedToTheirAgendaItem) {
  const std::vector<AgendaItem>& agenda = structure().agenda;
  ASSERT_EQ(agenda.size(), 10u);
  for (const auto& [target, top] : std::vector<std::pair<std::string, std::size_t>>{
           {"A0134/21", 4}, {"I0126/21", 6}, {"DA 90/03", 4}}) {
    const Reference* reference = FindReference(record(), target);
    ASSERT_NE(reference, nullptr) << target;
    EXPECT_EQ(reference->unit, agenda[top - 1].id) << target;
  }
  const Reference* approved = FindReference(record(), "Beirat für Integration und Migration/2023-01-18");
  ASSERT_NE(approved, nullptr);
  EXPECT_EQ(approved->relation, Relation::kApproves);
  EXPECT_EQ(approved->unit, agenda[1].id);
}

INSTANTIATE_TEST_SUITE_P(TextAndPdf, SampleMinutesTest,
                         ::testing::Values("samples/text/003_e39590d0e48f48c2.txt",
                                           "samples/pdf/003_e39590d0e48f48c2.pdf"));

TEST(MinutesTest, TextAndPdfGiveTheSameParticipantsAndAgenda) {
  const DocumentRecord text = AnalyzeDocument(SourcePath("samples/text/003_e39590d0e48f48c2.txt"), Magdeburg());
  const DocumentRecord pdf = AnalyzeDocument(SourcePath("samples/pdf/003_e39590d0e48f48c2.pdf"), Magdeburg());
  std::vector<std::string> from_text, from_pdf;
  for (const Person& p : text.structure.participants) from_text.push_back(p.section + " | " + Describe(p));
  for (const Person& p : pdf.structure.participants) from_pdf.push_back(p.section + " | " + Describe(p));
  EXPECT_EQ(from_text, from_pdf);
  ASSERT_EQ(text.structure.agenda.size(), pdf.structure.agenda.size());
  for (std::size_t i = 0; i < text.structure.agenda.size(); ++i) {
    EXPECT_EQ(text.structure.agenda[i].name, pdf.structure.agenda[i].name);
  }
}

// Another body, a closed session, other times, a "TOP n:" layout with a table
// of contents, a numbered list inside an item and a sub-item.
constexpr const char* kSynthetic =
    "Niederschrift der 5. nicht öffentlichen Sitzung des Stadtrates am 02.03.2023 von 14:30 Uhr bis 18:15 Uhr "
    "im Ratssaal\n"
    "\n"
    "Anwesende Mitglieder\n"
    "\n"
    "Fraktion\tName\tAnwesenheit\n"
    "CDU\tHerr Stadtrat Dr. Max Muster\tja\n"
    "SPD\tFrau Stadträtin Erika Beispiel\tentschuldigt\n"
    "FDP\tHerr Stadtrat Jan Probe für Frau Stadträtin Eva Test\tja\n"
    "\n"
    "Tagesordnung\n"
    "TOP 1: Eröffnung\n"
    "TOP 2: Bericht über die Drucksache DS0583/21\n"
    "TOP 3: Verschiedenes\n"
    "\n"
    "TOP 1: Eröffnung\n"
    "\n"
    "Der Vorsitzende eröffnet die Sitzung. Es sind 12 stimmberechtigte Mitglieder anwesend, der Stadtrat ist "
    "beschlussfähig.\n"
    "\n"
    "TOP 2: Bericht über die Drucksache DS0583/21\n"
    "\n"
    "Die Verwaltung berichtet zur DS0583/21:\n"
    "1. Erster Punkt\n"
    "2. Zweiter Punkt\n"
    "\n"
    "TOP 2.1 Nachfragen\n"
    "\n"
    "Es gibt Nachfragen zur Anfrage F0301/23.\n"
    "\n"
    "TOP 3: Verschiedenes\n"
    "\n"
    "Keine Wortmeldungen.\n"
    "\n"
    "Sitzungsende: 18.15 Uhr\n"
    "\n"
    "Protokollführerin: Anna Schmidt\n";

TEST(MinutesTest, SyntheticNiederschriftOfAClosedCouncilSession) {
  const NormalizedText text = NormalizedBytes(kSynthetic);
  const DocumentReferences references = ExtractReferences(text, Magdeburg());
  const DocumentStructure s = ExtractStructure(text, Magdeburg(), references, "test");
  EXPECT_EQ(s.kind, "protokoll");
  ASSERT_TRUE(s.has_meeting);
  EXPECT_EQ(s.meeting.body, "Stadtrat");
  EXPECT_EQ(s.meeting.number, "5");
  EXPECT_EQ(s.meeting.is_public, "false");
  EXPECT_EQ(s.meeting.date, "2023-03-02");
  EXPECT_EQ(s.meeting.start, "14:30");
  EXPECT_EQ(s.meeting.end, "18:15");
  EXPECT_EQ(s.meeting.location, "Ratssaal");
  EXPECT_EQ(s.meeting.quorum, 12);
  EXPECT_EQ(s.meeting.closed, "18:15");
  EXPECT_EQ(s.meeting.minute_taker, "Anna Schmidt");

  std::vector<std::string> people;
  for (const Person& p : s.participants) people.push_back(p.section + " | " + Describe(p));
  const std::vector<std::string> expected_people = {
      "Anwesende Mitglieder | Max Muster | Dr. | Stadtrat | CDU | present | ",
      "Anwesende Mitglieder | Erika Beispiel |  | Stadträtin | SPD | excused | ",
      "Anwesende Mitglieder | Jan Probe |  | Stadtrat | FDP | present | Eva Test",
  };
  EXPECT_EQ(people, expected_people);

  // The table of contents is not the agenda; "1." and "2." inside TOP 2 are its text.
  std::vector<std::string> agenda;
  for (const AgendaItem& item : s.agenda) agenda.push_back(item.number + " " + item.name + " | " + item.text);
  const std::vector<std::string> expected_agenda = {
      "1 Eröffnung | Der Vorsitzende eröffnet die Sitzung. Es sind 12 stimmberechtigte Mitglieder anwesend, der "
      "Stadtrat ist beschlussfähig.",
      "2 Bericht über die Drucksache DS0583/21 | Die Verwaltung berichtet zur DS0583/21: 1. Erster Punkt 2. Zweiter "
      "Punkt",
      "2.1 Nachfragen | Es gibt Nachfragen zur Anfrage F0301/23.",
      "3 Verschiedenes | Keine Wortmeldungen.",
  };
  EXPECT_EQ(agenda, expected_agenda);

  // A sub-item's span lies inside its TOP's, so its references are the sub-item's.
  ASSERT_EQ(s.agenda.size(), 4u);
  EXPECT_LE(s.agenda[1].span.begin, s.agenda[2].span.begin);
  EXPECT_EQ(s.agenda[1].span.end, s.agenda[2].span.end);
  std::vector<Reference> attributed = references.references;
  AttributeToUnits(s.units, &attributed);
  for (const Reference& reference : attributed) {
    if (reference.target == "F0301/23") {
      EXPECT_EQ(reference.unit, s.agenda[2].id);
    }
  }
}

// A PDF may leave a title wrapped over lines, directly above a table heading.
TEST(MinutesTest, TitleWrappedOverLinesStopsAtTheTableHeading) {
  NormalizedText text;
  text.text =
      "Ergebnisprotokoll der 2. öffentlichen Sitzung des Beirates für Integration\n"
      "und Migration am 19.04.2023 von - 17:00 bis 19:00 Uhr im Rathaus,\n"
      "Hansesaal\n"
      "Teilnehmende Mitglieder\n"
      "Fraktion\tVorname, Name\tTeilnahme\n"
      "CDU\tHerr Stadtrat Manuel Rupsch\tentschuldigt\n"
      "Gäste\tVorname, Name Abdoul Coulibaly ja\n"
      "\n"
      "1. Eröffnung\n"
      "Text.\n";
  const DocumentStructure s = ExtractStructure(text, Magdeburg(), ExtractReferences(text, Magdeburg()), "test");
  EXPECT_EQ(s.meeting.body, kBody);
  EXPECT_EQ(s.meeting.date, "2023-04-19");
  EXPECT_EQ(s.meeting.end, "19:00");
  EXPECT_EQ(s.meeting.location, "Rathaus, Hansesaal");
  std::vector<std::string> people;
  for (const Person& p : s.participants) people.push_back(p.section + " | " + Describe(p));
  const std::vector<std::string> expected = {
      "Teilnehmende Mitglieder | Manuel Rupsch |  | Stadtrat | CDU | excused | ",
      "Teilnehmende Mitglieder | Abdoul Coulibaly |  |  | Gäste | present | ",
  };
  EXPECT_EQ(people, expected);
  ASSERT_EQ(s.agenda.size(), 1u);
  EXPECT_EQ(s.agenda[0].text, "Text.");
}

}  // namespace
}  // namespace ratsdoc
