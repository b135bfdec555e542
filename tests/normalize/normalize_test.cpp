// Normalisation on small texts: every character, markup, hyphenation and
// furniture case the council papers contain, and the offset map back to source.
#include "ratsdoc/normalize.h"

#include <cstring>

#include "test_support.h"

namespace ratsdoc {
namespace {

using testing::NormalizedBytes;

std::string Text(const std::string& input) { return NormalizedBytes(input).text; }

TEST(CharactersTest, NfcLigaturesSpacesAndInvisibleCharacters) {
  // "u" + combining diaeresis → "ü"; ﬁ/ﬂ ligatures; NBSP and thin space; a
  // mid-word soft hyphen; zero-width space; a C0 control; a BOM inside.
  EXPECT_EQ(Text("Bu\xCC\x88ro Qualiﬁzierung Einﬂuss\n"), "Büro Qualifizierung Einfluss\n");
  EXPECT_EQ(Text("12\u00A0500\u2009EUR\n"), "12 500 EUR\n");
  EXPECT_EQ(Text("Be\u00ADschluss\u200B Nr.\x01 5\uFEFF\n"), "Beschluss Nr. 5\n");
  EXPECT_EQ(Text("zu   viele    Leerzeichen   \n"), "zu viele Leerzeichen\n");
}

TEST(CharactersTest, SymbolFontBulletsBecomeBullets) {
  EXPECT_EQ(Text("\uF0D8  Arbeitsgruppe 1\n"), "• Arbeitsgruppe 1\n");
}

TEST(MarkupTest, ConverterArtifactsAreRemovedAndHeadingsKept) {
  const NormalizedText out = NormalizedBytes(
      "## **Handlungsfeld 2: Spracherwerb**\n"
      "\n"
      "Die Verwaltung nimmt zur **Anfrage F0322/22** Stellung.\n"
      "Akteur\\*innen und Migrant*innen\n"
      "<b>Nr.</b>\t<b>Maßnahme</b>\n"
      "[Förderprogramm läuft aus | MDR.DE](#) und ![Logo](logo.png)\n"
      "--\t-----\t----\n");
  EXPECT_EQ(out.text,
            "Handlungsfeld 2: Spracherwerb\n"
            "\n"
            "Die Verwaltung nimmt zur Anfrage F0322/22 Stellung.\n"
            "Akteur*innen und Migrant*innen\n"
            "Nr.\tMaßnahme\n"
            "Förderprogramm läuft aus | MDR.DE und\n");
  ASSERT_EQ(out.headings.size(), 1u);
  EXPECT_EQ(out.text.substr(out.headings[0].begin, out.headings[0].end - out.headings[0].begin),
            "Handlungsfeld 2: Spracherwerb");
  ASSERT_EQ(out.table_rows.size(), 1u);
}

TEST(MarkupTest, BoldHeadingSplitOverTwoLinesIsAHeading) {
  const NormalizedText out = NormalizedBytes("**Anlage 2 zur DS0583/21:\nIntegrationskonzept ab 2022**\n\nText.\n");
  EXPECT_EQ(out.text, "Anlage 2 zur DS0583/21:\nIntegrationskonzept ab 2022\n\nText.\n");
  EXPECT_EQ(out.headings.size(), 2u);
}

// Hard-wrapped text as pdftotext writes it: every case of the issue's list.
struct HyphenCase {
  const char* input;
  const char* expected;
};

class HyphenationTest : public ::testing::TestWithParam<HyphenCase> {};

TEST_P(HyphenationTest, LineEndHyphenIsDecidedRight) {
  // Lines long enough to count as wrapped, so the paragraph reflows.
  const std::string filler = "Diese Zeile ist lang genug, um als umbrochene Zeile eines Absatzes zu gelten, und";
  std::string input = filler + " " + GetParam().input + "\n";
  for (int i = 0; i < 4; ++i) input += filler + " Ende.\n";
  const std::string out = Text(input);
  EXPECT_NE(out.find(GetParam().expected), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(
    IssueCases, HyphenationTest,
    ::testing::Values(HyphenCase{"die Wirtschafts-\nförderung der Stadt", "die Wirtschaftsförderung der Stadt"},
                      HyphenCase{"Arbeit und Woh-\nnen in der Stadt", "Arbeit und Wohnen in der Stadt"},
                      HyphenCase{"das Sozial- und\nWohnungsamt", "das Sozial- und Wohnungsamt"},
                      HyphenCase{"das Sozial-\nund Wohnungsamt", "das Sozial- und Wohnungsamt"},
                      HyphenCase{"die Hochschule Magdeburg-\nStendal", "die Hochschule Magdeburg-Stendal"},
                      HyphenCase{"das IQ-\nNetzwerk", "das IQ-Netzwerk"},
                      HyphenCase{"Beschluss-Nr. 5384-\n057(VII)22 vom", "Beschluss-Nr. 5384-057(VII)22 vom"},
                      HyphenCase{"den Antrag A0038/\n07 des Stadtrates", "den Antrag A0038/07 des Stadtrates"},
                      HyphenCase{"die Aus- und Weiter-\nbildung", "die Aus- und Weiterbildung"},
                      HyphenCase{"per E-\nMail", "per E-Mail"},
                      HyphenCase{"die Be\u00AD\nratung", "die Beratung"}));

TEST(HyphenationTest, DocumentSpellingDecidesLowerCaseCompounds) {
  // "Ost-west" is written with a hyphen elsewhere in the document, so the
  // line-end hyphen before "west" is real.
  const std::string filler = "Diese Zeile ist lang genug, um als umbrochene Zeile eines Absatzes zu gelten, und";
  const std::string out = Text(filler + " die Ost-\nwest Achse\n" + filler + " eine Ost-west Verbindung.\n" + filler + "\n");
  EXPECT_NE(out.find("die Ost-west Achse"), std::string::npos) << out;
}

TEST(HyphenationTest, ShortLinesOfConverterTextAreNotJoined) {
  // One paragraph per line (Markdown-like converter output): no reflow.
  const std::string out = Text("Hauptziele\n\nVerantwortlich: Stadtverwaltung\nStadtrat\n");
  EXPECT_EQ(out, "Hauptziele\n\nVerantwortlich: Stadtverwaltung\nStadtrat\n");
}

TEST(FurnitureTest, PageFooterAndBarePageNumberAreRemoved) {
  const std::string out = Text("Erster Absatz.\n\nSeite 2 von 5\n\n14\n\nZweiter Absatz mit 14 Punkten.\n");
  EXPECT_EQ(out, "Erster Absatz.\n\nZweiter Absatz mit 14 Punkten.\n");
}

TEST(FurnitureTest, RunningHeaderLeftMidTextIsRemovedAndTheSentenceRejoined) {
  const std::string header = "BEIRAT FÜR INTEGRATION UND MIGRATION DER LANDESHAUPTSTADT MAGDEBURG";
  const std::string input = "**BEIRAT FÜR INTEGRATION UND MIGRATION\nDER LANDESHAUPTSTADT MAGDEBURG**\n\n"
                            "1. Eröffnung\n\nDie Projektstruktur besteht aus einer\n\n" + header +
                            "\n\nstrategischen Ebene.\n\n" + header + "\n\nHauptziele\n\nHauptziele\n\nHauptziele\n";
  const NormalizedText out = NormalizedBytes(input);
  EXPECT_EQ(out.text,
            "1. Eröffnung\n\nDie Projektstruktur besteht aus einer strategischen Ebene.\n\n"
            "Hauptziele\n\nHauptziele\n\nHauptziele\n");
  EXPECT_FALSE(out.removed_furniture.empty());
}

TEST(FurnitureTest, AgendaItemsWithTheSameTitleStayButARenumberedHeaderGoes) {
  // Three agenda items of one set of minutes share their title; only their numbers differ.
  const std::string items = "2. Bericht der Verwaltung\n\nDer Bericht wird zur Kenntnis genommen.\n\n"
                            "4. Bericht der Verwaltung\n\nDer Beigeordnete berichtet.\n\n"
                            "6. Bericht der Verwaltung\n\nKeine Wortmeldungen.\n";
  EXPECT_EQ(Text(items), items);
  const std::string tops = "TOP 2 Bericht der Verwaltung\n\nDer Bericht wird zur Kenntnis genommen.\n\n"
                           "TOP 4 Bericht der Verwaltung\n\nDer Beigeordnete berichtet.\n\n"
                           "TOP 6 Bericht der Verwaltung\n\nKeine Wortmeldungen.\n";
  EXPECT_EQ(Text(tops), tops);
  // A running header that repeats its enumeration, or carries a page number, is still furniture.
  const std::string header = "3. Sitzung des Stadtrates am 12.03.2024";
  EXPECT_EQ(Text(header + "\n\nErster Absatz.\n\n" + header + "\n\nZweiter Absatz.\n\n" + header +
                 "\n\nDritter Absatz.\n"),
            "Erster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz.\n");
  EXPECT_EQ(Text("2 Niederschrift des Stadtrates vom 12.03.2024\n\nErster Absatz.\n\n"
                 "3 Niederschrift des Stadtrates vom 12.03.2024\n\nZweiter Absatz.\n\n"
                 "4 Niederschrift des Stadtrates vom 12.03.2024\n\nDritter Absatz.\n"),
            "Erster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz.\n");
}

TEST(FurnitureTest, RepeatedTableRowsAndShortHeadingsStay) {
  const std::string input = "MO-MD\t\t\nMO-MD\t\t\nMO-MD\t\t\n\nHandlungsempfehlungen und Maßnahmen\n\n"
                            "Handlungsempfehlungen und Maßnahmen\n\nHandlungsempfehlungen und Maßnahmen\n";
  EXPECT_EQ(Text(input), "MO-MD\nMO-MD\nMO-MD\n\nHandlungsempfehlungen und Maßnahmen\n\n"
                         "Handlungsempfehlungen und Maßnahmen\n\nHandlungsempfehlungen und Maßnahmen\n");
}

TEST(OffsetMapTest, EveryOutputByteMapsBackToItsSourceByteAndPage) {
  const std::string input = "**Titel**\n\nDie Wirt\u00ADschaft  wächst.\fSeite 2 von 2\nZweite Seite: DS0583/21\n";
  const SourceDocument source = ReadDocumentFromBytes("map.txt", input);
  const NormalizedText out = Normalize(source, testing::Magdeburg());
  ASSERT_EQ(out.text, "Titel\n\nDie Wirtschaft wächst.\nZweite Seite: DS0583/21\n");
  for (const char* needle : {"Titel", "wächst", "DS0583/21", "schaft"}) {
    const std::size_t at = out.text.find(needle);
    const OffsetMap::Location location = out.map.Locate(at);
    EXPECT_EQ(source.text.substr(location.source_offset, std::strlen(needle)), needle) << needle;
  }
  EXPECT_EQ(out.map.Locate(out.text.find("Titel")).page, 1);
  EXPECT_EQ(out.map.Locate(out.text.find("DS0583/21")).page, 2);
}

TEST(OffsetMapTest, PdfOffsetsPointIntoThePageTheWordIsOn) {
  const SourceDocument source = ReadDocument(testing::SourcePath("samples/pdf/000_f587a7394770ebb2.pdf"));
  ASSERT_TRUE(source.status.ok());
  const NormalizedText out = Normalize(source, testing::Magdeburg());
  const std::size_t first = out.text.find("S0056/23");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(out.map.Locate(first).page, 1);
  EXPECT_EQ(source.text.substr(out.map.Locate(first).source_offset, 8), "S0056/23");
  const std::size_t signature = out.text.rfind("Dr. Arnold");
  ASSERT_NE(signature, std::string::npos);
  EXPECT_EQ(out.map.Locate(signature).page, static_cast<int>(source.pages.size()));
}

TEST(PdfHyphenationTest, ForcedLineEndsInThePdfFixtureAreDecidedRight) {
  const std::string text = testing::NormalizedFile("tests/data/pdf/hyphenation.pdf");
  for (const char* expected :
       {"Wirtschaftsförderung", "Wohnen sowie", "Qualifizierung", "Beschluss-Nr. 5384-057(VII)22",
        "Hochschule Magdeburg-Stendal", "das IQ-Netzwerk", "Sozial- und Wohnungsamt", "Antrag A0038/07",
        "Aus- und Weiterbildung"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  EXPECT_EQ(text.find("Seite 1 von 1"), std::string::npos);
}

}  // namespace
}  // namespace ratsdoc
