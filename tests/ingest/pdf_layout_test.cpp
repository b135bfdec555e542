// Layout from word boxes, without a PDF: table cells, list bullets, wrapped
// lines and page headers from geometry alone.
#include "ingest/pdf_layout.h"

#include <gtest/gtest.h>

namespace ratsdoc::ingest {
namespace {

constexpr double kSize = 10;
constexpr double kPitch = 12;

// Words of one line at baseline row `row`, placed left to right from `x`
// with a normal space between them.
void AddWords(std::vector<PdfWord>* words, double row_top, double x, const std::string& text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find(' ', begin);
    if (end == std::string::npos) end = text.size();
    PdfWord word;
    word.text = text.substr(begin, end - begin);
    word.x0 = x;
    word.x1 = x + 5.0 * static_cast<double>(word.text.size());
    word.y0 = row_top;
    word.y1 = row_top + kSize * 1.2;
    word.font_size = kSize;
    word.space_after = end < text.size();
    words->push_back(word);
    x = word.x1 + 2.5;
    begin = end + 1;
  }
}

std::vector<LaidOutLine> LayOut(const std::vector<PdfWord>& words) {
  return LayOutDocument({PageWords{words, 842}}, 0.09).front();
}

TEST(PdfLayoutTest, TableRowsWithWrappedCellsBecomeOneLineEach) {
  std::vector<PdfWord> words;
  double y = 200;
  AddWords(&words, y, 60, "Nr.");
  AddWords(&words, y, 100, "Maßnahme");
  AddWords(&words, y, 380, "Verantwortlich");
  y += kPitch + 8;  // row padding
  AddWords(&words, y, 60, "3.32");
  AddWords(&words, y, 100, "Städtische Einflussnahme auf die Aner-");
  AddWords(&words, y, 380, "Stadtverwaltung und");
  y += kPitch;
  AddWords(&words, y, 100, "kennung von Abschlüssen");
  AddWords(&words, y, 380, "Stadtrat");
  y += kPitch + 8;
  AddWords(&words, y, 60, "4.5");
  AddWords(&words, y, 100, "Mieterarbeit");
  AddWords(&words, y, 380, "Sozialamt");
  const std::vector<LaidOutLine> lines = LayOut(words);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[0].table_row);
  EXPECT_EQ(lines[0].text, "Nr.\tMaßnahme\tVerantwortlich");
  EXPECT_EQ(lines[1].text,
            "3.32\tStädtische Einflussnahme auf die Aner-\u2028kennung von Abschlüssen\tStadtverwaltung und\u2028Stadtrat");
  EXPECT_EQ(lines[2].text, "4.5\tMieterarbeit\tSozialamt");
}

TEST(PdfLayoutTest, BulletOnATabStopStaysWithItsItem) {
  std::vector<PdfWord> words;
  AddWords(&words, 200, 60, "–");
  AddWords(&words, 200, 90, "Rahmen der Sprachausbildung");
  AddWords(&words, 200 + kPitch, 60, "–");
  AddWords(&words, 200 + kPitch, 90, "Fachsprache");
  const std::vector<LaidOutLine> lines = LayOut(words);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].table_row);
  EXPECT_EQ(lines[0].text, "– Rahmen der Sprachausbildung");
}

TEST(PdfLayoutTest, WrappedLinesContinueAndParagraphGapsDoNot) {
  std::vector<PdfWord> words;
  const std::string full = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo";
  double y = 200;
  AddWords(&words, y, 60, full);
  AddWords(&words, y += kPitch, 60, full);
  AddWords(&words, y += kPitch, 60, "Ende.");
  AddWords(&words, y += 2 * kPitch, 60, full);  // a new paragraph after a gap
  AddWords(&words, y += kPitch, 60, "Schluss.");
  const std::vector<LaidOutLine> lines = LayOut(words);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_TRUE(lines[0].continues);
  EXPECT_TRUE(lines[1].continues);
  EXPECT_FALSE(lines[2].continues);  // short: the paragraph ends
  EXPECT_TRUE(lines[3].blank_before);
  EXPECT_TRUE(lines[3].continues);
}

TEST(PdfLayoutTest, HeaderAndFooterSetApartFromTheBodyAreEdgeLines) {
  std::vector<PdfWord> words;
  AddWords(&words, 34, 60, "Landeshauptstadt Magdeburg");
  double y = 90;
  for (int i = 0; i < 40; ++i, y += kPitch) AddWords(&words, y, 60, "Text des Absatzes");
  AddWords(&words, 800, 250, "Seite 1 von 2");
  const std::vector<LaidOutLine> lines = LayOut(words);
  ASSERT_EQ(lines.size(), 42u);
  EXPECT_TRUE(lines.front().page_edge);
  EXPECT_TRUE(lines.back().page_edge);
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) EXPECT_FALSE(lines[i].page_edge) << i;
}

}  // namespace
}  // namespace ratsdoc::ingest
