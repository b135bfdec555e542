// ratsdoc export oparl: the samples' graph and a graph with OParl metadata as
// OParl 1.1 dumps — valid (tests/oparl/check_oparl.py against the official
// schemas), with the links a reader of the text would draw.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ratsdoc/oparl_export.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kSource = RATSDOC_SOURCE_DIR;
const std::string kBinary = RATSDOC_BINARY;
const std::string kBase = "https://ratsdoc.invalid/oparl/";
const std::string kFixture = kSource + "/tests/data/oparl/graph-with-oparl.xml";
const std::string kSchemaDir = kSource + "/../shared/oparl-spec-1.1/schema";

fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("ratsdoc-oparl-" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Removes this process's temporary directories when the tests end.
class TempCleanup : public ::testing::Environment {
 public:
  void TearDown() override {
    fs::remove_all(fs::temp_directory_path() / ("ratsdoc-oparl-" + std::to_string(getpid())));
  }
};
const auto* const kCleanup = ::testing::AddGlobalTestEnvironment(new TempCleanup);

// Runs a shell command; its exit status and what it printed.
int Shell(const std::string& command, std::string* output = nullptr) {
  const std::string captured = (fs::temp_directory_path() / ("ratsdoc-oparl-out-" + std::to_string(getpid()))).string();
  const int status = std::system((command + " >" + captured + " 2>&1").c_str());
  if (output != nullptr) {
    std::ifstream in(captured);
    std::stringstream text;
    text << in.rdbuf();
    *output = text.str();
  }
  fs::remove(captured);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Quote(const std::string& text) { return "'" + text + "'"; }

int Check(const fs::path& dir, std::string* output) {
  return Shell("python3 " + Quote(kSource + "/tests/oparl/check_oparl.py") + " " + Quote(dir.string()) +
                 " --schema-dir " + Quote(kSchemaDir),
             output);
}

// The samples' graph, made once.
const std::string& SamplesGraph() {
  static const std::string path = [] {
    const fs::path graph = TempDir("samples") / "graph.xml";
    const int status = Shell(Quote(kBinary) + " process " + Quote(kSource + "/samples") + " -o " + Quote(graph.string()) +
                           " --no-progress");
    EXPECT_EQ(status, 0);
    return graph.string();
  }();
  return path;
}

// The dump of a graph file, by object id.
std::map<std::string, Json> Objects(const std::string& graph_path, std::vector<OparlFile>* files = nullptr) {
  pugi::xml_document graph;
  EXPECT_TRUE(graph.load_file(graph_path.c_str()));
  std::vector<OparlFile> built;
  const Status status = BuildOparlDump(graph, OparlExportOptions(), &built);
  EXPECT_TRUE(status.ok()) << status.ToString();
  std::map<std::string, Json> objects;
  for (const OparlFile& file : built) {
    const Json json = Json::parse(file.json);
    if (json.contains("id")) objects[json["id"].get<std::string>()] = json;
  }
  if (files != nullptr) *files = built;
  return objects;
}

std::string Paper(const std::string& id) { return OparlUrl(kBase, "paper", id); }

bool Lists(const Json& object, const std::string& key, const std::string& url) {
  if (!object.contains(key)) return false;
  for (const Json& value : object[key]) {
    if (value == url) return true;
  }
  return false;
}

TEST(OparlExport, UrlsArePercentEncodedRatsdocIdsWithTheirSlashes) {
  EXPECT_EQ(OparlUrl(kBase, "paper", "DS0583/21"), kBase + "paper/DS0583/21");
  EXPECT_EQ(OparlUrl(kBase, "paper", "5384-057(VII)22"), kBase + "paper/5384-057%28VII%2922");
  EXPECT_EQ(OparlUrl(kBase, "agendaItem", "Beirat für Integration/2023-04-19#TOP4"),
            kBase + "agendaItem/Beirat%20f%C3%BCr%20Integration/2023-04-19%23TOP4");
  EXPECT_EQ(OparlUrl(kBase, "file", "/abs/../x"), kBase + "file/_/abs/_../x");  // never a path out of DIR
}

TEST(OparlExport, IdsFromAnotherDumpNeverNameAFileOutsideTheDirectory) {
  pugi::xml_document graph;
  ASSERT_TRUE(graph.load_string(R"(<graph xmlns="urn:ratsdoc:graph:1" grammar="magdeburg">
    <document id="DS0001/24" kind="drucksache" status="ok" source="a.pdf" format="pdf" bytes="1">
      <oparl paper="https://ratsdoc.invalid/oparl/../../../etc/x" file="https://evil.example.org/%2E%2E/../f?x=1"/>
    </document></graph>)"));
  std::vector<OparlFile> files;
  ASSERT_TRUE(BuildOparlDump(graph, OparlExportOptions(), &files).ok());
  for (const OparlFile& file : files) {
    EXPECT_EQ(("/" + file.path + "/").find("/../"), std::string::npos) << file.path;
    EXPECT_NE(file.path.front(), '/') << file.path;
  }
}

TEST(OparlExport, SamplesDumpPassesTheOparlChecker) {
  if (!fs::is_directory(kSchemaDir)) GTEST_SKIP() << "no OParl schemas at " << kSchemaDir;
  const fs::path dir = TempDir("samples-dump");
  std::string output;
  ASSERT_EQ(Shell(Quote(kBinary) + " export oparl --graph " + Quote(SamplesGraph()) + " -o " + Quote(dir.string()), &output),
            0)
      << output;
  EXPECT_EQ(Check(dir, &output), 0) << output;
  EXPECT_TRUE(fs::exists(dir / "system.json"));
  EXPECT_TRUE(fs::exists(dir / "paper/DS0583/21.json"));
}

TEST(OparlExport, SamplesPapersCarryRelatedPaperFromTheirText) {
  const auto objects = Objects(SamplesGraph());
  // Anfrage F0301/23 cites DS0583/21 and Beschluss 5384-057(VII)22 in its text,
  // and measures 4.5 and 4.9 of Anlage 2, so the Anlage as well.
  const Json& anfrage = objects.at(Paper("F0301/23"));
  EXPECT_TRUE(Lists(anfrage, "relatedPaper", Paper("DS0583/21")));
  EXPECT_TRUE(Lists(anfrage, "relatedPaper", Paper("5384-057(VII)22")));
  EXPECT_TRUE(Lists(anfrage, "relatedPaper", Paper("DS0583/21/Anlage2")));
  // Measure 2.3 of Anlage 2 cites DS0360/21: a unit's reference is its paper's.
  EXPECT_TRUE(Lists(objects.at(Paper("DS0583/21/Anlage2")), "relatedPaper", Paper("DS0360/21")));
  // DS0360/21 is not in the archive: a Paper all the same, so the link resolves.
  const Json& cited = objects.at(Paper("DS0360/21"));
  EXPECT_EQ(cited["reference"], "DS0360/21");
  EXPECT_EQ(cited["ratsdoc:inArchive"], false);
  // The sentence and position of a citation travel under vendor keys.
  // ("mit der Drucksache DS0583/21 hat der Stadtrat am 08.12.2022 …", page 1)
  bool found = false;
  for (const Json& citation : anfrage["ratsdoc:citations"]) {
    if (citation["target"] == "DS0583/21" && citation["page"] == 1 &&
        citation["context"].get<std::string>().find("Drucksache DS0583/21 hat der Stadtrat") != std::string::npos) {
      found = true;
      EXPECT_EQ(citation["paper"], Paper("DS0583/21"));
      EXPECT_LT(citation["begin"].get<int>(), citation["end"].get<int>());
    }
  }
  EXPECT_TRUE(found);
  // Measures keep their responsible units.
  bool measure = false;
  for (const Json& entry : objects.at(Paper("DS0583/21/Anlage2"))["ratsdoc:measures"]) {
    if (entry["number"] == "2.3") {
      measure = true;
      EXPECT_TRUE(Lists(entry, "responsible", "Koordination Integration"));
    }
  }
  EXPECT_TRUE(measure);
}

TEST(OparlExport, SamplesSuperAndSubordinatedPapersAreMirrored) {
  const auto objects = Objects(SamplesGraph());
  // S0056/23 answers F0322/22; Anlage 2 is attached to DS0583/21; the Beschluss decides it.
  EXPECT_TRUE(Lists(objects.at(Paper("S0056/23")), "superordinatedPaper", Paper("F0322/22")));
  EXPECT_TRUE(Lists(objects.at(Paper("F0322/22")), "subordinatedPaper", Paper("S0056/23")));
  EXPECT_TRUE(Lists(objects.at(Paper("DS0583/21")), "subordinatedPaper", Paper("DS0583/21/Anlage2")));
  EXPECT_TRUE(Lists(objects.at(Paper("DS0583/21")), "subordinatedPaper", Paper("5384-057(VII)22")));
  for (const auto& [id, object] : objects) {
    for (const auto& [key, mirror] : {std::pair{"subordinatedPaper", "superordinatedPaper"},
                                      std::pair{"superordinatedPaper", "subordinatedPaper"}}) {
      if (!object.contains(key)) continue;
      for (const Json& other : object[key]) EXPECT_TRUE(Lists(objects.at(other), mirror, id)) << id << " " << key;
    }
  }
}

TEST(OparlExport, SamplesMinutesBecomeAMeetingWithAgendaItemsAndConsultations) {
  const auto objects = Objects(SamplesGraph());
  const std::string minutes = "Beirat für Integration und Migration/2023-04-19";
  const Json& meeting = objects.at(OparlUrl(kBase, "meeting", minutes));
  EXPECT_EQ(meeting["start"], "2023-04-19T17:00:00+02:00");  // CEST
  EXPECT_EQ(meeting["agendaItem"].size(), 10u);
  EXPECT_TRUE(Lists(meeting, "participant", OparlUrl(kBase, "person", "Kornelia Keune")));
  EXPECT_FALSE(Lists(meeting, "participant", OparlUrl(kBase, "person", "Manuel Rupsch")));  // excused
  // TOP 6 reports on Information I0126/21.
  const Json& item = objects.at(OparlUrl(kBase, "agendaItem", minutes + "#TOP6"));
  ASSERT_TRUE(item.contains("consultation"));
  EXPECT_EQ(objects.at(item["consultation"].get<std::string>())["paper"], Paper("I0126/21"));
  // Her Fraktion, from the attendance list.
  const Json& person = objects.at(OparlUrl(kBase, "person", "Kornelia Keune"));
  EXPECT_EQ(person["membership"][0]["organization"], OparlUrl(kBase, "organization", "SPD"));
}

TEST(OparlExport, OparlMetadataKeepsTheDumpsIdsAndGroupsFilesUnderOnePaper) {
  const auto objects = Objects(kFixture);
  const Json& paper = objects.at("https://ris.example.org/oparl/paper/262");
  EXPECT_EQ(paper["reference"], "2024/0262");
  EXPECT_EQ(paper["paperType"], "Beschlussvorlage");
  EXPECT_EQ(paper["name"], "Radweg an der Elbe, 2. Bauabschnitt");
  EXPECT_EQ(paper["date"], "2024-03-01");
  EXPECT_EQ(paper["mainFile"]["id"], "https://ris.example.org/oparl/file/4711");
  ASSERT_EQ(paper["auxiliaryFile"].size(), 1u);
  EXPECT_EQ(paper["auxiliaryFile"][0]["id"], "https://ris.example.org/oparl/file/4712");
  EXPECT_EQ(paper["auxiliaryFile"][0]["name"], "Anlage 1 Lageplan");
  // The Anlage is a file of that paper, not a paper of its own.
  EXPECT_EQ(objects.count(Paper("DS0262/24/Anlage1")), 0u);
  EXPECT_EQ(objects.count(Paper("DS0262/24")), 0u);
  // What the Anlage cites, the paper cites.
  EXPECT_TRUE(Lists(paper, "relatedPaper", Paper("DS0100/23")));
  // A paper known from the dump only keeps its id, name, date and type.
  const Json& antrag = objects.at("https://ris.example.org/oparl/paper/250");
  EXPECT_EQ(antrag["name"], "Antrag Radweg");
  EXPECT_EQ(antrag["date"], "2024-01-15");
  EXPECT_EQ(antrag["paperType"], "Antrag");
  // oparl-subordinate-of and answers make mirrored links.
  EXPECT_TRUE(Lists(paper, "superordinatedPaper", "https://ris.example.org/oparl/paper/250"));
  EXPECT_TRUE(Lists(antrag, "subordinatedPaper", "https://ris.example.org/oparl/paper/262"));
  EXPECT_TRUE(Lists(paper, "subordinatedPaper", "https://ris.example.org/oparl/paper/270"));
  EXPECT_TRUE(Lists(objects.at("https://ris.example.org/oparl/paper/270"), "superordinatedPaper",
                    "https://ris.example.org/oparl/paper/262"));
  // The agenda item of another dump is named, not linked; the unknown relation links nothing.
  EXPECT_EQ(paper["ratsdoc:consultedAt"][0], "https://ris.example.org/oparl/agendaitem/77");
  EXPECT_EQ(objects.count("https://ris.example.org/oparl/agendaitem/77"), 0u);
  // The file that could not be read is no paper.
  EXPECT_EQ(objects.count(OparlUrl(kBase, "file", "dump/files/broken.pdf")), 0u);
}

TEST(OparlExport, OparlMetadataDumpPassesTheOparlChecker) {
  if (!fs::is_directory(kSchemaDir)) GTEST_SKIP() << "no OParl schemas at " << kSchemaDir;
  const fs::path dir = TempDir("fixture-dump");
  OparlExportSummary summary;
  const Status status = WriteOparlDump(kFixture, dir.string(), OparlExportOptions(), &summary);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(summary.papers, 4u);  // 262 (two files), 270, 250 and DS0100/23
  std::string output;
  EXPECT_EQ(Check(dir, &output), 0) << output;
}

TEST(OparlExport, ListsOfManyPagesAreChainedByNext) {
  if (!fs::is_directory(kSchemaDir)) GTEST_SKIP() << "no OParl schemas at " << kSchemaDir;
  const fs::path dir = TempDir("pages");
  OparlExportOptions options;
  options.page_size = 5;
  ASSERT_TRUE(WriteOparlDump(SamplesGraph(), dir.string(), options).ok());
  std::ifstream in(dir / "body/magdeburg/paper.json");
  const Json first = Json::parse(in);
  EXPECT_EQ(first["data"].size(), 5u);
  EXPECT_GT(first["pagination"]["totalPages"].get<int>(), 1);
  EXPECT_EQ(first["links"]["next"], kBase + "body/magdeburg/paper/page/2");
  EXPECT_TRUE(fs::exists(dir / "body/magdeburg/paper/page/2.json"));
  std::string output;
  EXPECT_EQ(Check(dir, &output), 0) << output;  // every paper is on some page
}

TEST(OparlExport, TheSameGraphGivesByteIdenticalDumps) {
  std::vector<OparlFile> first, second;
  Objects(SamplesGraph(), &first);
  Objects(SamplesGraph(), &second);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].path, second[i].path);
    EXPECT_EQ(first[i].json, second[i].json) << first[i].path;
  }
  // And on disk, written twice into the same directory: nothing left over.
  const fs::path dir = TempDir("twice");
  ASSERT_TRUE(WriteOparlDump(SamplesGraph(), dir.string(), OparlExportOptions()).ok());
  ASSERT_TRUE(WriteOparlDump(SamplesGraph(), dir.string(), OparlExportOptions()).ok());
  std::size_t on_disk = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") ++on_disk;
  }
  EXPECT_EQ(on_disk, first.size());
}

