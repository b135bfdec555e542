// Structure of papers (Stellungnahme, Anfrage, Antrag, Beschluss, Drucksache,
// Information), kind by content, and the units references are attributed to.
// Every sample is checked from its text and from its PDF: the values must be
// the same.
#include <algorithm>

#include "ratsdoc/graph.h"
#include "ratsdoc/structure.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

using testing::Magdeburg;
using testing::NormalizedBytes;
using testing::SourcePath;

class PaperTest : public ::testing::TestWithParam<const char*> {
 protected:
  const DocumentRecord& Sample(const std::string& stem) const {
    const DocumentRecord& record = testing::AnalyzedFile(testing::SamplePath(GetParam(), stem));
    EXPECT_TRUE(record.status.ok()) << record.status.ToString();
    return record;
  }
};

const Reference* ReferenceTo(const DocumentRecord& record, const std::string& target) {
  for (const Reference& reference : record.references) {
    if (reference.target == target) return &reference;
  }
  return nullptr;
}

void ExpectPerson(const Person& person, const std::string& name, const std::string& title, const std::string& role,
                  const std::string& group) {
  EXPECT_EQ(person.name, name);
  EXPECT_EQ(person.title, title) << name;
  EXPECT_EQ(person.role, role) << name;
  EXPECT_EQ(person.group, group) << name;
}

TEST_P(PaperTest, StellungnahmeHasItsHeaderFieldsQuestionsAnswersAndSignature) {
  const DocumentRecord& record = Sample("000_f587a7394770ebb2");
  const DocumentStructure& s = record.structure;
  EXPECT_EQ(record.id, "S0056/23");
  EXPECT_EQ(s.kind, "stellungnahme");
  EXPECT_EQ(record.date, "2023-02-07");
  EXPECT_EQ(s.title, "Schließung IQ-Netzwerk Magdeburg");
  EXPECT_EQ(s.subject_paper, "F0322/22");
  ExpectPerson(s.subject_person, "Jäger", "", "Stadträtin", "Fraktion DIE LINKE");
  EXPECT_EQ(s.originator, "V/02");
  EXPECT_EQ(s.distribution, "Die Oberbürgermeisterin");
  EXPECT_EQ(s.distribution_date, "2023-02-14");

  ASSERT_EQ(s.questions.size(), 2u);
  EXPECT_EQ(s.questions[0].number, "1");
  EXPECT_EQ(s.questions[0].id, "S0056/23#Frage1");
  EXPECT_EQ(s.questions[0].text,
            "Inwieweit ist die Zusammenarbeit mit dem IQ-Netzwerk Teil unseres gerade beschlossenen Integrationskonzeptes?");
  EXPECT_EQ(s.questions[0].answer.rfind("Die Anerkennungsberatung im Ausland erworbener Qualifikationen", 0), 0u);
  EXPECT_NE(s.questions[0].answer.find("unter Punkt 3.32 aus"), std::string::npos);
  EXPECT_NE(s.questions[0].answer.find("vom 08.12.2022."), std::string::npos);
  EXPECT_EQ(s.questions[1].number, "2");
  EXPECT_EQ(s.questions[1].text,
            "Wird seitens der Stadt Magdeburg die Fortführung des Beratungsangebotes angestrebt und unterstützt?");
  EXPECT_EQ(s.questions[1].answer.rfind("Die Landeshauptstadt Magdeburg weist auf die absehbaren negativen Folgen", 0), 0u);
  // The answer ends with the quoted headline, not with the signature.
  const std::string& answer = s.questions[1].answer;
  EXPECT_EQ(answer.substr(answer.size() - 8), "| MDR.DE") << answer;

  ASSERT_EQ(s.signatures.size(), 1u);
  ExpectPerson(s.signatures[0], "Arnold", "Dr.", "", "");

  // References are attributed to the question they stand in.
  const Reference* measure = ReferenceTo(record, "DS0583/21/Anlage2#3.32");
  ASSERT_NE(measure, nullptr);
  EXPECT_EQ(measure->unit, "S0056/23#Frage1");
  const Reference* answered = ReferenceTo(record, "F0322/22");
  ASSERT_NE(answered, nullptr);
  EXPECT_EQ(answered->unit, "");  // in the header, outside every question
}

