// The identity stage: own number, kind, date and title from the header form
// in every layout real papers use (issue 17's list), for Magdeburg and
// Karlsruhe, through one mechanism and the grammar's <identity> section.
// Each layout is checked on the identity itself and through the whole
// pipeline (the document's ID, kind, date and title).
#include "ratsdoc/identity.h"

#include <filesystem>
#include <fstream>

#include "ratsdoc/graph.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

using testing::Karlsruhe;
using testing::Magdeburg;
using testing::NormalizedBytes;

struct Expected {
  std::string id, kind, date, title;
};

void ExpectDocument(const std::string& text, const Grammar& grammar, const Expected& expected) {
  const DocumentRecord record = AnalyzeSource(ReadDocumentFromBytes("paper.txt", text), grammar);
  ASSERT_TRUE(record.status.ok()) << record.status.ToString();
  EXPECT_EQ(record.id, expected.id);
  EXPECT_EQ(record.kind, expected.kind);
  EXPECT_EQ(record.date, expected.date);
  EXPECT_EQ(record.structure.title, expected.title);
  for (const Reference& reference : record.references) {
    EXPECT_NE(reference.target, expected.id) << "a document does not cite its own number";
  }
}

// --- Magdeburg ----------------------------------------------------------------

// Running text below a header, lines of the full text width.
const std::string kMagdeburgBody =
    "Die Verwaltung wird beauftragt, das Radverkehrskonzept um einen Abschnitt zu den Schulwegen zu ergänzen.\n"
    "Die Schulwege werden mit den Schulen und den Elternvertretungen bis zum Ende des Jahres abgestimmt.\n"
    "Die Kosten werden im Haushalt 2025 im Budget des Tiefbauamtes veranschlagt und dem Stadtrat berichtet.\n";

// 1. A table whose rows are cells of one line (the city's PDF as text).
TEST(MagdeburgHeader, TableRowsOfCells) {
  const std::string text =
      "Landeshauptstadt Magdeburg\n\nAnfrage\tDatum\tNummer\nöffentlich\t24.11.2022\tF0322/22\nAbsender\t\t\n"
      "Fraktion DIE LINKE\t\t\nAdressat\t\t\nOberbürgermeisterin\t\t\nGremium\tSitzungstermin\t\nStadtrat\t08.12.2022\t\n"
      "Kurztitel\t\t\nSchließung IQ-Netzwerk Magdeburg\t\t\n\nSehr geehrte Frau Oberbürgermeisterin,\n\n"
      "ich frage die Verwaltung:\n\n1. Wie geht es weiter?\n";
  const DocumentIdentity identity = Identify(NormalizedBytes(text), Magdeburg());
  EXPECT_EQ(identity.number, "F0322/22");
  EXPECT_EQ(identity.date, "2022-11-24");
  EXPECT_EQ(identity.title, "Schließung IQ-Netzwerk Magdeburg");
  EXPECT_EQ(identity.kind, "anfrage");
  EXPECT_EQ(identity.fields.at("sender"), "Fraktion DIE LINKE");
  EXPECT_EQ(identity.fields.at("body"), "Stadtrat");
  ExpectDocument(text, Magdeburg(), {"F0322/22", "anfrage", "2022-11-24", "Schließung IQ-Netzwerk Magdeburg"});
}

// 2. The same table flattened one cell per line, blank and space-only lines
// between, as a web page or a text extractor without layout gives it.
TEST(MagdeburgHeader, FlattenedOneCellPerLine) {
  const std::string text =
      "Anfrage\n \nDatum\n\nNummer\n\nöffentlich\n \n02.12.2021\n\nF0207/21\n\nAbsender\n\nFraktion DIE LINKE\n\n"
      "Adressat\n\nOberbürgermeister\n\nGremium\n\nSitzungstermin\n\nStadtrat\n\n16.12.2021\n\nKurztitel\n\n"
      "Sanierung der Radwege am Breiten Weg\n\nSehr geehrter Herr Oberbürgermeister,\n\n1. Wann werden die Radwege saniert?\n\n"
      "Stellungnahme der Verwaltung:S0412/21\n";
  const DocumentIdentity identity = Identify(NormalizedBytes(text), Magdeburg());
  EXPECT_EQ(identity.fields.at("sender"), "Fraktion DIE LINKE");
  EXPECT_EQ(identity.fields.at("addressee"), "Oberbürgermeister");
  EXPECT_EQ(identity.fields.at("body"), "Stadtrat");
  ExpectDocument(text, Magdeburg(), {"F0207/21", "anfrage", "2021-12-02", "Sanierung der Radwege am Breiten Weg"});
}

