// Accuracy of the references stage on the labelled corpus (tests/corpus/README.md):
// precision and recall over every expected (target, relation) of every
// document, from the text form and from the PDF form, each at least 0.99.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ratsdoc/graph.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;
using testing::Magdeburg;
using testing::SourcePath;

// One labelled item: the own ID ("id", X) or a reference (target, relation).
using Item = std::pair<std::string, std::string>;

std::vector<Item> ReadExpected(const fs::path& path) {
  std::vector<Item> items;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    // A comment starts with '#' at the line start or after white space
    // (IDs such as "DS0583/21/Anlage2#3.32" hold a '#' too).
    if (line.rfind('#', 0) == 0) continue;
    for (const char* start : {" #", "\t#"}) line = line.substr(0, line.find(start));
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) {
      while (!cell.empty() && std::isspace(static_cast<unsigned char>(cell.back()))) cell.pop_back();
      fields.push_back(cell);
    }
    if (fields.size() >= 2 && fields[0] == "id") items.emplace_back("id", fields[1]);
    if (fields.size() >= 3 && fields[0] == "ref") items.emplace_back(fields[1], fields[2]);
  }
  return items;
}

std::vector<Item> Found(const DocumentRecord& record) {
  std::vector<Item> items;
  if (record.id.rfind("sha256:", 0) != 0) items.emplace_back("id", record.id);
  for (const Reference& reference : record.references) {
    items.emplace_back(reference.target, std::string(RelationName(reference.relation)));
  }
  return items;
}

struct Score {
  std::size_t expected = 0, found = 0, matched = 0;
  std::string errors;
  double precision() const { return found == 0 ? 1.0 : static_cast<double>(matched) / static_cast<double>(found); }
  double recall() const { return expected == 0 ? 1.0 : static_cast<double>(matched) / static_cast<double>(expected); }
};

// Compares two multisets; lists what is missing and what is extra.
void Compare(const std::string& name, std::vector<Item> expected, std::vector<Item> found, Score* score) {
  std::sort(expected.begin(), expected.end());
  std::sort(found.begin(), found.end());
  std::vector<Item> matched, missing, extra;
  std::set_intersection(expected.begin(), expected.end(), found.begin(), found.end(), std::back_inserter(matched));
  std::set_difference(expected.begin(), expected.end(), found.begin(), found.end(), std::back_inserter(missing));
  std::set_difference(found.begin(), found.end(), expected.begin(), expected.end(), std::back_inserter(extra));
  score->expected += expected.size();
  score->found += found.size();
  score->matched += matched.size();
  for (const Item& item : missing) score->errors += "  " + name + ": missed " + item.first + " (" + item.second + ")\n";
  for (const Item& item : extra) score->errors += "  " + name + ": wrongly found " + item.first + " (" + item.second + ")\n";
}

// The file of `stem` in `form` ("text" / "pdf"): the corpus's own, else the sample.
std::string Locate(const std::string& stem, const std::string& form) {
  const std::string extension = form == "text" ? ".txt" : ".pdf";
  for (const std::string& dir : {"tests/corpus/" + form + "/", "samples/" + form + "/"}) {
    const std::string path = SourcePath(dir + stem + extension);
    if (fs::exists(path)) return path;
  }
  return "";
}

class CorpusAccuracyTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusAccuracyTest, PrecisionAndRecallAtLeast099) {
  const std::string form = GetParam();
  Score score;
  std::size_t documents = 0;
  std::vector<fs::path> labels;
  for (const auto& entry : fs::directory_iterator(SourcePath("tests/corpus/expected"))) labels.push_back(entry.path());
  std::sort(labels.begin(), labels.end());
  for (const fs::path& label : labels) {
    const std::string stem = label.stem().string();
    const std::string path = Locate(stem, form);
    ASSERT_FALSE(path.empty()) << "no " << form << " file for " << label;
    const DocumentRecord record = AnalyzeDocument(path, Magdeburg());
    ASSERT_TRUE(record.status.ok()) << path << ": " << record.status.ToString();
    Compare(stem, ReadExpected(label), Found(record), &score);
    ++documents;
  }
  std::printf("labelled corpus, %s form: %zu documents, %zu expected, %zu found, %zu right: precision %.4f, recall %.4f\n",
              form.c_str(), documents, score.expected, score.found, score.matched, score.precision(), score.recall());
  EXPECT_GE(documents, 15u);
  EXPECT_GE(score.precision(), 0.99) << score.errors;
  EXPECT_GE(score.recall(), 0.99) << score.errors;
  if (!score.errors.empty()) std::printf("%s", score.errors.c_str());
}

INSTANTIATE_TEST_SUITE_P(Forms, CorpusAccuracyTest, ::testing::Values("text", "pdf"));

}  // namespace
}  // namespace ratsdoc
