// The samples end to end: golden normalised text for every sample (text and
// PDF), the PDF form saying the same words as the text form, and the facts the
// foundation promises (no furniture, no broken words, no glued numbers).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

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
std::map<std::string, int> Words(const std::string& text) {
  std::map<std::string, int> words;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    if (word == "-" || word == "–" || word == "•" || word == "➢") continue;
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
  // The PDF may repeat a table's heading row on a new page; nothing else.
  const std::set<std::string> repeated_heading = {"Nr.", "Handlungsempfehlungen/Maßnahmen", "Verantwortlich",
                                                  "Organisationseinheit", "Ressort", "Vorname,", "Name", "Teilnahme"};
  std::map<std::string, int> extra;
  for (const auto& [word, count] : pdf) {
    const int in_text = text.count(word) ? text.at(word) : 0;
    if (count > in_text && !repeated_heading.count(word)) extra[word] = count - in_text;
  }
  EXPECT_EQ(Difference(text, pdf), "") << "words the PDF lost";
  EXPECT_TRUE(extra.empty()) << "words only in the PDF: " << Difference(extra, {});
}

TEST_P(SampleTest, PdfTextHasNoFurnitureNoBrokenWordsNoGluedNumbers) {
  const std::string stem = GetParam();
  const std::string text = NormalizedFile("samples/pdf/" + stem + ".pdf");
  EXPECT_EQ(text.find("Seite "), text.find("Seite 1 von")) << "a page footer is left";
  EXPECT_EQ(text.find(" von 2\n"), std::string::npos);
  EXPECT_EQ(text.find("-\n"), std::string::npos) << "a line ends in a hyphen";
  EXPECT_EQ(text.find("\u2028"), std::string::npos);
  EXPECT_EQ(text.find("5384057"), std::string::npos) << "a Beschluss number was glued";
  // No line is a bare page number.
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    EXPECT_FALSE(!line.empty() && line.size() <= 3 && std::all_of(line.begin(), line.end(), ::isdigit)) << line;
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