// 4. Labels and values in reading order, an empty cell shifting what follows.
TEST(MagdeburgHeader, LabelsAndValuesInReadingOrderWithAnEmptyCell) {
  const std::string text =
      "Anfrage\n\nAdressat\n\nDatum\n17.11.2022\nNummer\nF0177/22\nOberbürgermeisterin\nKurztitel\nBeleuchtung am Elbufer\n\n"
      "Ich frage die Oberbürgermeisterin:\n\n1. Wann wird das Elbufer beleuchtet?\n";
  const DocumentIdentity identity = Identify(NormalizedBytes(text), Magdeburg());
  EXPECT_EQ(identity.fields.at("addressee"), "Oberbürgermeisterin");
  ExpectDocument(text, Magdeburg(), {"F0177/22", "anfrage", "2022-11-17", "Beleuchtung am Elbufer"});
}

// 5. "Label: value", several on one line.
TEST(MagdeburgHeader, SeveralLabelsAndValuesOnOneLine) {
  const std::string text =
      "Antrag\n\nDatum: 12.03.2024 Nummer: A0051/24\nAbsender: SPD-Stadtratsfraktion\nKurztitel: Mehr Bänke im Stadtpark\n\n"
      "Der Stadtrat möge beschließen:\n\nDie Verwaltung stellt zehn Bänke auf.\n";
  const DocumentIdentity identity = Identify(NormalizedBytes(text), Magdeburg());
  EXPECT_EQ(identity.number_label, "Nummer:");
  EXPECT_EQ(identity.fields.at("sender"), "SPD-Stadtratsfraktion");
  ExpectDocument(text, Magdeburg(), {"A0051/24", "antrag", "2024-03-12", "Mehr Bänke im Stadtpark"});
}

// 6. The number in the title line.
TEST(MagdeburgHeader, NumberInTheTitleLine) {
  ExpectDocument("Information I0126/21\n\nThema: Stand der Umsetzung des Integrationskonzeptes\n\n"
                 "Der Stadtrat hat mit der DS0583/21 beschlossen, dass berichtet wird.\n",
                 Magdeburg(), {"I0126/21", "information", "", "Stand der Umsetzung des Integrationskonzeptes"});
}

// 6 again: the number opening the first line, before the title.
TEST(MagdeburgHeader, NumberOpeningTheTitleLine) {
  for (const char* text : {"F0044/21: Sanierung der Radwege am Nordpark\n\nIch frage den Oberbürgermeister:\n\n1. Wann?\n",
                           "F 0213/23 Kosten der Stadtfeste\n\nIch frage den Oberbürgermeister:\n\n1. Was kosten sie?\n"}) {
    const DocumentRecord record = AnalyzeSource(ReadDocumentFromBytes("p.txt", text), Magdeburg());
    EXPECT_EQ(record.kind, "anfrage") << text;
    EXPECT_TRUE(record.id == "F0044/21" || record.id == "F0213/23") << record.id;
    EXPECT_TRUE(record.references.empty()) << "its own number is no citation";
  }
  // Further down, a number at a line start is a citation, not the own number.
  const DocumentRecord cited = AnalyzeSource(
      ReadDocumentFromBytes("p.txt", "Vermerk\n\nGespräch mit dem Amt\n\nF0044/21 wurde beantwortet.\n"), Magdeburg());
  EXPECT_EQ(cited.id.rfind("sha256:", 0), 0u) << cited.id;
}

// 6 again: the number in brackets after the title, with the kind's word.
TEST(MagdeburgHeader, NumberInBracketsAfterTheTitle) {
  const std::string text =
      "Spielplätze in Stadtfeld (Anfrage F0087/12 von Stadtrat Müller zur Stadtratssitzung am 14.06.2012)\n\n"
      "Sehr geehrter Herr Oberbürgermeister,\n\n" + kMagdeburgBody;
  ExpectDocument(text, Magdeburg(), {"F0087/12", "anfrage", "", "Spielplätze in Stadtfeld"});
}

