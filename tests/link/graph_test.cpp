// The link stage and the graph file: edges and nodes on the samples, the
// golden graphs valid against the RELAX NG schema, and `process` / `cites`
// on the command line.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ratsdoc/document_xml.h"
#include "ratsdoc/graph.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

using testing::Magdeburg;
using testing::ReadFile;
using testing::RunRatsdoc;
using testing::SourcePath;

Graph LinkSamples(const std::string& form) {
  std::vector<DocumentRecord> records;
  const std::string dir = SourcePath("samples/" + form);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    records.push_back(AnalyzeDocument(entry.path().string(), Magdeburg()));
  }
  return Link(std::move(records), Magdeburg());
}

bool HasEdge(const Graph& graph, const std::string& from, const std::string& to, Relation relation) {
  return std::any_of(graph.edges.begin(), graph.edges.end(),
                     [&](const Edge& e) { return e.from == from && e.to == to && e.relation == relation; });
}

const Node* FindNode(const Graph& graph, const std::string& id) {
  for (const Node& node : graph.nodes) {
    if (node.id == id) return &node;
  }
  return nullptr;
}

class SampleGraphTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SampleGraphTest, EdgesOfTheIntegrationConceptThread) {
  const Graph graph = LinkSamples(GetParam());
  EXPECT_TRUE(HasEdge(graph, "S0056/23", "F0322/22", Relation::kAnswers));
  EXPECT_TRUE(HasEdge(graph, "S0056/23", "DS0583/21/Anlage2#3.32", Relation::kCites));
  EXPECT_TRUE(HasEdge(graph, "S0056/23", "DS0583/21/Anlage1", Relation::kCites));
  EXPECT_TRUE(HasEdge(graph, "S0056/23", "5384-057(VII)22", Relation::kCites));
  EXPECT_TRUE(HasEdge(graph, "5384-057(VII)22", "DS0583/21", Relation::kDecides));
  EXPECT_TRUE(HasEdge(graph, "DS0583/21/Anlage2", "DS0583/21", Relation::kAttachmentOf));
  EXPECT_TRUE(HasEdge(graph, "DS0583/21/Anlage2#2.3", "DS0360/21", Relation::kCites));
  EXPECT_TRUE(HasEdge(graph, "DS0583/21/Anlage2#2.3", "DS0583/21/Anlage2", Relation::kPartOf));
  EXPECT_TRUE(HasEdge(graph, "DS0583/21/Anlage1", "DS0583/21", Relation::kAttachmentOf));
  const std::string minutes = "Beirat für Integration und Migration/2023-04-19";
  // Edges from minutes start at the agenda item the reference stands in,
  // which is part of the minutes.
  EXPECT_TRUE(HasEdge(graph, minutes + "#TOP4", "A0134/21", Relation::kCites));
  EXPECT_TRUE(HasEdge(graph, minutes + "#TOP6", "I0126/21", Relation::kCites));
  EXPECT_TRUE(HasEdge(graph, minutes + "#TOP4", "DA 90/03", Relation::kCites));
  EXPECT_TRUE(HasEdge(graph, minutes + "#TOP2", "Beirat für Integration und Migration/2023-01-18", Relation::kApproves));
  EXPECT_TRUE(HasEdge(graph, minutes + "#TOP4", minutes, Relation::kPartOf));
  // Persons of the attendance list and the minute-taker.
  EXPECT_TRUE(HasEdge(graph, minutes, "person:Kornelia Keune", Relation::kParticipant));
  EXPECT_TRUE(HasEdge(graph, minutes, "person:Abdoul Coulibaly", Relation::kSignedBy));
}

TEST_P(SampleGraphTest, NodesSayWhetherTheArchiveHoldsThem) {
  const Graph graph = LinkSamples(GetParam());
  const Node* anfrage = FindNode(graph, "F0322/22");  // cited, not in the archive
  ASSERT_NE(anfrage, nullptr);
  EXPECT_EQ(anfrage->kind, "anfrage");
  EXPECT_FALSE(anfrage->resolved);
  const Node* measure = FindNode(graph, "DS0583/21/Anlage2#3.32");  // a measure row of an input Anlage
  ASSERT_NE(measure, nullptr);
  EXPECT_EQ(measure->kind, "massnahme");
  EXPECT_TRUE(measure->resolved);
  EXPECT_EQ(FindNode(graph, "S0056/23"), nullptr);  // an input document is a document, not a node
  // Each (from, to, relation) once, although S0056/23 answers F0322/22 twice.
  EXPECT_EQ(std::count_if(graph.edges.begin(), graph.edges.end(),
                          [](const Edge& e) { return e.from == "S0056/23" && e.to == "F0322/22"; }),
            1);
}

INSTANTIATE_TEST_SUITE_P(Forms, SampleGraphTest, ::testing::Values("text", "pdf"));

TEST(LinkTest, UnresolvedReferenceMakesNoEdge) {
  DocumentRecord record;
  record.id = "F0001/24";
  record.kind = "anfrage";
  Reference unresolved;
  unresolved.target = "?#4.41";
  unresolved.kind = "massnahme";
  unresolved.resolved = false;
  record.references.push_back(unresolved);
  const Graph graph = Link({record}, Magdeburg());
  EXPECT_TRUE(graph.edges.empty());
  EXPECT_TRUE(graph.nodes.empty());
}

