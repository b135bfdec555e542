// The command line as a user meets it: exit codes, errors on stderr, output.
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace ratsdoc {
namespace {

using testing::RunRatsdoc;
using testing::SourcePath;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(CliTest, VersionAndHelpDocumentTheExitCodes) {
  const auto version = RunRatsdoc("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_TRUE(Contains(version.output, "ratsdoc 0.")) << version.output;
  const auto help = RunRatsdoc("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(Contains(help.output, "Exit status: 0 all inputs read; 1 some input could not be read")) << help.output;
  EXPECT_TRUE(Contains(help.output, "text")) << help.output;
  EXPECT_TRUE(Contains(help.output, "parse")) << help.output;
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunRatsdoc("").exit_code, 2);
  EXPECT_EQ(RunRatsdoc("frobnicate").exit_code, 2);
  EXPECT_EQ(RunRatsdoc("text").exit_code, 2);
}

TEST(CliTest, TextPrintsTheNormalisedText) {
  const auto result = RunRatsdoc("text " + SourcePath("samples/pdf/000_f587a7394770ebb2.pdf"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(Contains(result.output, "Vergleiche dazu Stadtrats-Beschluss-Nr.5384-057(VII)22 vom 08.12.2022."));
  EXPECT_FALSE(Contains(result.output, "Seite 1 von 2"));
}

TEST(CliTest, UnreadableInputExitsOneWithItsReason) {
  const auto result = RunRatsdoc("text " + SourcePath("tests/data/pdf/encrypted-user-password.pdf"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(Contains(result.output, "pdf-encrypted: The PDF")) << result.output;
  EXPECT_EQ(RunRatsdoc("text /nonexistent/file.pdf").exit_code, 1);
}

TEST(CliTest, ParseWritesAnErrorDocumentForABadInput) {
  const auto result = RunRatsdoc("parse " + SourcePath("tests/data/pdf/damaged.pdf"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(Contains(result.output, "status=\"error\"")) << result.output;
  EXPECT_TRUE(Contains(result.output, "<error code=\"pdf-damaged\">")) << result.output;
  const auto scan = RunRatsdoc("parse --ocr never " + SourcePath("tests/data/pdf/scan.pdf"));
  EXPECT_TRUE(Contains(scan.output, "<error code=\"pdf-no-text\">")) << scan.output;
}

TEST(CliTest, ParseDescribesAGoodDocument) {
  const auto result = RunRatsdoc("parse " + SourcePath("samples/pdf/004_0c4ff60752e64775.pdf"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(Contains(result.output, "xmlns=\"urn:ratsdoc:graph:1\"")) << result.output;
  EXPECT_TRUE(Contains(result.output, "status=\"ok\"")) << result.output;
  EXPECT_TRUE(Contains(result.output, "format=\"pdf\"")) << result.output;
  EXPECT_TRUE(Contains(result.output, "<page number=\"1\"")) << result.output;
}

// The 4-line Beschluss whose vote count ended `parse` and whole `process` runs
// with "terminate called after throwing … std::out_of_range: stoi".
std::string WriteStoiCrashBeschluss(const std::string& dir) {
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/beschluss.txt";
  std::ofstream(path) << "Beschluss\n\nDie Vorlage: angenommen\nJa: 99999999999, Nein: 9, Enthaltung: 3\n";
  return path;
}

TEST(StoiVoteCountCrashTest, ParseGivesTheDocumentWithAWarning) {
  const std::string file = WriteStoiCrashBeschluss(::testing::TempDir() + "ratsdoc-stoi-parse");
  const auto result = RunRatsdoc("parse " + file);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_TRUE(Contains(result.output, "kind=\"beschluss\" status=\"warning\"")) << result.output;
  EXPECT_TRUE(Contains(result.output, "<vote result=\"angenommen\" no=\"9\" abstentions=\"3\">Die Vorlage</vote>"))
      << result.output;
  EXPECT_TRUE(Contains(result.output, "The vote count (yes) \"99999999999\" on line 4 is not a number"))
      << result.output;
  EXPECT_FALSE(Contains(result.output, "terminate"));
}

TEST(StoiVoteCountCrashTest, ProcessOfTheSamplesKeepsEveryInput) {
  const std::string dir = ::testing::TempDir() + "ratsdoc-stoi-process";
  const std::string file = WriteStoiCrashBeschluss(dir + "/in");
  const auto result =
      RunRatsdoc("process samples/text samples/pdf " + dir + "/in -o " + dir + "/graph.xml --no-progress");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  const std::string graph = testing::ReadFile(dir + "/graph.xml");
  std::size_t documents = 0;
  for (std::size_t at = graph.find("<document "); at != std::string::npos; at = graph.find("<document ", at + 1)) {
    ++documents;
  }
  EXPECT_EQ(documents, 19u);
  EXPECT_TRUE(Contains(graph, "source=\"" + file + "\"")) << graph.substr(0, 2000);
  EXPECT_TRUE(Contains(graph, "<vote result=\"angenommen\" no=\"9\" abstentions=\"3\">"));
  EXPECT_TRUE(Contains(graph, "The vote count (yes) \"99999999999\""));
  EXPECT_TRUE(Contains(graph, "id=\"S0056/23\""));
}

TEST(CliTest, BadGrammarIsFatal) {
  const auto result = RunRatsdoc("--grammar atlantis text " + SourcePath("samples/text/000_f587a7394770ebb2.txt"));
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_TRUE(Contains(result.output, "invalid-grammar")) << result.output;
}

TEST(CliTest, GrammarDescribePrintsTheContractAndWhatTheGrammarDefines) {
  const auto karlsruhe = RunRatsdoc("grammar --describe --grammar karlsruhe");
  EXPECT_EQ(karlsruhe.exit_code, 0) << karlsruhe.output;
  EXPECT_TRUE(Contains(karlsruhe.output, "| layout | what its parser reads | karlsruhe |")) << karlsruhe.output;
  EXPECT_TRUE(Contains(karlsruhe.output, "| drucksache, information |")) << karlsruhe.output;
  const auto contract = RunRatsdoc("grammar --describe --contract-only");
  EXPECT_EQ(contract.exit_code, 0);
  EXPECT_EQ(contract.output, Grammar::DescribeContract(nullptr));
  EXPECT_EQ(RunRatsdoc("--grammar atlantis grammar --describe").exit_code, 3);
  EXPECT_EQ(RunRatsdoc("grammar").exit_code, 2);  // --describe is the subcommand's one action
}

}  // namespace
}  // namespace ratsdoc