// 7. Interleaved labels and values of an amendment: its own number comes
// before the paper it amends, in whichever order the labels stand; an
// amendment's number extends the amended paper's.
TEST(MagdeburgHeader, InterleavedAmendmentHeader) {
  const std::string tail =
      "Absender\nFraktion DIE LINKE\nKurztitel\nRadverkehrskonzept 2030\n\nDer Stadtrat möge beschließen:\n\n" +
      kMagdeburgBody;
  for (const std::string& head : {
           std::string("Änderungsantrag\nZum Verhandlungsgegenstand\nDatum\nDS0301/24/1\nöffentlich\nDS0301/24\n18.09.2024\n"),
           std::string("Zum Verhandlungsgegenstand\nDatum\nDS0301/24/1\nöffentlich\nDS0301/24\n18.09.2024\n"),
           std::string("Zum Verhandlungsgegenstand\nÄnderungsantrag\nDatum\nDS0301/24/1\nDS0301/24\n18.09.2024\n"),
       }) {
    const std::string text = "Landeshauptstadt Magdeburg\n\n" + head + tail;
    const DocumentIdentity identity = Identify(NormalizedBytes(text), Magdeburg());
    EXPECT_EQ(identity.number, "DS0301/24/1") << head;
    EXPECT_EQ(identity.fields.at("subject"), "DS0301/24") << head;
    ExpectDocument(text, Magdeburg(), {"DS0301/24/1", "antrag", "2024-09-18", "Radverkehrskonzept 2030"});
    const DocumentRecord record = AnalyzeSource(ReadDocumentFromBytes("a.txt", text), Magdeburg());
    ASSERT_EQ(record.references.size(), 1u) << head;
    EXPECT_EQ(record.references[0].target, "DS0301/24");
  }
}

// The file's name is a weak cue: it gives the own number only when the
// text shows none, never against the text.
TEST(MagdeburgHeader, TheFileNameGivesTheNumberOnlyWhenTheTextHasNone) {
  const std::string anfrage = "Schließung IQ-Netzwerk Magdeburg\n\nIch frage die Oberbürgermeisterin:\n\n" + kMagdeburgBody;
  EXPECT_EQ(AnalyzeSource(ReadDocumentFromBytes("/archiv/F0322_22.txt", anfrage), Magdeburg()).id, "F0322/22");
  EXPECT_EQ(AnalyzeSource(ReadDocumentFromBytes("A0051_24_1.txt", anfrage), Magdeburg()).id, "A0051/24/1");
  const DocumentRecord annex =
      AnalyzeSource(ReadDocumentFromBytes("DS0583-21 Anlage 2.txt", "Integrationskonzept\n\n" + kMagdeburgBody), Magdeburg());
  EXPECT_EQ(annex.id, "DS0583/21/Anlage2");
  EXPECT_EQ(annex.kind, "anlage");
  EXPECT_EQ(AnalyzeSource(ReadDocumentFromBytes("Stellungnahme zu F0322_22.txt", anfrage), Magdeburg()).id.rfind("sha256:", 0),
            0u)
      << "a name with other words names another paper";
  EXPECT_EQ(AnalyzeSource(ReadDocumentFromBytes("F0999_22.txt", "Anfrage F0100/22\n\n" + kMagdeburgBody), Magdeburg()).id,
            "F0100/22")
      << "the text's number wins";
  EXPECT_EQ(AnalyzeSource(ReadDocumentFromBytes("596074.txt", anfrage), Magdeburg()).id.rfind("sha256:", 0), 0u);
}

// A number the reference grammar does not read as a paper is no own number.
TEST(MagdeburgHeader, AValueThatIsNoPaperNumberIsNoOwnNumber) {
  const std::string text = "Anfrage\n\nDatum\tNummer\n24.11.2022\tX12/ab\n\nKurztitel\nTest\n";
  const DocumentRecord record = AnalyzeSource(ReadDocumentFromBytes("p.txt", text), Magdeburg());
  EXPECT_EQ(record.id.rfind("sha256:", 0), 0u) << record.id;
  EXPECT_EQ(record.kind, "anfrage");
}

