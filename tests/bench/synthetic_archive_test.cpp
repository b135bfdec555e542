// A synthetic archive (bench/generate_archive) through `ratsdoc process`, in
// both forms: every kind is recognised, every planted reference becomes its
// edge, no reference edge appears that was not planted, and the text and the
// PDF form of the archive give the same graph.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "test_support.h"

namespace ratsdoc {
namespace {

using testing::ReadFile;
using testing::RunRatsdoc;

using EdgeSet = std::set<std::tuple<std::string, std::string, std::string>>;

constexpr int kDocuments = 24;
constexpr char kSeed[] = "7";
// Relations a reference gives; the others (signed-by, participant, part-of …)
// come from structure and are not planted.
const std::set<std::string> kReferenceRelations = {"cites", "answers", "decides", "approves", "attachment-of"};

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(ReadFile(path));
  std::string line;
  std::getline(in, line);  // column names
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      cells.push_back(line.substr(start, tab - start));
    }
    cells.push_back(line.substr(start));
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::string Describe(const EdgeSet& edges) {
  std::string out;
  for (const auto& [from, to, relation] : edges) out += "\n  " + from + " -> " + to + " (" + relation + ")";
  return out;
}

struct ProcessedGraph {
  EdgeSet edges;
  std::map<std::string, std::pair<std::string, std::string>> documents;  // file stem → (id, kind)
};

class SyntheticArchiveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(
        (std::filesystem::temp_directory_path() / ("ratsdoc-synthetic-" + std::to_string(getpid()))).string());
    std::filesystem::remove_all(*dir_);
    const std::string command = std::string(RATSDOC_GENERATOR) + " --documents " + std::to_string(kDocuments) +
                                " --seed " + kSeed + " --out " + *dir_ + " 2>&1";
    generated_ = std::system(command.c_str()) == 0;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  void SetUp() override { ASSERT_TRUE(generated_) << "generate_archive failed"; }

  static ProcessedGraph Process(const std::string& form) {
    ProcessedGraph graph;
    const std::string out = *dir_ + "/" + form + ".xml";
    const testing::CommandResult result = RunRatsdoc("process " + *dir_ + "/" + form + " -o " + out + " --no-progress");
    EXPECT_EQ(result.exit_code, 0) << result.output;
    pugi::xml_document xml;
    const pugi::xml_parse_result parsed = xml.load_file(out.c_str());
    EXPECT_TRUE(parsed) << out << ": " << parsed.description();
    for (const pugi::xml_node document : xml.child("graph").children("document")) {
      const std::string stem = std::filesystem::path(document.attribute("source").value()).stem().string();
      graph.documents[stem] = {document.attribute("id").value(), document.attribute("kind").value()};
    }
    for (const pugi::xml_node edge : xml.child("graph").children("edge")) {
      graph.edges.emplace(edge.attribute("from").value(), edge.attribute("to").value(),
                          edge.attribute("relation").value());
    }
    return graph;
  }

  static EdgeSet Expected() {
    EdgeSet expected;
    for (const auto& row : ReadTsv(*dir_ + "/expected-edges.tsv")) {
      if (row.size() == 3) expected.emplace(row[0], row[1], row[2]);
    }
    return expected;
  }

  static std::string* dir_;
  static bool generated_;
};

std::string* SyntheticArchiveTest::dir_ = nullptr;
bool SyntheticArchiveTest::generated_ = false;

TEST_F(SyntheticArchiveTest, TheArchiveHasEveryKindAndPlantsUnitEdges) {
  const auto manifest = ReadTsv(*dir_ + "/manifest.tsv");
  ASSERT_EQ(manifest.size(), static_cast<std::size_t>(kDocuments));
  std::set<std::string> kinds;
  for (const auto& row : manifest) {
    ASSERT_EQ(row.size(), 4u);
    kinds.insert(row[2]);
    const int pages = std::stoi(row[3]);
    EXPECT_TRUE(pages >= 1 && pages <= 4) << row[0] << ": " << pages << " pages";
    EXPECT_TRUE(std::filesystem::exists(*dir_ + "/text/" + row[0] + ".txt")) << row[0];
    EXPECT_TRUE(std::filesystem::exists(*dir_ + "/pdf/" + row[0] + ".pdf")) << row[0];
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"anfrage", "antrag", "stellungnahme", "drucksache", "anlage", "beschluss",
                                          "information", "protokoll"}));
  const EdgeSet expected = Expected();
  auto planted = [&](const std::string& relation, const std::string& from_part) {
    return std::any_of(expected.begin(), expected.end(), [&](const auto& e) {
      return std::get<2>(e) == relation && std::get<0>(e).find(from_part) != std::string::npos;
    });
  };
  EXPECT_TRUE(planted("answers", "S"));
  EXPECT_TRUE(planted("decides", "("));
  EXPECT_TRUE(planted("approves", "#TOP2"));
  EXPECT_TRUE(planted("attachment-of", "/Anlage"));
  EXPECT_TRUE(planted("cites", "#TOP"));  // from an agenda item
  EXPECT_TRUE(planted("cites", "/Anlage")) << "no edge from a measure row";
}

class SyntheticFormTest : public SyntheticArchiveTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(SyntheticFormTest, EveryDocumentGetsItsIdAndKind) {
  const ProcessedGraph graph = Process(GetParam());
  for (const auto& row : ReadTsv(*dir_ + "/manifest.tsv")) {
    const auto found = graph.documents.find(row[0]);
    ASSERT_NE(found, graph.documents.end()) << row[0];
    EXPECT_EQ(found->second.first, row[1]) << row[0];
    EXPECT_EQ(found->second.second, row[2]) << row[0];
  }
}

TEST_P(SyntheticFormTest, EveryPlantedReferenceIsAnEdgeAndNoOtherIs) {
  const ProcessedGraph graph = Process(GetParam());
  const EdgeSet expected = Expected();
  EdgeSet missing, unplanted;
  std::set_difference(expected.begin(), expected.end(), graph.edges.begin(), graph.edges.end(),
                      std::inserter(missing, missing.end()));
  for (const auto& edge : graph.edges) {
    if (kReferenceRelations.count(std::get<2>(edge)) && !expected.count(edge)) unplanted.insert(edge);
  }
  EXPECT_TRUE(missing.empty()) << missing.size() << " of " << expected.size() << " planted edges missing in the "
                               << GetParam() << " graph:" << Describe(missing);
  EXPECT_TRUE(unplanted.empty()) << unplanted.size() << " reference edges not planted:" << Describe(unplanted);
}

INSTANTIATE_TEST_SUITE_P(Forms, SyntheticFormTest, ::testing::Values("text", "pdf"));

TEST_F(SyntheticArchiveTest, TextAndPdfGiveTheSameEdges) {
  const EdgeSet text = Process("text").edges;
  const EdgeSet pdf = Process("pdf").edges;
  EdgeSet only_text, only_pdf;
  std::set_difference(text.begin(), text.end(), pdf.begin(), pdf.end(), std::inserter(only_text, only_text.end()));
  std::set_difference(pdf.begin(), pdf.end(), text.begin(), text.end(), std::inserter(only_pdf, only_pdf.end()));
  EXPECT_TRUE(only_text.empty()) << "only in the text graph:" << Describe(only_text);
  EXPECT_TRUE(only_pdf.empty()) << "only in the PDF graph:" << Describe(only_pdf);
}

}  // namespace
}  // namespace ratsdoc
