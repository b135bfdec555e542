// Every sample and corpus paper, rendered from its text into several page
// layouts (tests/layout/layout_writer.h: A4 and a narrow column, justified
// and ragged, three fonts and spacings, one- and two-line running headers,
// tables as grids, at tab stops and flattened), must read back as its text:
// the same words, the same paragraphs, no line-end hyphen of a split word, no
// running header or footer, and the same identity, units and references.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "layout/layout_writer.h"
#include "ratsdoc/graph.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;
using testing::Magdeburg;
using testing::PaperLayout;
using testing::SourcePath;

std::vector<std::string> Papers() {
  std::vector<std::string> papers;
  for (const char* dir : {"samples/text", "tests/corpus/text"}) {
    for (const auto& entry : fs::directory_iterator(SourcePath(dir))) papers.push_back(entry.path().string());
  }
  std::sort(papers.begin(), papers.end());
  return papers;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool separator = i == text.size() || text[i] == ' ' || text[i] == '\t' || text[i] == '\n' ||
                           text.compare(i, 3, "\u2028") == 0;
    if (!separator) {
      word += text[i];
      continue;
    }
    if (!word.empty()) words.push_back(word);
    word.clear();
    if (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') i += 2;
  }
  return words;
}

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> paragraphs;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) paragraphs.push_back(line);
  }
  return paragraphs;
}

// "first difference at word 12: PDF "Integrationskon-" / text "Integrationskonzept"", or "".
std::string FirstDifference(const std::vector<std::string>& pdf, const std::vector<std::string>& text,
                            const char* what) {
  const auto [p, t] = std::mismatch(pdf.begin(), pdf.end(), text.begin(), text.end());
  if (p == pdf.end() && t == text.end()) return "";
  auto context = [](const std::vector<std::string>& items, std::vector<std::string>::const_iterator at) {
    std::string out;
    for (auto it = at; it != items.end() && it - at < 4; ++it) out += (out.empty() ? "" : " | ") + *it;
    return out.empty() ? std::string("(end)") : out;
  };
  return std::string(what) + " differ from #" + std::to_string(p - pdf.begin()) + ": PDF \"" + context(pdf, p) +
         "\" / text \"" + context(text, t) + "\"";
}

