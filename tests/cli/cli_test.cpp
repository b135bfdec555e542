// The command line as a user meets it: exit codes, errors on stderr, output.
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
  const auto result = RunRatsdoc("parse " + SourcePath("tests/data/pdf/scan.pdf"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(Contains(result.output, "status=\"error\"")) << result.output;
  EXPECT_TRUE(Contains(result.output, "<error code=\"pdf-no-text\">")) << result.output;
}

TEST(CliTest, ParseDescribesAGoodDocument) {
  const auto result = RunRatsdoc("parse " + SourcePath("samples/pdf/004_0c4ff60752e64775.pdf"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(Contains(result.output, "xmlns=\"urn:ratsdoc:graph:1\"")) << result.output;
  EXPECT_TRUE(Contains(result.output, "status=\"ok\"")) << result.output;
  EXPECT_TRUE(Contains(result.output, "format=\"pdf\"")) << result.output;
  EXPECT_TRUE(Contains(result.output, "<page number=\"1\"")) << result.output;
}

TEST(CliTest, BadGrammarIsFatal) {
  const auto result = RunRatsdoc("--grammar atlantis text " + SourcePath("samples/text/000_f587a7394770ebb2.txt"));
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_TRUE(Contains(result.output, "invalid-grammar")) << result.output;
}

}  // namespace
}  // namespace ratsdoc
