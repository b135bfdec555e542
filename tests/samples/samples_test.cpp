// The samples end to end: golden normalised text for every sample (text and
// PDF), the PDF form saying the same words as the text form, and the facts the
// foundation promises (no furniture, no broken words, no glued numbers).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "common/utf8.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;
using testing::NormalizedFile;
using testing::ReadFile;
using testing::SourcePath;

std::vector<std::string> SampleStems() {
  std::vector<std::string> stems;
  for (const fs::directory_entry& entry : fs::directory_iterator(SourcePath("samples/text"))) {
    if (entry.path().extension() == ".txt") stems.push_back(entry.path().stem().string());
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

// Words of a text, without tokens that are only punctuation (list bullets are
// "-" in the converter's text and "–" in the PDF).
// A converter that turned a line break into a space left "Freiwilligen-
// agentur" in the text form, where the PDF form has the hyphenation undone;
// ratsdoc does not guess inside a line, so the comparison joins such pairs.
std::string JoinInlineBreaks(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-' && i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1])) && i + 2 < text.size() &&
        text[i + 1] == ' ' && std::islower(static_cast<unsigned char>(text[i + 2])) &&
        text.compare(i + 2, 3, "und") != 0 && text.compare(i + 2, 4, "oder") != 0) {
      ++i;  // drop "- "
      continue;
    }
    out += text[i];
  }
  return out;
}

// The PDF drops a table's heading row repeated at the top of a page; the
// converter's text keeps it. Compare without repeated table rows.
std::string WithoutRepeatedRows(const std::string& text) {
  std::set<std::string> seen;
  std::string out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find('\t') != std::string::npos && !seen.insert(line).second) continue;
    out += line + "\n";
  }
  return out;
}

std::map<std::string, int> Words(const std::string& raw) {
  const std::string text = JoinInlineBreaks(WithoutRepeatedRows(raw));
  std::map<std::string, int> words;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    std::size_t pos = 0;
    bool has_word_char = false;
    while (pos < word.size() && !has_word_char) {
      const char32_t cp = utf8::Next(word, &pos);
      has_word_char = utf8::IsLetter(cp) || utf8::IsDigit(cp);
    }
    if (!has_word_char) continue;
    ++words[word];
  }
  return words;
}

std::string Difference(const std::map<std::string, int>& a, const std::map<std::string, int>& b) {
  std::string out;
  for (const auto& [word, count] : a) {
    const auto it = b.find(word);
    const int other = it == b.end() ? 0 : it->second;
    if (count > other) out += word + " ×" + std::to_string(count - other) + "  ";
  }
  return out;
}

class SampleTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SampleTest, TextFormMatchesGolden) {
  const std::string stem = GetParam();
  EXPECT_EQ(NormalizedFile("samples/text/" + stem + ".txt"), ReadFile(SourcePath("tests/golden/text/" + stem + ".txt")))
      << "regenerate with tests/golden/update.sh after checking the change";
}

TEST_P(SampleTest, PdfFormMatchesGolden) {
  const std::string stem = GetParam();
  EXPECT_EQ(NormalizedFile("samples/pdf/" + stem + ".pdf"), ReadFile(SourcePath("tests/golden/pdf/" + stem + ".txt")))
      << "regenerate with tests/golden/update.sh after checking the change";
}

TEST_P(SampleTest, PdfSaysTheSameWordsAsText) {
  const std::string stem = GetParam();
  const auto text = Words(NormalizedFile("samples/text/" + stem + ".txt"));
  const auto pdf = Words(NormalizedFile("samples/pdf/" + stem + ".pdf"));
  EXPECT_EQ(Difference(text, pdf), "") << "words the PDF lost";
  EXPECT_EQ(Difference(pdf, text), "") << "words only in the PDF";
}

TEST_P(SampleTest, PdfTextHasNoFurnitureNoBrokenWordsNoGluedNumbers) {
  const std::string stem = GetParam();
  const std::string text = NormalizedFile("samples/pdf/" + stem + ".pdf");
  EXPECT_EQ(text.find("-\n"), std::string::npos) << "a line ends in a hyphen";
  EXPECT_EQ(text.find("\u2028"), std::string::npos);
  EXPECT_EQ(text.find("5384057"), std::string::npos) << "a Beschluss number was glued";
  // No line is a bare page number.
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    EXPECT_FALSE(!line.empty() && line.size() <= 3 && std::all_of(line.begin(), line.end(), ::isdigit)) << line;
    EXPECT_FALSE(line.starts_with("Seite ") && line.find(" von ") != std::string::npos) << line;
    EXPECT_FALSE(line.starts_with("Landeshauptstadt Magdeburg ") && line.size() < 60) << "running header: " << line;
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleTest, ::testing::ValuesIn(SampleStems()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param.substr(0, 3);
                           return "Sample" + name;
                         });

