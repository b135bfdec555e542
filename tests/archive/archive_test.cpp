// The archive stage: parallel runs, extract + link, the fragment cache, the
// progress line and the end-of-run summary. The parallel tests also run in a
// ThreadSanitizer build (scripts/dev.sh test; RATSDOC_TSAN).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ratsdoc/archive.h"
#include "ratsdoc/document_xml.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;
using testing::Magdeburg;
using testing::ReadFile;
using testing::RunRatsdoc;
using testing::SourcePath;

// A fresh directory under the test temp dir.
std::string FreshDir(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "ratsdoc-archive-" + name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class StringSink : public pugi::xml_writer {
 public:
  void write(const void* data, size_t size) override { text.append(static_cast<const char*>(data), size); }
  std::string text;
};

bool HasEdge(const Links& links, const std::string& from, const std::string& to, Relation relation) {
  return std::any_of(links.edges.begin(), links.edges.end(),
                     [&](const Edge& e) { return e.from == from && e.to == to && e.relation == relation; });
}

// --- parallel runs ------------------------------------------------------------

TEST(ParallelExtraction, FourThreadsGiveEveryDocumentAndTheEdgesOfOneThread) {
  std::vector<std::string> problems;
  const std::vector<std::string> files =
      CollectInputs({SourcePath("samples/pdf"), SourcePath("samples/text")}, &problems);
  ASSERT_EQ(files.size(), 18u);
  EXPECT_TRUE(problems.empty());
  std::string graphs[2];
  for (int threads : {1, 4}) {
    std::unique_ptr<FragmentStore> store;
    ASSERT_TRUE(FragmentStore::Create("", &store).ok());
    ExtractOptions options;
    options.threads = threads;
    RunSummary summary;
    ASSERT_TRUE(ExtractArchive(files, Magdeburg(), options, store.get(), &summary).ok());
    EXPECT_EQ(summary.threads, threads);
    StringSink sink;
    ASSERT_TRUE(store->WriteGraph(Magdeburg(), sink).ok());
    ASSERT_EQ(store->size(), 18u);
    EXPECT_TRUE(std::is_sorted(store->documents().begin(), store->documents().end(),
                               [](const DocumentFacts& a, const DocumentFacts& b) { return a.source < b.source; }));
    EXPECT_TRUE(HasEdge(store->links(), "S0056/23", "F0322/22", Relation::kAnswers));
    EXPECT_TRUE(HasEdge(store->links(), "DS0583/21/Anlage2#2.3", "DS0360/21", Relation::kCites));
    graphs[threads == 1 ? 0 : 1] = sink.text;
  }
  EXPECT_EQ(graphs[0], graphs[1]) << "the graph must not depend on the number of threads";
}

TEST(ParallelExtraction, CommandLineGraphIsTheSameForAnyNumberOfJobs) {
  const std::string dir = FreshDir("jobs");
  for (const char* jobs : {"1", "3"}) {
    const auto run = RunRatsdoc(std::string("process samples/text samples/pdf -j ") + jobs + " -o " + dir + "/g" +
                                jobs + ".xml");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(Contains(run.output, std::string("on ") + jobs + " thread")) << run.output;
  }
  EXPECT_EQ(ReadFile(dir + "/g1.xml"), ReadFile(dir + "/g3.xml"));
}

// --- extract + link -------------------------------------------------------------

TEST(ExtractAndLink, TwoShardsLinkedGiveByteForByteTheGraphOfProcess) {
  const std::string dir = FreshDir("shards");
  auto run = RunRatsdoc("process samples/text samples/pdf -o " + dir + "/process.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  // Shards as a job array would make them: each machine its part of the archive.
  run = RunRatsdoc("extract samples/pdf -j 2 -o " + dir + "/shard-1.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  run = RunRatsdoc("extract samples/text -j 1 -o " + dir + "/shard-2.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  run = RunRatsdoc("link " + dir + "/shard-2.xml " + dir + "/shard-1.xml -o " + dir + "/linked.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(Contains(run.output, "18 documents")) << run.output;
  EXPECT_EQ(ReadFile(dir + "/linked.xml"), ReadFile(dir + "/process.xml"));
  // Both leave the citation index of `cites` beside the graph, and it answers as the graph does.
  EXPECT_EQ(ReadFile(dir + "/linked.xml.cites"), ReadFile(dir + "/process.xml.cites"));
  EXPECT_FALSE(ReadFile(dir + "/linked.xml.cites").empty());
  const auto cites = RunRatsdoc("cites 'Maßnahme 3.32 der Anlage 2 zur DS0583/21' --graph " + dir + "/linked.xml");
  EXPECT_TRUE(Contains(cites.output, "S0056/23\tstellungnahme\t2023-02-07\tS0056/23#Frage1\t")) << cites.output;
  // A fragment file holds documents only, and is valid against the schema.
  const std::string shard = ReadFile(dir + "/shard-1.xml");
  EXPECT_TRUE(Contains(shard, "<fragments xmlns=\"urn:ratsdoc:graph:1\""));
  EXPECT_FALSE(Contains(shard, "<edge "));
  ASSERT_EQ(std::system("command -v xmllint > /dev/null"), 0) << "xmllint (Debian libxml2-utils) is needed";
  const std::string validate = "xmllint --noout --relaxng " + SourcePath("schema/ratsdoc-graph.rng") + " " + dir +
                               "/shard-1.xml 2>&1";
  EXPECT_EQ(std::system(validate.c_str()), 0);
}

TEST(ExtractAndLink, AShardExtractedTwiceCountsItsDocumentsOnce) {
  const std::string dir = FreshDir("overlap");
  ASSERT_EQ(RunRatsdoc("extract samples/text -o " + dir + "/a.xml").exit_code, 0);
  ASSERT_EQ(RunRatsdoc("process samples/text -o " + dir + "/process.xml").exit_code, 0);
  const auto run = RunRatsdoc("link " + dir + "/a.xml " + dir + "/a.xml -o " + dir + "/linked.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(ReadFile(dir + "/linked.xml"), ReadFile(dir + "/process.xml"));
}

TEST(ExtractAndLink, FragmentsOfAnotherGrammarVersionAreRefused) {
  const std::string dir = FreshDir("grammar-mismatch");
  ASSERT_EQ(RunRatsdoc("extract samples/text -o " + dir + "/a.xml").exit_code, 0);
  std::string fragments = ReadFile(dir + "/a.xml");
  const std::size_t at = fragments.find("grammarFingerprint=\"") + 20;
  fragments[at] = fragments[at] == '0' ? '1' : '0';
  std::ofstream(dir + "/b.xml") << fragments;
  auto run = RunRatsdoc("link " + dir + "/a.xml " + dir + "/b.xml -o " + dir + "/g.xml");
  EXPECT_EQ(run.exit_code, 3) << run.output;
  EXPECT_TRUE(Contains(run.output, "extract them again")) << run.output;
  run = RunRatsdoc("link " + dir + "/b.xml -o " + dir + "/g.xml");
  EXPECT_EQ(run.exit_code, 3) << run.output;
  EXPECT_FALSE(fs::exists(dir + "/g.xml"));
}

TEST(ExtractAndLink, AShardCanBeGivenAsAListOfPaths) {
  const std::string dir = FreshDir("files-from");
  std::ofstream(dir + "/list.txt") << SourcePath("samples/text/101_anfrage_F0301_23.txt") << "\n"
                                   << SourcePath("samples/pdf") << "\n";
  auto run = RunRatsdoc("extract --files-from " + dir + "/list.txt -o " + dir + "/a.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(Contains(run.output, "ratsdoc: 10 documents in ")) << run.output;
  run = RunRatsdoc("extract --files-from - -o " + dir + "/b.xml < " + dir + "/list.txt");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(ReadFile(dir + "/b.xml"), ReadFile(dir + "/a.xml"));
  run = RunRatsdoc("extract -o " + dir + "/c.xml");
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_TRUE(Contains(run.output, "no PATH given")) << run.output;
}

// --- the cache ------------------------------------------------------------------

TEST(FragmentCache, AnUnchangedArchiveIsReusedWholeAndGivesTheSameGraph) {
  const std::string dir = FreshDir("cache");
  auto run = RunRatsdoc("process samples/pdf --cache " + dir + "/cache -o " + dir + "/first.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(Contains(run.output, "cache: 0 reused, 9 analysed")) << run.output;
  run = RunRatsdoc("process samples/pdf --cache " + dir + "/cache -o " + dir + "/second.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  // Nothing analysed: no PDF went through Poppler again.
  EXPECT_TRUE(Contains(run.output, "cache: 9 reused, 0 analysed, 0 damaged")) << run.output;
  EXPECT_EQ(ReadFile(dir + "/second.xml"), ReadFile(dir + "/first.xml"));
}

TEST(FragmentCache, AFileMovedElsewhereIsReusedUnderItsNewPath) {
  const std::string dir = FreshDir("cache-moved");
  fs::create_directories(dir + "/a");
  fs::create_directories(dir + "/b");
  fs::copy_file(SourcePath("samples/text/101_anfrage_F0301_23.txt"), dir + "/a/anfrage.txt");
  fs::copy_file(SourcePath("samples/text/101_anfrage_F0301_23.txt"), dir + "/b/renamed.txt");
  ASSERT_EQ(RunRatsdoc("process " + dir + "/a --cache " + dir + "/cache -o " + dir + "/a.xml").exit_code, 0);
  const auto run = RunRatsdoc("process " + dir + "/b --cache " + dir + "/cache -o " + dir + "/b.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(Contains(run.output, "cache: 1 reused")) << run.output;
  ASSERT_EQ(RunRatsdoc("process " + dir + "/b -o " + dir + "/fresh.xml").exit_code, 0);
  EXPECT_EQ(ReadFile(dir + "/b.xml"), ReadFile(dir + "/fresh.xml"));
}

TEST(FragmentCache, DamagedEntriesAreDetectedAndRebuiltNeverTrusted) {
  const std::string dir = FreshDir("cache-damaged");
  ASSERT_EQ(RunRatsdoc("process samples/text --cache " + dir + "/cache -o " + dir + "/first.xml").exit_code, 0);
  std::vector<std::string> entries;
  for (const auto& entry : fs::recursive_directory_iterator(dir + "/cache")) {
    if (entry.is_regular_file()) entries.push_back(entry.path().string());
  }
  ASSERT_EQ(entries.size(), 9u);
  std::sort(entries.begin(), entries.end());
  // One entry's text altered (its checksum no longer matches), one truncated,
  // one replaced by another document's valid entry.
  std::string altered = ReadFile(entries[0]);
  altered[altered.size() / 2] = altered[altered.size() / 2] == 'e' ? 'a' : 'e';
  std::ofstream(entries[0], std::ios::binary | std::ios::trunc) << altered;
  fs::resize_file(entries[1], fs::file_size(entries[1]) / 3);
  fs::copy_file(entries[3], entries[2], fs::copy_options::overwrite_existing);
  const auto run = RunRatsdoc("process samples/text --cache " + dir + "/cache -o " + dir + "/second.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(Contains(run.output, "cache: 6 reused, 3 analysed, 3 damaged entries rebuilt")) << run.output;
  EXPECT_EQ(ReadFile(dir + "/second.xml"), ReadFile(dir + "/first.xml"));
  const auto again = RunRatsdoc("process samples/text --cache " + dir + "/cache -o " + dir + "/third.xml");
  EXPECT_TRUE(Contains(again.output, "cache: 9 reused, 0 analysed, 0 damaged")) << again.output;
}

TEST(FragmentCache, AChangedGrammarDoesNotSeeEntriesOfTheOldOne) {
  const std::string dir = FreshDir("cache-grammar");
  fs::copy(SourcePath("grammars"), dir + "/grammars", fs::copy_options::recursive);
  ASSERT_EQ(RunRatsdoc("process samples/text --cache " + dir + "/cache -o " + dir + "/a.xml").exit_code, 0);
  // The same rules, one comment added: another fingerprint.
  std::ofstream(dir + "/grammars/magdeburg.xml", std::ios::app) << "<!-- changed -->\n";
  const auto run = RunRatsdoc("--grammar " + dir + "/grammars/magdeburg.xml process samples/text --cache " + dir +
                              "/cache -o " + dir + "/b.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(Contains(run.output, "cache: 0 reused, 9 analysed")) << run.output;
}

TEST(FragmentCache, ACacheDirectoryThatCannotBeMadeIsFatalAndWritesNothing) {
  const std::string dir = FreshDir("cache-bad");
  std::ofstream(dir + "/file") << "not a directory";
  const auto run = RunRatsdoc("process samples/text --cache " + dir + "/file/cache -o " + dir + "/g.xml");
  EXPECT_EQ(run.exit_code, 3) << run.output;
  EXPECT_TRUE(Contains(run.output, "cache directory")) << run.output;
  EXPECT_FALSE(fs::exists(dir + "/g.xml"));
}

// --- progress and summary -------------------------------------------------------

TEST(RunReport, TheSummaryCountsKindsReferencesAndErrorsByCode) {
  const std::string dir = FreshDir("summary");
  fs::copy_file(SourcePath("samples/text/101_anfrage_F0301_23.txt"), dir + "/anfrage.txt");
  fs::copy_file(SourcePath("samples/text/103_beschluss_5384-057_VII_22.txt"), dir + "/beschluss.txt");
  std::ofstream(dir + "/empty.txt").flush();
  std::ofstream(dir + "/binary.dat", std::ios::binary) << std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\x01\x02", 14);
  const auto run = RunRatsdoc("process " + dir + " -o " + dir + "/g.xml");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_TRUE(Contains(run.output, "ratsdoc: 4 documents in ")) << run.output;
  EXPECT_TRUE(Contains(run.output, "kinds: anfrage 1, beschluss 1\n")) << run.output;
  EXPECT_TRUE(Contains(run.output, "errors: binary 1, empty-file 1")) << run.output;
  EXPECT_TRUE(Contains(run.output, "unresolved; ")) << run.output;
  // No progress line in a pipe.
  EXPECT_FALSE(Contains(run.output, "\r")) << run.output;
  // The graph written into the archive (and its temporary file) is no input of the next run.
  const auto again = RunRatsdoc("process " + dir + " -o " + dir + "/g.xml");
  EXPECT_TRUE(Contains(again.output, "ratsdoc: 4 documents in ")) << again.output;
}

// Runs ratsdoc on a pseudo-terminal (util-linux script), as a person would.
std::string RunOnTerminal(const std::string& environment, const std::string& arguments) {
  const std::string log = ::testing::TempDir() + "ratsdoc-terminal.log";
  const std::string command = environment + " script -qec \"" + std::string(RATSDOC_BINARY) + " " + arguments +
                              "\" " + log + " > /dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return ReadFile(log);
}

TEST(RunReport, ProgressIsShownOnATerminalAndNotInCi) {
  ASSERT_EQ(std::system("command -v script > /dev/null"), 0) << "script (Debian bsdutils) is needed";
  const std::string dir = FreshDir("progress");
  std::string shown = RunOnTerminal("env -u CI", "process samples/text -o " + dir + "/g.xml");
  EXPECT_TRUE(Contains(shown, "\rratsdoc: ") || Contains(shown, "\r\x1b[Kratsdoc: ")) << shown;
  EXPECT_TRUE(Contains(shown, "/9 documents, ")) << shown;
  EXPECT_TRUE(Contains(shown, "ratsdoc: 9 documents in ")) << shown;  // the summary follows
  shown = RunOnTerminal("env CI=true", "process samples/text -o " + dir + "/g.xml");
  EXPECT_FALSE(Contains(shown, "/9 documents, ")) << shown;
  EXPECT_TRUE(Contains(shown, "ratsdoc: 9 documents in ")) << shown;
  shown = RunOnTerminal("env -u CI", "process --no-progress samples/text -o " + dir + "/g.xml");
  EXPECT_FALSE(Contains(shown, "/9 documents, ")) << shown;
}

}  // namespace
}  // namespace ratsdoc

namespace ratsdoc {
namespace {

// --- kills ------------------------------------------------------------------------

// `process` killed with SIGKILL at many moments of a run: the graph file is
// always either the previous graph, byte for byte, or the whole new one.
TEST(KilledRun, AKillAtAnyMomentLeavesThePreviousGraphOrTheNewOneNeverATruncatedOne) {
  const std::string dir = ::testing::TempDir() + "ratsdoc-archive-kill";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string graph = dir + "/graph.xml";
  ASSERT_EQ(RunRatsdoc("process samples/text -o " + graph).exit_code, 0);
  const std::string previous = ReadFile(graph);
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(RunRatsdoc("process samples/text samples/pdf -j 2 -o " + dir + "/full.xml").exit_code, 0);
  const auto run_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  const std::string complete = ReadFile(dir + "/full.xml");
  // Kills spread over one and a half times a whole run (slower in a sanitizer build).
  const int step_ms = std::max(5, static_cast<int>(run_ms.count()) * 3 / 2 / 24);
  int replaced = 0;
  for (int delay_ms = 0; delay_ms <= 24 * step_ms; delay_ms += step_ms) {
    const std::string command = "timeout -s KILL " + std::to_string(delay_ms / 1000.0) + " " + RATSDOC_BINARY +
                                " process samples/text samples/pdf -j 2 -o " + graph + " > /dev/null 2>&1";
    const int status = std::system(command.c_str());
    (void)status;
    const std::string now = ReadFile(graph);
    ASSERT_TRUE(now == previous || now == complete) << "after a kill at " << delay_ms << " ms the graph has "
                                                    << now.size() << " bytes";
    replaced += now == complete;
    if (now == complete) {
      // Start again from the previous graph.
      std::ofstream(graph, std::ios::binary | std::ios::trunc) << previous;
    }
  }
  EXPECT_GT(replaced, 0) << "no run finished before its kill; the test saw only kills before the rename";
  // The temporary files of the killed runs are cleared by the next run.
  ASSERT_EQ(RunRatsdoc("process samples/text -o " + graph).exit_code, 0);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().filename().string().find("graph.xml.tmp."), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace ratsdoc