TEST(OparlExport, CheckerRejectsEmptyStringsAndDanglingIds) {
  if (!fs::is_directory(kSchemaDir)) GTEST_SKIP() << "no OParl schemas at " << kSchemaDir;
  for (const std::string breakage : {"empty", "dangling", "unmirrored"}) {
    const fs::path dir = TempDir("broken-" + breakage);
    ASSERT_TRUE(WriteOparlDump(kFixture, dir.string(), OparlExportOptions()).ok());
    const fs::path file = dir / "_external/ris.example.org/oparl/paper/270.json";
    std::ifstream in(file);
    Json paper = Json::parse(in);
    in.close();
    if (breakage == "empty") paper["name"] = "";
    if (breakage == "dangling") paper["relatedPaper"] = {"https://ris.example.org/oparl/paper/999"};
    if (breakage == "unmirrored") paper["superordinatedPaper"].push_back("https://ris.example.org/oparl/paper/250");
    std::ofstream(file) << paper.dump(2);
    std::string output;
    EXPECT_EQ(Check(dir, &output), 1) << breakage << ": " << output;
    if (breakage == "empty") {
      EXPECT_NE(output.find("empty string"), std::string::npos) << output;
    }
    if (breakage == "dangling") {
      EXPECT_NE(output.find("not in the dump"), std::string::npos) << output;
    }
    if (breakage == "unmirrored") {
      EXPECT_NE(output.find("does not list it"), std::string::npos) << output;
    }
  }
}