TEST_P(PaperTest, AnfrageHasSubmitterAddresseeSessionQuestionsAndSignature) {
  const DocumentRecord& record = Sample("101_anfrage_F0301_23");
  const DocumentStructure& s = record.structure;
  EXPECT_EQ(record.id, "F0301/23");
  EXPECT_EQ(s.kind, "anfrage");
  EXPECT_EQ(record.date, "2023-10-10");
  EXPECT_EQ(s.title, "Auslastung der städtischen Gebäude");
  EXPECT_EQ(s.addressee, "Oberbürgermeisterin Frau Simone Borris");
  ASSERT_EQ(s.submitters.size(), 1u);
  ExpectPerson(s.submitters[0], "Miriam Kessler", "Dr.", "Stadträtin", "SPD-Stadtratsfraktion");
  ASSERT_EQ(s.sessions.size(), 1u);
  EXPECT_EQ(s.sessions[0].body, "Stadtrat");
  EXPECT_EQ(s.sessions[0].date, "2023-10-12");

  ASSERT_EQ(s.questions.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(s.questions[i].number, std::to_string(i + 1));
  EXPECT_EQ(s.questions[0].text.rfind("Wie hoch ist die durchschnittliche Auslastung", 0), 0u);
  EXPECT_EQ(s.questions[2].text,
            "Ist die Verwaltung bereit, freie Kapazitäten für eine wohnortnahe Anerkennungs- und "
            "Qualifizierungsberatung im Sinne der Maßnahme 3.32 bereitzustellen, und welche Standorte kämen dafür in "
            "Betracht?");
  EXPECT_TRUE(s.questions[3].answer.empty());
  // The closing request is not part of question 4.
  EXPECT_EQ(s.questions[3].text.find("Ich bitte um"), std::string::npos);

  ASSERT_EQ(s.signatures.size(), 1u);
  ExpectPerson(s.signatures[0], "Miriam Kessler", "Dr.", "Stadträtin", "SPD-Stadtratsfraktion");

  const Reference* measure = ReferenceTo(record, "DS0583/21/Anlage2#3.32");
  ASSERT_NE(measure, nullptr);
  // The first mention (in the introduction) stands in no question.
  EXPECT_EQ(measure->unit, "");
  const auto in_question_4 = std::find_if(record.references.begin(), record.references.end(), [](const Reference& r) {
    return r.text == "DS 0583/21";
  });
  ASSERT_NE(in_question_4, record.references.end());
  EXPECT_EQ(in_question_4->unit, "F0301/23#Frage4");
}

TEST_P(PaperTest, AntragHasFraktionenProposalsAndThreeSignatures) {
  const DocumentRecord& record = Sample("102_antrag_A0134_21");
  const DocumentStructure& s = record.structure;
  EXPECT_EQ(s.kind, "antrag");
  EXPECT_EQ(record.date, "2021-07-02");
  EXPECT_EQ(s.title, "Prüfantrag zur Stärkung der Arbeitsfähigkeit des Beirates für Migration und Integration");
  EXPECT_EQ(s.addressee, "Vorsitzender des Stadtrates Herr Prof. Dr. Alexander Pott");
  std::vector<std::string> groups;
  for (const Person& submitter : s.submitters) {
    EXPECT_EQ(submitter.name, "");
    groups.push_back(submitter.group);
  }
  EXPECT_EQ(groups, (std::vector<std::string>{"Interfraktionell", "Fraktion DIE LINKE", "SPD-Stadtratsfraktion",
                                              "Fraktion GRÜNE/future!"}));
  ASSERT_EQ(s.sessions.size(), 1u);
  EXPECT_EQ(s.sessions[0].body, "Stadtrat");
  EXPECT_EQ(s.sessions[0].date, "2021-07-15");

  ASSERT_EQ(s.questions.size(), 4u);
  EXPECT_EQ(s.questions[1].text,
            "ob dem Beirat ab dem Haushaltsjahr 2022 ein eigenes Sachkostenbudget in Höhe von 12.500 EUR jährlich für "
            "Öffentlichkeitsarbeit, Übersetzungen und Veranstaltungen zur Verfügung gestellt werden kann,");
  EXPECT_EQ(s.questions[3].text.find("Über das Ergebnis"), std::string::npos);

  ASSERT_EQ(s.signatures.size(), 3u);
  ExpectPerson(s.signatures[0], "Sabine Hartwig", "", "Stadträtin", "Fraktion DIE LINKE");
  ExpectPerson(s.signatures[1], "Marcel Oehme", "", "Stadtrat", "SPD-Stadtratsfraktion");
  ExpectPerson(s.signatures[2], "Jana Kühl", "", "Stadträtin", "Fraktion GRÜNE/future!");

  const Reference* directive = ReferenceTo(record, "DA 90/03");
  ASSERT_NE(directive, nullptr);
  EXPECT_EQ(directive->unit, "A0134/21#Frage3");
}

TEST_P(PaperTest, BeschlussHasSessionDecidedPaperDecisionPointsAndVotes) {
  const DocumentRecord& record = Sample("103_beschluss_5384-057_VII_22");
  const DocumentStructure& s = record.structure;
  EXPECT_EQ(record.id, "5384-057(VII)22");
  EXPECT_EQ(s.kind, "beschluss");
  EXPECT_EQ(record.date, "2022-12-08");
  EXPECT_EQ(s.title, "Integrationskonzept der Landeshauptstadt Magdeburg ab 2022");
  ASSERT_EQ(s.sessions.size(), 1u);
  EXPECT_EQ(s.sessions[0].body, "Stadtrat der Landeshauptstadt Magdeburg");
  EXPECT_EQ(s.sessions[0].date, "2022-12-08");
  EXPECT_EQ(s.sessions[0].number, "SR/057(VII)/22");
  EXPECT_EQ(s.sessions[0].item, "5.4");
  EXPECT_EQ(s.sessions[0].is_public, "true");
  const Reference* decided = ReferenceTo(record, "DS0583/21");
  ASSERT_NE(decided, nullptr);
  EXPECT_EQ(decided->relation, Relation::kDecides);

  ASSERT_EQ(s.decisions.size(), 4u);
  EXPECT_EQ(s.decisions[0].text.rfind("Der Stadtrat beschließt das Integrationskonzept", 0), 0u);
  EXPECT_EQ(s.decisions[3].number, "4");
  EXPECT_EQ(s.decisions[3].text,
            "Die Maßnahmen 4.5, 4.9 und 4.12 aus dem Handlungsfeld „Integration in den Stadtteilen“ sind gemeinsam mit "
            "den Magdeburger Wohnungsunternehmen zu untersetzen. Dem Gesundheits- und Sozialausschuss ist hierzu bis "
            "zum 30.06.2023 zu berichten.");

  ASSERT_EQ(s.votes.size(), 3u);
  EXPECT_EQ(s.votes[0].subject, "Änderungsantrag DS0583/21/1/1");
  EXPECT_EQ(s.votes[0].result, "abgelehnt");
  EXPECT_EQ(s.votes[0].yes, 7);
  EXPECT_EQ(s.votes[0].no, 40);
  EXPECT_EQ(s.votes[0].abstentions, 3);
  EXPECT_EQ(s.votes[1].subject, "Änderungsantrag DS0583/21/1 (Gesundheits- und Sozialausschuss)");
  EXPECT_EQ(s.votes[1].result, "angenommen");
  EXPECT_EQ(s.votes[1].yes, 41);
  EXPECT_EQ(s.votes[2].subject, "Drucksache DS0583/21 in der geänderten Fassung");
  EXPECT_EQ(s.votes[2].result, "geändert beschlossen");
  EXPECT_EQ(s.votes[2].yes, 38);
  EXPECT_EQ(s.votes[2].no, 9);
  EXPECT_EQ(s.votes[2].abstentions, 3);

  ASSERT_EQ(s.signatures.size(), 1u);
  ExpectPerson(s.signatures[0], "Pott", "Prof. Dr.", "Vorsitzender des Stadtrates", "");
}

TEST_P(PaperTest, DrucksacheHasOriginatorSessionsProposalSectionsAndSignature) {
  const DocumentRecord& record = Sample("104_drucksache_DS0583_21");
  const DocumentStructure& s = record.structure;
  EXPECT_EQ(record.id, "DS0583/21");
  EXPECT_EQ(s.kind, "drucksache");
  EXPECT_EQ(record.date, "2022-10-04");
  EXPECT_EQ(s.title, "Integrationskonzept der Landeshauptstadt Magdeburg ab 2022");
  EXPECT_EQ(s.originator, "Dezernat V");
  EXPECT_EQ(s.addressee, "Oberbürgermeisterin Frau Simone Borris");
  ASSERT_EQ(s.sessions.size(), 5u);
  EXPECT_EQ(s.sessions[0].body, "Dienstberatung der Oberbürgermeisterin");
  EXPECT_EQ(s.sessions[0].date, "2022-10-11");
  EXPECT_EQ(s.sessions[0].is_public, "false");
  EXPECT_EQ(s.sessions[4].body, "Stadtrat");
  EXPECT_EQ(s.sessions[4].date, "2022-12-08");
  EXPECT_EQ(s.sessions[4].is_public, "true");

  ASSERT_EQ(s.decisions.size(), 2u);
  EXPECT_EQ(s.decisions[1].text,
            "Die Oberbürgermeisterin wird beauftragt, die Umsetzung der Maßnahmen dezernatsübergreifend zu steuern und "
            "dem Stadtrat alle zwei Jahre über den Stand der Umsetzung zu berichten.");
  ASSERT_EQ(s.sections.size(), 3u);
  EXPECT_EQ(s.sections[0].title, "Ausgangslage");
  EXPECT_EQ(s.sections[1].title, "Aufbau des Konzeptes");
  EXPECT_EQ(s.sections[2].title, "Finanzielle Auswirkungen");
  EXPECT_NE(s.sections[1].text.find("Maßnahme 2.3 knüpft an den Projektauftrag DS0360/21 an."), std::string::npos);
  EXPECT_EQ(s.sections[2].text.find("Anlagen:"), std::string::npos);

  ASSERT_EQ(s.signatures.size(), 1u);
  ExpectPerson(s.signatures[0], "Borris", "", "Oberbürgermeisterin", "");
}

TEST_P(PaperTest, InformationWithoutNumberIsClassifiedByContent) {
  const DocumentRecord& record = Sample("001_5f8bba035433deb4");
  EXPECT_EQ(record.kind, "information");
  EXPECT_EQ(record.id.rfind("sha256:", 0), 0u);
  EXPECT_EQ(record.structure.title, "Bedarfsgerechte Aus- und Weiterbildung");
}

INSTANTIATE_TEST_SUITE_P(TextAndPdf, PaperTest, ::testing::Values("text", "pdf"));

// --- kind by content ------------------------------------------------------------

std::string KindOf(const std::string& text) {
  const NormalizedText normalized = NormalizedBytes(text);
  const DocumentReferences references = ExtractReferences(normalized, Magdeburg());
  return ExtractStructure(normalized, Magdeburg(), references, "x").kind;
}

TEST(KindByContent, PapersWithoutTheirOwnNumberAreClassifiedByCues) {
  EXPECT_EQ(KindOf("Landeshauptstadt Magdeburg\n\nStellungnahme der Verwaltung\n\nDie Verwaltung nimmt wie folgt Stellung:\n"),
            "stellungnahme");
  EXPECT_EQ(KindOf("Anfrage\n\nVor diesem Hintergrund frage ich die Oberbürgermeisterin:\n1. Wann?\n"), "anfrage");
  EXPECT_EQ(KindOf("Antrag\n\nDer Stadtrat möge beschließen:\n1. Es wird geprüft.\n"), "antrag");
  EXPECT_EQ(KindOf("Beschlussausfertigung\n\nDer Stadtrat hat folgenden Beschluss gefasst:\n"), "beschluss");
  EXPECT_EQ(KindOf("Drucksache\n\nBeschlussvorschlag:\n\n1. Der Stadtrat beschließt.\n"), "drucksache");
  EXPECT_EQ(KindOf("Information\n\nDie Verwaltung informiert.\n"), "information");
  EXPECT_EQ(KindOf("Niederschrift über die Sitzung des Kulturausschusses\n\nF.d.R.d.P.:\nMax Muster\n"), "protokoll");
}

TEST(KindByContent, UnknownIsSonstigesNeverAFailure) {
  EXPECT_EQ(KindOf("Ablauf der Veranstaltung\n\n9.00 Uhr Begrüßung\n"), "sonstiges");
  // One weak cue is not enough.
  EXPECT_EQ(KindOf("Thema: Radwege\n\nDie Radwege sind schmal.\n"), "sonstiges");
}

TEST(KindByContent, SonstigesListsEveryDateItNamesOnceInOrder) {
  const NormalizedText normalized =
      NormalizedBytes("Fachtag Ehrenamt\n\nAm 14.03.2024 im Rathaus, Anmeldung bis 1.3.2024.\n\nNachtreffen am 14.03.2024.\n");
  const DocumentStructure s = ExtractStructure(normalized, Magdeburg(), ExtractReferences(normalized, Magdeburg()), "x");
  EXPECT_EQ(s.kind, "sonstiges");
  EXPECT_EQ(s.title, "Fachtag Ehrenamt");
  EXPECT_EQ(s.dates, (std::vector<std::string>{"2024-03-14", "2024-03-01"}));
}

TEST(KindByContent, TheOwnNumberDecidesOverCues) {
  // An Anfrage's own number makes it an Anfrage even though it quotes a Beschluss.
  EXPECT_EQ(KindOf("Anfrage\tDatum\tNummer\nöffentlich\t10.10.2023\tF0301/23\n\nBeschlussausfertigung\n"), "anfrage");
}

// --- units and persons in the graph ----------------------------------------------

TEST(StructureGraph, PersonsBecomeOneVertexPerNameLinkedToTheirDocuments) {
  std::vector<DocumentRecord> records;
  for (const char* stem : {"101_anfrage_F0301_23", "102_antrag_A0134_21", "000_f587a7394770ebb2"}) {
    records.push_back(AnalyzeDocument(SourcePath(std::string("samples/text/") + stem + ".txt"), Magdeburg()));
  }
  const Graph graph = Link(std::move(records), Magdeburg());
  auto has_edge = [&](const std::string& from, const std::string& to, Relation relation) {
    return std::any_of(graph.edges.begin(), graph.edges.end(), [&](const Edge& e) {
      return e.from == from && e.to == to && e.relation == relation;
    });
  };
  EXPECT_TRUE(has_edge("F0301/23", "person:Miriam Kessler", Relation::kSubmittedBy));
  EXPECT_TRUE(has_edge("F0301/23", "person:Miriam Kessler", Relation::kSignedBy));
  EXPECT_TRUE(has_edge("A0134/21", "person:Sabine Hartwig", Relation::kSignedBy));
  EXPECT_TRUE(has_edge("S0056/23", "person:Arnold", Relation::kSignedBy));
  const auto person = std::find_if(graph.nodes.begin(), graph.nodes.end(),
                                   [](const Node& n) { return n.id == "person:Miriam Kessler"; });
  ASSERT_NE(person, graph.nodes.end());
  EXPECT_EQ(person->kind, "person");
  // Fraktionen without a person are not person vertices.
  EXPECT_TRUE(std::none_of(graph.nodes.begin(), graph.nodes.end(),
                           [](const Node& n) { return n.id == "person:" || n.id == "person:Fraktion DIE LINKE"; }));
  // A question is a unit but not a vertex: the edge starts at the paper.
  EXPECT_TRUE(has_edge("S0056/23", "DS0583/21/Anlage2#3.32", Relation::kCites));
  EXPECT_TRUE(std::none_of(graph.nodes.begin(), graph.nodes.end(),
                           [](const Node& n) { return n.id == "S0056/23#Frage1"; }));
}

TEST(StructureGraph, TheSamePersonInTwoDocumentsIsOneVertexAndSurnamesAloneStayApart) {
  std::vector<DocumentRecord> records;
  records.push_back(AnalyzeDocument(SourcePath("samples/text/101_anfrage_F0301_23.txt"), Magdeburg()));
  records.push_back(AnalyzeDocument(SourcePath("samples/text/000_f587a7394770ebb2.txt"), Magdeburg()));
  // Minutes of another body listing the Anfrage's author and "Dr. Cornelia Arnold".
  const std::string minutes =
      "Niederschrift der 5. öffentlichen Sitzung des Kulturausschusses am 02.11.2023 von 16:00 bis 18:00 Uhr im "
      "Rathaus\n\nTeilnehmende Mitglieder\n\nFraktion\tVorname, Name\tTeilnahme\n"
      "SPD\tFrau Stadträtin Dr. Miriam Kessler\tja\nVerwaltung\tDr. Cornelia Arnold\tja\n\n"
      "1. Eröffnung\n\nDie Sitzung wird eröffnet.\n\nEnde der Sitzung: 18:00 Uhr\n";
  records.push_back(AnalyzeSource(ReadDocumentFromBytes("kultur.txt", minutes), Magdeburg()));
  const std::string minutes_id = records.back().id;
  EXPECT_EQ(minutes_id, "Kulturausschuss/2023-11-02");
  const Graph graph = Link(std::move(records), Magdeburg());
  auto edges_to = [&](const std::string& to) {
    std::vector<std::string> from;
    for (const Edge& e : graph.edges) {
      if (e.to == to) from.push_back(e.from + " " + std::string(RelationName(e.relation)));
    }
    return from;
  };
  EXPECT_EQ(edges_to("person:Miriam Kessler"),
            (std::vector<std::string>{"F0301/23 signed-by", "F0301/23 submitted-by", minutes_id + " participant"}));
  // "Dr. Arnold" signing S0056/23 is not guessed to be Cornelia Arnold.
  EXPECT_EQ(edges_to("person:Arnold"), (std::vector<std::string>{"S0056/23 signed-by"}));
  EXPECT_EQ(edges_to("person:Cornelia Arnold"), (std::vector<std::string>{minutes_id + " participant"}));
}

}  // namespace
}  // namespace ratsdoc