// The graph of every sample of one form, exactly as the golden file has it
// (tests/golden/update.sh), and valid against the schema.
TEST_P(SampleGraphTest, GoldenGraphMatchesAndIsSchemaValid) {
  const std::string golden = "tests/golden/graph/" + GetParam() + ".xml";
  const std::string output = ::testing::TempDir() + "ratsdoc-graph-" + GetParam() + ".xml";
  const testing::CommandResult run = RunRatsdoc("process samples/" + GetParam() + " -o " + output);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(ReadFile(output), ReadFile(SourcePath(golden))) << "run tests/golden/update.sh and read the diff";
  ASSERT_EQ(std::system("command -v xmllint > /dev/null"), 0) << "xmllint (Debian libxml2-utils) is needed";
  for (const std::string& file : {output, SourcePath(golden)}) {
    const std::string command = "xmllint --noout --relaxng " + SourcePath("schema/ratsdoc-graph.rng") + " " + file + " 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << file << " is not valid against schema/ratsdoc-graph.rng";
  }
}

TEST(SchemaTest, RefusesAGraphWithAnUnknownRelation) {
  ASSERT_EQ(std::system("command -v xmllint > /dev/null"), 0) << "xmllint (Debian libxml2-utils) is needed";
  const std::string command = "xmllint --noout --relaxng " + SourcePath("schema/ratsdoc-graph.rng") + " " +
                              SourcePath("schema/examples/invalid-relation.xml") + " > /dev/null 2>&1";
  EXPECT_NE(std::system(command.c_str()), 0);
}

class ProcessCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    graph_ = ::testing::TempDir() + "ratsdoc-cites-graph.xml";
    const testing::CommandResult run = RunRatsdoc("process samples/text samples/pdf -o " + graph_);
    ASSERT_EQ(run.exit_code, 0) << run.output;
  }
  static std::string graph_;
};
std::string ProcessCommandTest::graph_;

TEST_F(ProcessCommandTest, CitesMeasurePrintsTheStellungnahmeWithItsSentence) {
  const testing::CommandResult run = RunRatsdoc("cites 'Maßnahme 3.32 der Anlage 2 zur DS0583/21' --graph " + graph_);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("S0056/23\tstellungnahme\t2023-02-07\tS0056/23#Frage1\tDie Anlage 2 zur DS0583/21 weist als Hauptziel, "
                            "Handlungsempfehlung/Maßnahme unter Punkt 3.32 aus:\n"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("F0301/23\tanfrage\t2023-10-10\t-\t"), std::string::npos) << run.output;
  // The PDF and the text of the same paper are one citing document.
  std::size_t lines = 0;
  std::istringstream in(run.output);
  for (std::string line; std::getline(in, line);) lines += line.rfind("S0056/23\t", 0) == 0;
  EXPECT_EQ(lines, 1u) << run.output;
}

TEST_F(ProcessCommandTest, CitesReadsAnySpellingAndNamesTheUnit) {
  const testing::CommandResult run = RunRatsdoc("cites 'DS 360/21' --graph " + graph_);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("DS0583/21/Anlage2\tanlage\t-\tDS0583/21/Anlage2#2.3\t2.3 | Statistische"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("DS0583/21\tdrucksache\t2022-10-04\t-\t"), std::string::npos) << run.output;
}

TEST_F(ProcessCommandTest, CitesJsonAndXmlForTools) {
  const testing::CommandResult json = RunRatsdoc("cites F0322/22 --format json --graph " + graph_);
  EXPECT_EQ(json.exit_code, 0) << json.output;
  EXPECT_NE(json.output.find("\"target\": \"F0322/22\""), std::string::npos) << json.output;
  EXPECT_NE(json.output.find("\"relation\": \"answers\""), std::string::npos) << json.output;
  const testing::CommandResult xml = RunRatsdoc("cites F0322/22 --format xml --graph " + graph_);
  EXPECT_EQ(xml.exit_code, 0) << xml.output;
  EXPECT_NE(xml.output.find("<citation document=\"S0056/23\" kind=\"stellungnahme\" date=\"2023-02-07\""), std::string::npos)
      << xml.output;
}

TEST_F(ProcessCommandTest, CitesNothingExitsOneAndAVagueMeasureIsAUsageError) {
  EXPECT_EQ(RunRatsdoc("cites DS0001/99 --graph " + graph_).exit_code, 1);
  const testing::CommandResult vague = RunRatsdoc("cites 'Maßnahme 3.32' --graph " + graph_);
  EXPECT_EQ(vague.exit_code, 2);
  EXPECT_NE(vague.output.find("does not say which paper"), std::string::npos) << vague.output;
}

TEST(ProcessTest, UnreadableInputIsRecordedAndTheGraphStillWritten) {
  const std::string output = ::testing::TempDir() + "ratsdoc-graph-missing.xml";
  const testing::CommandResult run =
      RunRatsdoc("process samples/text/000_f587a7394770ebb2.txt tests/data/no-such-file.pdf -o " + output);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  const std::string graph = ReadFile(output);
  EXPECT_NE(graph.find("source=\"tests/data/no-such-file.pdf\""), std::string::npos);
  EXPECT_NE(graph.find("<error code=\"unreadable\">"), std::string::npos);
  EXPECT_NE(graph.find("id=\"S0056/23\""), std::string::npos);
}

TEST(ProcessTest, UnwritableOutputIsFatalBeforeAnyWork) {
  const testing::CommandResult run = RunRatsdoc("process samples/text -o /nonexistent-dir/graph.xml");
  EXPECT_EQ(run.exit_code, 3) << run.output;
  EXPECT_NE(run.output.find("cannot write to /nonexistent-dir/graph.xml"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace ratsdoc