// Kind is decided before relations are typed: a Stellungnahme without an
// own number, known by its content, still answers the Anfrage.
TEST(MagdeburgHeader, AStellungnahmeFoundByContentAnswersItsAnfrage) {
  const std::string text =
      "Stellungnahme der Verwaltung\n\nDie Verwaltung nimmt zur Anfrage F0322/22 – Schließung IQ-Netzwerk – wie folgt Stellung:\n\n"
      "Die Beratung wird fortgeführt.\n";
  const DocumentRecord record = AnalyzeSource(ReadDocumentFromBytes("s.txt", text), Magdeburg());
  EXPECT_EQ(record.kind, "stellungnahme");
  ASSERT_FALSE(record.references.empty());
  EXPECT_EQ(record.references[0].target, "F0322/22");
  EXPECT_EQ(record.references[0].relation, Relation::kAnswers);
}

// The same for a Beschluss without its number: it decides its Drucksache.
TEST(MagdeburgHeader, ABeschlussFoundByContentDecidesItsDrucksache) {
  const std::string text =
      "Beschlussausfertigung\n\nDer Stadtrat der Landeshauptstadt Magdeburg hat in seiner Sitzung am 08.12.2022 zur "
      "Drucksache DS0583/21 folgenden Beschluss gefasst:\n\n1. Der Stadtrat beschließt das Integrationskonzept.\n\n"
      "Ja: 38, Nein: 9, Enthaltung: 3\n";
  const DocumentRecord record = AnalyzeSource(ReadDocumentFromBytes("b.txt", text), Magdeburg());
  EXPECT_EQ(record.kind, "beschluss");
  ASSERT_FALSE(record.references.empty());
  EXPECT_EQ(record.references[0].target, "DS0583/21");
  EXPECT_EQ(record.references[0].relation, Relation::kDecides);
}

// --- Karlsruhe ----------------------------------------------------------------

// 3. A block of labels, then their values in the same order, one value
// already inside the label block (the Beschlussvorlagen of 2008–2015).
TEST(KarlsruheHeader, LabelBlockThenValueBlock) {
  const std::string text =
      "STELLUNGNAHME zum Änderungsantrag\nKULT-Gemeinderatsfraktion\n\nGremium:\n12. Plenarsitzung Gemeinderat\nTermin:\n"
      "Vorlage Nr.:\nTOP:\nVerantwortlich:\n\n19.05.2015\n2015/0316\n2\nöffentlich\nDez. 1\n\n"
      "Erlass einer Rechtsverordnung über die Benutzung des Baggersees Grötzingen\n\nDer Antrag wird wie folgt beantwortet.\n";
  const DocumentIdentity identity = Identify(NormalizedBytes(text), Karlsruhe());
  EXPECT_EQ(identity.number, "2015/0316");
  EXPECT_EQ(identity.fields.at("body"), "12. Plenarsitzung Gemeinderat");
  EXPECT_EQ(identity.fields.at("item"), "2");
  EXPECT_EQ(identity.fields.at("responsible"), "Dez. 1");
  ExpectDocument(text, Karlsruhe(),
                 {"2015/0316", "stellungnahme", "2015-05-19",
                  "Erlass einer Rechtsverordnung über die Benutzung des Baggersees Grötzingen"});
}

// 3 again, with a label whose value is not the own number ("Anlage Nr.").
TEST(KarlsruheHeader, ValuesFollowTheirLabelsByShape) {
  const std::string text =
      "BESCHLUSSVORLAGE\n\nGremium:\n2. Plenarsitzung Gemeinderat\nTermin:\nAnlage Nr.:\nTOP:\nVerantwortlich:\n"
      "23.09.2014\n27 zur Vorlage 2014/0082\n3.4\nöffentlich\nDez. 1\n\nBebauungsplan Südost\n\nBeratungsfolge Sitzung am TOP\n";
  const DocumentIdentity identity = Identify(NormalizedBytes(text), Karlsruhe());
  EXPECT_EQ(identity.number, "");
  EXPECT_EQ(identity.date, "2014-09-23");
  EXPECT_EQ(identity.fields.at("item"), "3.4");
  EXPECT_EQ(identity.fields.at("responsible"), "Dez. 1");
  EXPECT_EQ(identity.title, "Bebauungsplan Südost");
  EXPECT_EQ(identity.kind, "drucksache");
}

