// The document boundary: whatever escapes one document's analysis (an
// exception of ratsdoc's own code or of the standard library, memory
// exhausted) costs that document, as `internal-error`, and never the run.
// A test-only stage hook plays the bug; its own binary keeps the hook away
// from the other tests.
#include <filesystem>
#include <fstream>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ratsdoc/archive.h"
#include "ratsdoc/graph.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;
using testing::Magdeburg;
using testing::RunRatsdoc;
using testing::SourcePath;

bool EndsWith(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// The bug: the structure stage throws on "structure-bug.txt", and memory runs
// out in the references stage of "no-memory.txt".
void Bug(std::string_view stage, const SourceDocument& source) {
  if (stage == "structure" && EndsWith(source.path, "structure-bug.txt")) throw std::out_of_range("stoi");
  if (stage == "references" && EndsWith(source.path, "no-memory.txt")) throw std::bad_alloc();
}

class StringSink : public pugi::xml_writer {
 public:
  void write(const void* data, size_t size) override { text.append(static_cast<const char*>(data), size); }
  std::string text;
};

class DocumentBoundary : public ::testing::Test {
 protected:
  void SetUp() override {
    // One directory per test: ctest runs the tests of this file at once.
    dir_ = ::testing::TempDir() + "ratsdoc-boundary-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_ + "/bad");
    for (const char* name : {"structure-bug.txt", "no-memory.txt"}) {
      std::ofstream(dir_ + "/bad/" + name) << "Anfrage\n\nIst die Drucksache DS0583/21 umgesetzt?\n";
    }
    std::vector<std::string> problems;
    files_ = CollectInputs({SourcePath("samples/pdf"), SourcePath("samples/text"), dir_ + "/bad"}, &problems);
    ASSERT_EQ(files_.size(), 20u);
    SetStageHookForTesting(&Bug);
  }
  void TearDown() override { SetStageHookForTesting(nullptr); }

  // One ExtractArchive run; the documents of the graph it gives.
  std::vector<DocumentFacts> Run(const std::string& cache_dir, RunSummary* summary) {
    std::unique_ptr<FragmentStore> store;
    EXPECT_TRUE(FragmentStore::Create("", &store).ok());
    ExtractOptions options;
    options.threads = 2;
    options.cache_dir = cache_dir;
    EXPECT_TRUE(ExtractArchive(files_, Magdeburg(), options, store.get(), summary).ok());
    StringSink graph;
    EXPECT_TRUE(store->WriteGraph(Magdeburg(), graph).ok());
    EXPECT_NE(graph.text.find("<error code=\"internal-error\">ratsdoc failed in its structure stage on "),
              std::string::npos);
    EXPECT_TRUE(HasEdge(store->links(), "S0056/23", "F0322/22", Relation::kAnswers));
    return store->documents();
  }

  static bool HasEdge(const Links& links, const std::string& from, const std::string& to, Relation relation) {
    for (const Edge& e : links.edges) {
      if (e.from == from && e.to == to && e.relation == relation) return true;
    }
    return false;
  }

  // Every input once; the two bad ones internal-error, every other one read.
  void ExpectOnlyTheBadOnesLost(const std::vector<DocumentFacts>& documents) {
    ASSERT_EQ(documents.size(), 20u);
    int lost = 0;
    for (const DocumentFacts& document : documents) {
      if (EndsWith(document.source, "structure-bug.txt") || EndsWith(document.source, "no-memory.txt")) {
        EXPECT_EQ(document.error, "internal-error") << document.source;
        ++lost;
      } else {
        EXPECT_EQ(document.error, "") << document.source;
      }
    }
    EXPECT_EQ(lost, 2);
  }

  std::string dir_;
  std::vector<std::string> files_;
};

TEST_F(DocumentBoundary, AnExceptionInOneStageCostsThatDocumentOnly) {
  const DocumentRecord record = AnalyzeDocument(dir_ + "/bad/structure-bug.txt", Magdeburg());
  EXPECT_EQ(record.status.code(), ErrorCode::kInternal);
  EXPECT_EQ(ErrorCodeName(record.status.code()), "internal-error");
  const std::string message = record.status.message();
  EXPECT_NE(message.find("structure stage"), std::string::npos) << message;
  EXPECT_NE(message.find("structure-bug.txt"), std::string::npos) << message;
  EXPECT_NE(message.find("(stoi)"), std::string::npos) << message;
  EXPECT_NE(message.find("please report it, with the file"), std::string::npos) << message;
  EXPECT_EQ(record.sha256.size(), 64u);  // the file was read: its hash identifies it
  EXPECT_EQ(record.id, "sha256:" + record.sha256.substr(0, 16));

  const DocumentRecord oom = AnalyzeDocument(dir_ + "/bad/no-memory.txt", Magdeburg());
  EXPECT_EQ(oom.status.code(), ErrorCode::kInternal);
  EXPECT_NE(oom.status.message().find("references stage"), std::string::npos);
  EXPECT_NE(oom.status.message().find("out of memory"), std::string::npos);
}

TEST_F(DocumentBoundary, AnArchiveRunKeepsEveryOtherDocument) {
  RunSummary summary;
  ExpectOnlyTheBadOnesLost(Run("", &summary));
}

TEST_F(DocumentBoundary, ACachedRunKeepsEveryOtherDocumentAndNeverCachesTheFailure) {
  const std::string cache = dir_ + "/cache";
  RunSummary first, second;
  ExpectOnlyTheBadOnesLost(Run(cache, &first));
  EXPECT_EQ(first.cache_analysed, 20u);
  ExpectOnlyTheBadOnesLost(Run(cache, &second));
  EXPECT_EQ(second.cache_reused, 18u);
  EXPECT_EQ(second.cache_analysed, 2u);  // analysed again: a failure is not remembered
}

}  // namespace
}  // namespace ratsdoc