TEST(SampleFactsTest, RunningHeaderOfTheBeiratMinutesIsGoneInBothForms) {
  for (const char* path : {"samples/text/003_e39590d0e48f48c2.txt", "samples/pdf/003_e39590d0e48f48c2.pdf"}) {
    const std::string text = NormalizedFile(path);
    EXPECT_EQ(text.find("BEIRAT FÜR INTEGRATION"), std::string::npos) << path;
    EXPECT_NE(text.find("besteht die Projektstruktur aus einer Lenkungebene (OB-DB unter der Leitung der "
                        "Oberbürgermeisterin), einer strategischen Ebene"),
              std::string::npos)
        << path;
    EXPECT_NE(text.find("Herr Stadtrat René Hempel für Frau Stadträtin Nadja Lösch\tja"), std::string::npos) << path;
  }
}

TEST(SampleFactsTest, HyphenationCasesOfTheSeedsInBothForms) {
  for (const char* form : {"text/001_5f8bba035433deb4.txt", "pdf/001_5f8bba035433deb4.pdf"}) {
    const std::string text = NormalizedFile(std::string("samples/") + form);
    EXPECT_NE(text.find("Abstimmungsgespräche der Wirtschaftsförderung der Landeshauptstadt"), std::string::npos) << form;
    EXPECT_NE(text.find("Bedarfsgerechte Aus- und Weiterbildung"), std::string::npos) << form;
    EXPECT_NE(text.find("arbeitswilligen und –fähigen Personen"), std::string::npos) << form;
    EXPECT_NE(text.find("Antrag A0038/07 durch den Stadtrat"), std::string::npos) << form;
  }
  for (const char* form : {"text/002_406d7f5b0e791aa1.txt", "pdf/002_406d7f5b0e791aa1.pdf"}) {
    const std::string text = NormalizedFile(std::string("samples/") + form);
    EXPECT_NE(text.find("Hochschule Magdeburg-Stendal, Fachbereich Sozial- und Gesundheitswesen"), std::string::npos)
        << form;
    EXPECT_NE(text.find("Schnittstelle Integrationskursträger IQ-Netzwerk"), std::string::npos) << form;
  }
  for (const char* form : {"text/000_f587a7394770ebb2.txt", "pdf/000_f587a7394770ebb2.pdf"}) {
    const std::string text = NormalizedFile(std::string("samples/") + form);
    EXPECT_NE(text.find("Stadtrats-Beschluss-Nr.5384-057(VII)22 vom 08.12.2022"), std::string::npos) << form;
    EXPECT_NE(text.find("F0322/22 Fraktion DIE LINKE Stadträtin Jäger\tV/02\tS0056/23\t07.02.2023"), std::string::npos)
        << form;
  }
}

TEST(SampleFactsTest, MeasureRowsOfTheAnnexAreWholeInBothForms) {
  for (const char* form : {"text/004_0c4ff60752e64775.txt", "pdf/004_0c4ff60752e64775.pdf"}) {
    const std::string text = NormalizedFile(std::string("samples/") + form);
    EXPECT_NE(text.find("\n3.32\tStädtische Einflussnahme auf die Anerkennung von Berufsabschlüssen und "
                        "Qualifikationen\tStadtverwaltung und Stadtrat\n"),
              std::string::npos)
        << form;
    EXPECT_NE(text.find("\n3.1 u. a.\t(weitere) Etablierung"), std::string::npos) << form;
  }
}

TEST(SampleFactsTest, PageNumberFourteenOfTheConferenceProgrammeIsGone) {
  const std::string text = NormalizedFile("samples/text/002_406d7f5b0e791aa1.txt");
  EXPECT_EQ(text.find("\n14\n"), std::string::npos);
  EXPECT_NE(text.find("ca. 15 aktive Mitglieder"), std::string::npos);
}

}  // namespace
}  // namespace ratsdoc