// The Vorlagen since 2015: "Label: value" lines, the title (and a subtitle),
// the Beratungsfolge as a row of labels with words set aside and a row of
// values without tabs.
TEST(KarlsruheHeader, InlineLabelsAndTheBeratungsfolgeRow) {
  const std::string text =
      "Beschlussvorlage\n\nGedruckt auf 100 Prozent Recyclingpapier\n\nVorlage Nr.: 2022/2155\nVerantwortlich: Dez. 6\n"
      "Dienststelle: HGW\n\nStadthalle Modernisierung\nVergabe von Löschanlagen\nBeratungsfolge dieser Vorlage\n"
      "Gremium Termin TOP ö nö Ergebnis\nBauausschuss 01.12.2022 3 X vorberaten\n\nBeschlussantrag\n";
  const DocumentIdentity identity = Identify(NormalizedBytes(text), Karlsruhe());
  EXPECT_EQ(identity.fields.at("body"), "Bauausschuss");
  EXPECT_EQ(identity.fields.at("item"), "3");
  ExpectDocument(text, Karlsruhe(), {"2022/2155", "drucksache", "2022-12-01", "Stadthalle Modernisierung"});
}

// An Antrag whose title stands above the form, the number on the line
// after its label.
TEST(KarlsruheHeader, TitleAboveTheForm) {
  const std::string text =
      "Ergänzungsantrag\n\nGedruckt auf 100 Prozent Recyclingpapier\n\nHilfe für Tagesmütter und -väter in der Corona-Krise\n\n"
      "CDU-Gemeinderatsfraktion\n\nEingang: 10.11.2020\nVorlage Nr.:\n2020/1299\n\nGremium Termin TOP ö nö\n"
      "Gemeinderat 17.11.2020 9.4.1\n\nDie CDU-Gemeinderatsfraktion Karlsruhe beantragt:\n";
  ExpectDocument(text, Karlsruhe(),
                 {"2020/1299", "antrag", "2020-11-10", "Hilfe für Tagesmütter und -väter in der Corona-Krise"});
}

// Running text below a header: lines of the full text width, so that the
// header's short lines are read as lines (as in every real paper).
const std::string kBody =
    "Die Verwaltung berichtet dem Ausschuss über das Verfahren und über die Beteiligung der Gremien\n"
    "der Stadt Karlsruhe, über die Beteiligung der Ortschaftsräte und über den weiteren Zeitplan.\n"
    "Das Regierungspräsidium entscheidet über die Genehmigung nach Anhörung aller Beteiligten vor Ort.\n"
    "Die Stadt wird dabei durch das zuständige Amt vertreten und gibt eine schriftliche Stellungnahme ab.\n";

// The submitter line right below the title ("Anfrage: AfD"), which
// normalisation joins to the title's line, is not part of the title; a
// question is a title.
TEST(KarlsruheHeader, TheSubmitterLineEndsTheTitle) {
  const std::string text =
      "Anfrage\n\nGedruckt auf 100 Prozent Recyclingpapier\n\nAfD-Gemeinderatsfraktion\n\nEingang: 30.01.2023\n\n"
      "Vorlage Nr.: 2023/0105\nWird Karlsruhe Abriss-Stadt Nr. 1?\nAnfrage: AfD\n\nGremium Termin TOP ö nö\n"
      "Gemeinderat 28.02.2023 31 X\n\nDie Verwaltung wird um Auskunft gebeten:\n";
  ExpectDocument(text, Karlsruhe(), {"2023/0105", "anfrage", "2023-01-30", "Wird Karlsruhe Abriss-Stadt Nr. 1?"});
}