TEST(OparlExport, CommandLineErrorsAreClearMessages) {
  std::string output;
  EXPECT_EQ(Shell(Quote(kBinary) + " export oparl --graph /nonexistent/graph.xml -o " + Quote(TempDir("x").string()),
                &output),
            3);
  EXPECT_NE(output.find("cannot read the graph /nonexistent/graph.xml"), std::string::npos) << output;
  const fs::path blocker = TempDir("blocked") / "a-file";
  std::ofstream(blocker) << "not a directory";
  EXPECT_EQ(Shell(Quote(kBinary) + " export oparl --graph " + Quote(kFixture) + " -o " + Quote(blocker.string()), &output),
            3);
  EXPECT_NE(output.find("cannot write to " + blocker.string()), std::string::npos) << output;
  EXPECT_EQ(Shell(Quote(kBinary) + " export oparl --graph " + Quote(kFixture) + " -o " + Quote(TempDir("y").string()) +
                    " --base-url ftp://example.org/",
                &output),
            2);
  EXPECT_NE(output.find("does not start with https://"), std::string::npos) << output;
  EXPECT_EQ(Shell(Quote(kBinary) + " export oparl --graph " + Quote(kSource + "/README.md") + " -o " +
                    Quote(TempDir("z").string()),
                &output),
            3);
  EXPECT_NE(output.find("not well-formed XML"), std::string::npos) << output;
}

}  // namespace
}  // namespace ratsdoc