std::vector<std::string> References(const DocumentRecord& record) {
  std::vector<std::string> found;
  for (const Reference& reference : record.references) {
    found.push_back(reference.target + " " + std::string(RelationName(reference.relation)));
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::string> Units(const DocumentRecord& record) {
  std::vector<std::string> units;
  for (const Unit& unit : record.structure.units) {
    // A document without an own number has a content-hash ID, which differs
    // between the PDF and the text; its units' IDs start with it.
    const bool own = unit.id.rfind(record.id, 0) == 0;
    units.push_back(unit.kind + " " + (own ? "<doc>" + unit.id.substr(record.id.size()) : unit.id));
  }
  return units;
}

// Differences the layout stage still makes, as "layout stem check" (see the
// checks below). Each is a gap to close, not a behaviour to keep; the test
// says when one closes. Grouped by cause:
const std::set<std::string>& KnownGaps() {
  static const std::set<std::string> gaps = {
    // The header form flattened to one cell per line: the header's answers /
    // decides relations are read from cell rows only (the references stage's
    // <column> cue, not the layout), and the title line after the form is
    // read with it; 202's title gets the next label ("Verteiler") joined.
    "narrow-mono-ragged-lines-header2 000_f587a7394770ebb2 body",
    "narrow-mono-ragged-lines-header2 000_f587a7394770ebb2 references",
    "narrow-mono-ragged-lines-header2 103_beschluss_5384-057_VII_22 body",
    "narrow-mono-ragged-lines-header2 103_beschluss_5384-057_VII_22 references",
    "narrow-mono-ragged-lines-header2 201_stellungnahme_S0101_24 body",
    "narrow-mono-ragged-lines-header2 201_stellungnahme_S0101_24 references",
    "narrow-mono-ragged-lines-header2 202_stellungnahme_S0152_21 body",
    "narrow-mono-ragged-lines-header2 202_stellungnahme_S0152_21 identity",
    "narrow-mono-ragged-lines-header2 202_stellungnahme_S0152_21 references",
    "narrow-mono-ragged-lines-header2 205_beschluss_621-017_VIII_25 body",
    "narrow-mono-ragged-lines-header2 205_beschluss_621-017_VIII_25 references",
    // Tables: cells that wrap in a narrow grid or at tab stops, the
    // Stellungnahme header forms at tab stops (000, 201, 202: a cell that
    // wraps), the measure table of 004 (its "3.1 u. a." cells), the
    // attendance tables of 003 and 209.
    "a4-mono-justified-grid-header2 004_0c4ff60752e64775 paragraphs",
    "a4-mono-justified-grid-header2 004_0c4ff60752e64775 units",
    "a4-mono-justified-grid-header2 004_0c4ff60752e64775 words",
    "a4-sans-justified-grid 004_0c4ff60752e64775 hyphen",
    "a4-sans-justified-grid 004_0c4ff60752e64775 paragraphs",
    "a4-sans-justified-grid 004_0c4ff60752e64775 units",
    "a4-sans-justified-grid 004_0c4ff60752e64775 words",
    "a4-serif-ragged-tabs-double 004_0c4ff60752e64775 paragraphs",
    "a4-serif-ragged-tabs-double 004_0c4ff60752e64775 units",
    "a4-serif-ragged-tabs-double 004_0c4ff60752e64775 words",
    "a4-serif-ragged-tabs-double 209_ergebnisprotokoll_gesundheit_soziales_2022-11-09 paragraphs",
    "a4-serif-ragged-tabs-double 209_ergebnisprotokoll_gesundheit_soziales_2022-11-09 words",
    "narrow-mono-ragged-lines-header2 003_e39590d0e48f48c2 hyphen",
    "narrow-mono-ragged-lines-header2 003_e39590d0e48f48c2 words",
    "narrow-mono-ragged-lines-header2 004_0c4ff60752e64775 hyphen",
    "narrow-mono-ragged-lines-header2 004_0c4ff60752e64775 units",
    "narrow-mono-ragged-lines-header2 004_0c4ff60752e64775 words",
    "narrow-sans-justified-grid 003_e39590d0e48f48c2 hyphen",
    "narrow-sans-justified-grid 003_e39590d0e48f48c2 paragraphs",
    "narrow-sans-justified-grid 003_e39590d0e48f48c2 words",
    "narrow-sans-justified-grid 004_0c4ff60752e64775 hyphen",
    "narrow-sans-justified-grid 004_0c4ff60752e64775 paragraphs",
    "narrow-sans-justified-grid 004_0c4ff60752e64775 units",
    "narrow-sans-justified-grid 004_0c4ff60752e64775 words",
    "narrow-serif-justified-tabs-header2 003_e39590d0e48f48c2 paragraphs",
    "narrow-serif-justified-tabs-header2 003_e39590d0e48f48c2 words",
    "narrow-serif-justified-tabs-header2 004_0c4ff60752e64775 body",
    "narrow-serif-justified-tabs-header2 004_0c4ff60752e64775 hyphen",
    "narrow-serif-justified-tabs-header2 004_0c4ff60752e64775 paragraphs",
    "narrow-serif-justified-tabs-header2 004_0c4ff60752e64775 units",
    "narrow-serif-justified-tabs-header2 004_0c4ff60752e64775 words",
    "narrow-serif-justified-tabs-header2 209_ergebnisprotokoll_gesundheit_soziales_2022-11-09 paragraphs",
    "narrow-serif-justified-tabs-header2 209_ergebnisprotokoll_gesundheit_soziales_2022-11-09 words",
    "narrow-serif-justified-tabs-header2 211_anlage_DS0434_24_Anlage2 paragraphs",
    "narrow-serif-justified-tabs-header2 211_anlage_DS0434_24_Anlage2 words",
    // Text: paragraph boundaries not analysed yet; in ragged text a paragraph
    // ending at the foot of a page runs into the next (no gap to see).
    "a4-serif-ragged-tabs-double 002_406d7f5b0e791aa1 body",
    "a4-serif-ragged-tabs-double 002_406d7f5b0e791aa1 paragraphs",
    "a4-serif-ragged-tabs-double 002_406d7f5b0e791aa1 words",
    "a4-serif-ragged-tabs-double 208_niederschrift_umwelt_2024-03-14 body",
    "a4-serif-ragged-tabs-double 208_niederschrift_umwelt_2024-03-14 paragraphs",
    "a4-serif-ragged-tabs-double 209_ergebnisprotokoll_gesundheit_soziales_2022-11-09 body",
    "narrow-mono-ragged-lines-header2 003_e39590d0e48f48c2 body",
    "narrow-mono-ragged-lines-header2 208_niederschrift_umwelt_2024-03-14 body",
    "narrow-serif-justified-tabs-header2 002_406d7f5b0e791aa1 body",
    "narrow-serif-justified-tabs-header2 002_406d7f5b0e791aa1 paragraphs",
  };
  return gaps;
}

std::string Stem(const std::string& path) { return fs::path(path).stem().string(); }

class RenderedLayoutsTest : public ::testing::TestWithParam<PaperLayout> {};

}  // namespace
}  // namespace ratsdoc

namespace ratsdoc::testing {
// Names the layout in gtest's messages instead of dumping its bytes.
void PrintTo(const PaperLayout& layout, std::ostream* out) { *out << layout.name; }
}  // namespace ratsdoc::testing