// "Dienststelle:" left empty: the title below the blank line is no value.
TEST(KarlsruheHeader, AnEmptyFieldTakesNoTitle) {
  const std::string text =
      "Beschlussvorlage\n\nVorlage Nr.: 2021/0103\nVerantwortlich: Dez. 2\nDienststelle:\n\n"
      "Vorstellung Siegerentwurf Nahversorgungszentrum\nBeratungsfolge dieser Vorlage\n"
      "Gremium Termin TOP ö nö Ergebnis\nOrtschaftsrat Wettersbach 09.02.2021 1 x\n\nBeschlussantrag (Kurzfassung)\n" +
      kBody;
  const DocumentIdentity identity = Identify(NormalizedBytes(text), Karlsruhe());
  EXPECT_EQ(identity.fields.count("other"), 0u);
  ExpectDocument(text, Karlsruhe(),
                 {"2021/0103", "drucksache", "2021-02-09", "Vorstellung Siegerentwurf Nahversorgungszentrum"});
}

// A value that stops at "und" goes on in the next line; the line after it
// is the title.
TEST(KarlsruheHeader, AWrappedValueIsNoTitle) {
  const std::string text =
      "Informationsvorlage\nGedruckt auf 100 Prozent Recyclingpapier\nVorlage Nr.: 2026/0062 Verantwortlich: Dez. 3\n"
      "Dienststelle: Schul- und\nSportamt\nSchulleitungsstellenbesetzungsverfahren\n"
      "Gremien Termin TOP Ö / N Zuständigkeit\nSchulausschuss 11.03.2026 7 Ö Kenntnisnahme\nKurzfassung\n" +
      kBody;
  const DocumentIdentity identity = Identify(NormalizedBytes(text), Karlsruhe());
  EXPECT_EQ(identity.fields.at("responsible"), "Dez. 3");
  ExpectDocument(text, Karlsruhe(),
                 {"2026/0062", "information", "2026-03-11", "Schulleitungsstellenbesetzungsverfahren"});
}

// "Eingang: 16.12.2022 / 20.12.2022": the date is the first of the value;
// a body's name wrapped over two lines of the Beratungsfolge is one cell.
TEST(KarlsruheHeader, AValueWithMoreAfterItAndAWrappedCell) {
  const std::string text =
      "Antrag - Neu\nGedruckt auf 100 Prozent Recyclingpapier\nAfD-Gemeinderatsfraktion\n"
      "Eingang: 16.12.2022 / 20.12.2022\nVorlage Nr.: 2022/2305/4\nUmbau der Kaiserstraße verschieben\n"
      "Gremium Termin TOP ö nö Ergebnis\nAusschuss für öffentliche\nEinrichtungen\n20.12.2022 9.10 x\n" +
      kBody;
  const DocumentIdentity identity = Identify(NormalizedBytes(text), Karlsruhe());
  EXPECT_EQ(identity.fields.at("body"), "Ausschuss für öffentliche Einrichtungen");
  EXPECT_EQ(identity.fields.at("item"), "9.10");
  ExpectDocument(text, Karlsruhe(), {"2022/2305/4", "antrag", "2022-12-16", "Umbau der Kaiserstraße verschieben"});
}

// The structure of Karlsruhe's papers (grammars/karlsruhe/structure.xml):
// an Anfrage's numbered questions below the Beratungsfolge, and the
// Stellungnahme filed under the Anfrage's number, each question with its
// answer below it (one line per paragraph, as the archive's texts have them).
TEST(KarlsruheStructure, AnfrageQuestionsAndTheirAnswers) {
  const std::string anfrage =
      "Anfrage\n\nGedruckt auf 100 Prozent Recyclingpapier\n\nAfD-Gemeinderatsfraktion\n\nEingang: 30.01.2023\n\n"
      "Vorlage Nr.: 2023/0105\nRadschnellwege im Karlsruher Stadtgebiet\nAnfrage: AfD\n\nGremium Termin TOP ö nö\n"
      "Gemeinderat 28.02.2023 31 X\n\nDie Verwaltung wird um Auskunft gebeten:\n\n"
      "1. Wird bei den anstehenden Planungsentscheidungen davon ausgegangen, dass genügend Radfahrer die Strecke nutzen?\n\n"
      "2. Auf wie hoch wird der Flächenverbrauch an straßenbegleitendem Grün in der Pulverhausstraße berechnet?\n\n"
      "Begründung:\n\n" + kBody + "\nunterzeichnet von:\nPaul Schmidt\n";
  const DocumentRecord asked = AnalyzeSource(ReadDocumentFromBytes("a.txt", anfrage), Karlsruhe());
  ASSERT_EQ(asked.structure.questions.size(), 2u);
  EXPECT_EQ(asked.structure.questions[0].id, "2023/0105#Frage1");
  EXPECT_EQ(asked.structure.questions[1].text.rfind("Auf wie hoch wird der Flächenverbrauch", 0), 0u);

  const std::string stellungnahme =
      "Stellungnahme zur Anfrage\n\nGedruckt auf 100 Prozent Recyclingpapier\n\nVorlage Nr.: 2023/0105\n\n"
      "Verantwortlich: Dez. 6\nDienststelle: Stadtplanungsamt\n\nRadschnellwege im Karlsruher Stadtgebiet\nAnfrage: AfD\n\n"
      "Gremien Termin TOP Ö / N Zuständigkeit\n\nGemeinderat 28.02.2023 31 Ö Kenntnisnahme\n\n"
      "Zu 1.: Wird bei den anstehenden Planungsentscheidungen davon ausgegangen, dass genügend Radfahrer die Strecke nutzen?\n"
      "Ja. Die Potenzialanalyse des Landes rechnet mit bis zu 2.000 Radfahrenden am Tag auf diesem Abschnitt der Strecke; "
      "sie beruht auf Zählungen an den Radwegen zwischen Karlsruhe und Rastatt und auf der Verkehrsbefragung des Jahres "
      "2018, die das Land für alle geplanten Radschnellwege ausgewertet hat.\n\n"
      "Zu 2.: Auf wie hoch wird der Flächenverbrauch an straßenbegleitendem Grün in der Pulverhausstraße berechnet?\n"
      "Der Flächenbedarf wird erst in der Entwurfsplanung ermittelt; die Verwaltung berichtet dem Ausschuss darüber, "
      "sobald die Varianten der Trassenführung in der Pulverhausstraße vorliegen und mit dem Gartenbauamt und dem "
      "Tiefbauamt abgestimmt sind.\n\n" +
      kBody;
  const DocumentRecord answered = AnalyzeSource(ReadDocumentFromBytes("s.txt", stellungnahme), Karlsruhe());
  EXPECT_EQ(answered.kind, "stellungnahme");
  EXPECT_EQ(answered.id, "2023/0105");
  ASSERT_EQ(answered.structure.questions.size(), 2u);
  EXPECT_EQ(answered.structure.questions[0].answer.rfind("Ja. Die Potenzialanalyse", 0), 0u);
  EXPECT_EQ(answered.structure.questions[1].answer.rfind("Der Flächenbedarf wird erst", 0), 0u);
}

// --- the grammar's contract ---------------------------------------------------

TEST(IdentityGrammar, AnUnknownFieldNameIsALoadError) {
  const std::string path = ::testing::TempDir() + "ratsdoc-identity-typo.xml";
  std::ofstream(path) << "<?xml version=\"1.0\"?>\n<grammar name=\"typo\" version=\"1\">\n  <identity>\n"
                         "    <field name=\"numbr\"><label><pattern>Nummer</pattern></label></field>\n"
                         "  </identity>\n</grammar>\n";
  std::shared_ptr<const Grammar> grammar;
  const Status status = Grammar::Load(path, &grammar);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("unknown <field name=\"numbr\"> in <identity>"), std::string::npos)
      << status.message();
  EXPECT_NE(status.message().find("known: number, date"), std::string::npos) << status.message();
}

TEST(IdentityGrammar, AGrammarWithoutIdentityGivesTheKindOnly) {
  const std::string path = ::testing::TempDir() + "ratsdoc-identity-none.xml";
  std::ofstream(path) << "<?xml version=\"1.0\"?>\n<grammar name=\"none\" version=\"1\">\n  <structure>\n"
                         "    <kind name=\"anfrage\"><cue within-lines=\"2\" weight=\"3\">^Anfrage$</cue></kind>\n"
                         "  </structure>\n</grammar>\n";
  std::shared_ptr<const Grammar> grammar;
  ASSERT_TRUE(Grammar::Load(path, &grammar).ok());
  const DocumentIdentity identity = Identify(NormalizedBytes("Anfrage\n\nNummer: F0322/22\n"), *grammar);
  EXPECT_EQ(identity.kind, "anfrage");
  EXPECT_EQ(identity.number, "");
}

}  // namespace
}  // namespace ratsdoc