namespace ratsdoc {
namespace {

TEST_P(RenderedLayoutsTest, ReadsBackAsItsText) {
  const PaperLayout& layout = GetParam();
  const fs::path dir = fs::temp_directory_path() / ("ratsdoc-layouts-" + layout.name + "-" + std::to_string(getpid()));
  fs::create_directories(dir);
  int hyphenated = 0;
  std::vector<std::string> closed;  // known gaps no longer seen
  for (const std::string& paper : Papers()) {
    const std::string stem = Stem(paper);
    SCOPED_TRACE(stem + " as " + layout.name);
    const SourceDocument text_source = ReadDocument(paper);
    ASSERT_TRUE(text_source.status.ok()) << text_source.status.ToString();
    const NormalizedText text = Normalize(text_source, Magdeburg());
    const std::string pdf_path = (dir / (stem + ".pdf")).string();
    testing::RenderedPaper rendered;
    std::string error;
    ASSERT_TRUE(testing::RenderPaper(text, layout, pdf_path, &rendered, &error)) << error;
    hyphenated += rendered.hyphenated_line_ends;

    const SourceDocument pdf_source = ReadDocument(pdf_path);
    ASSERT_TRUE(pdf_source.status.ok()) << pdf_source.status.ToString();
    const NormalizedText pdf = Normalize(pdf_source, Magdeburg());
    const DocumentRecord from_text = AnalyzeSource(text_source, Magdeburg());
    const DocumentRecord from_pdf = AnalyzeSource(pdf_source, Magdeburg());

    // Each check: "" when it holds, else what differs.
    std::map<std::string, std::string> checks;
    // No running header line (one line or two) left in the text.
    for (const std::string& header : layout.running_header) {
      if (Count(pdf.text, header) != Count(text.text, header)) checks["header"] += "left: " + header + "; ";
    }
    // No line-end hyphen of a split word left ("Integrationskon-").
    const std::vector<std::string> pdf_words = Words(pdf.text);
    std::multiset<std::string> split(pdf_words.begin(), pdf_words.end());
    for (const std::string& word : Words(text.text)) {
      if (auto found = split.find(word); found != split.end()) split.erase(found);
    }
    for (const std::string& word : split) {
      if (word.size() > 1 && word.back() == '-') checks["hyphen"] += word + " ";
    }
    checks["words"] = FirstDifference(Words(pdf.text), Words(text.text), "words");
    // Paragraphs, but for the header form set as lines, which become paragraphs.
    if (layout.tables != testing::TableSetting::kLines) {
      checks["paragraphs"] = FirstDifference(Paragraphs(pdf.text), Paragraphs(text.text), "paragraphs");
    }
    // Body paragraphs (no table rows), also for the header form set as
    // lines: each paragraph of the text is a paragraph of the PDF.
    std::multiset<std::string> pdf_paragraphs;
    for (const std::string& paragraph : Paragraphs(pdf.text)) pdf_paragraphs.insert(paragraph);
    for (const std::string& paragraph : Paragraphs(text.text)) {
      if (paragraph.find('\t') != std::string::npos) continue;
      if (auto found = pdf_paragraphs.find(paragraph); found != pdf_paragraphs.end()) {
        pdf_paragraphs.erase(found);
      } else {
        checks["body"] += "missing: " + paragraph.substr(0, 80) + "; ";
      }
    }
    const bool content_ids = from_text.id.rfind("sha256:", 0) == 0 && from_pdf.id.rfind("sha256:", 0) == 0;
    if ((from_pdf.id != from_text.id && !content_ids) || from_pdf.kind != from_text.kind ||
        from_pdf.date != from_text.date || from_pdf.structure.title != from_text.structure.title) {
      checks["identity"] = "PDF " + from_pdf.id + " " + from_pdf.kind + " " + from_pdf.date + " \"" +
                           from_pdf.structure.title + "\" / text " + from_text.id + " " + from_text.kind + " " +
                           from_text.date + " \"" + from_text.structure.title + "\"";
    }
    if (Units(from_pdf) != Units(from_text)) {
      checks["units"] = std::to_string(Units(from_pdf).size()) + " units / text " + std::to_string(Units(from_text).size());
    }
    if (References(from_pdf) != References(from_text)) {
      std::string differ;
      for (const std::string& r : References(from_pdf)) differ += r + ", ";
      differ += "/ text ";
      for (const std::string& r : References(from_text)) differ += r + ", ";
      checks["references"] = differ;
    }
    for (const auto& [check, difference] : checks) {
      if (KnownGaps().count(layout.name + " " + stem + " " + check) == 0) {
        EXPECT_EQ(difference, "") << check;
      }
    }
    // A known gap of this paper whose check now finds no difference is closed.
    const std::string prefix = layout.name + " " + stem + " ";
    for (auto gap = KnownGaps().lower_bound(prefix); gap != KnownGaps().end() && gap->starts_with(prefix); ++gap) {
      const std::string check = gap->substr(prefix.size());
      if (checks.count(check) == 0 || checks.at(check).empty()) closed.push_back(stem + " " + check);
    }
  }
  for (const std::string& gap : closed) std::cout << "known gap closed, remove it from KnownGaps(): " << layout.name << " " << gap << "\n";
  // The layouts hyphenate: the words above were really split and joined again.
  if (layout.hyphenate) {
    EXPECT_GT(hyphenated, 20);
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Layouts, RenderedLayoutsTest, ::testing::ValuesIn(testing::StandardLayouts()),
                         [](const ::testing::TestParamInfo<PaperLayout>& param) {
                           std::string name = param.param.name;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace ratsdoc
