// OParl in: a dump with the flaws real dumps have, joined to sample papers by
// each of the three matching rules; the graph takes the RIS's identity, warns
// where the text disagrees, and carries OParl's own links and papers.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "ratsdoc/oparl.h"
#include "ratsdoc/structure.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;
using testing::Magdeburg;
using testing::ReadFile;
using testing::RunRatsdoc;
using testing::SourcePath;

constexpr const char* kBase = "https://ris.example/oparl/";

void Write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// A dump of five papers and two meetings, laid out as real dumps are: one
// object per file, a list page, embedded objects, and flaws.
class OparlDump : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("ratsdoc-oparl-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    dump_ = root_ / "dump";
    files_ = root_ / "files";
    for (const char* stem : {"101_anfrage_F0301_23", "000_f587a7394770ebb2", "004_0c4ff60752e64775",
                             "104_drucksache_DS0583_21", "002_406d7f5b0e791aa1", "001_5f8bba035433deb4",
                             "003_e39590d0e48f48c2"}) {
      Write(files_ / (std::string(stem) + ".txt"), ReadFile(SourcePath(std::string("samples/text/") + stem + ".txt")));
    }
    Write(files_ / "scan.txt", "");  // a file of a paper that cannot be read
    const std::string b = kBase;
    // The Anfrage: matched by its File id's last segment; consulted at a meeting.
    Write(dump_ / "papers" / "1.json", R"({"id": ")" + b + R"(papers/1", "type": "https://schema.oparl.org/1.1/Paper",
      "reference": "F0301/23", "paperType": "Anfrage", "name": "Anerkennungsberatung im Quartier", "date": "2023-10-10",
      "mainFile": {"id": ")" + b + R"(files/101_anfrage_F0301_23", "type": "https://schema.oparl.org/1.1/File",
                   "name": "Anfrage", "fileName": "F0301_23.pdf"},
      "auxiliaryFile": [{"id": ")" + b + R"(files/77", "name": "Scan", "fileName": "scan.txt"}],
      "consultation": [{"id": ")" + b + R"(consultations/1", "type": "https://schema.oparl.org/1.1/Consultation",
                        "paper": ")" + b + R"(papers/1", "meeting": ")" + b + R"(meetings/1",
                        "agendaItem": ")" + b + R"(agendaitems/1"}]})");
    // A list page with the Stellungnahme (matched by fileName) and the Anfrage
    // it answers, which no local file carries; a link to a paper the dump lacks.
    Write(dump_ / "list.json", R"({"data": [
      {"id": ")" + b + R"(papers/2", "type": "https://schema.oparl.org/1.1/Paper", "reference": "S0056/23",
       "paperType": "Stellungnahme", "name": "", "date": "2023-02-07",
       "mainFile": {"id": ")" + b + R"(files/20", "name": "Stellungnahme", "fileName": "000_f587a7394770ebb2.txt"},
       "superordinatedPaper": [")" + b + R"(papers/3", ")" + b + R"(papers/404"]},
      {"id": ")" + b + R"(papers/3", "type": "https://schema.oparl.org/1.1/Paper", "reference": "F 322/22",
       "paperType": "Anfrage", "name": "Schließung IQ-Netzwerk", "date": "2022-11-24",
       "subordinatedPaper": [")" + b + R"(papers/2"]},
      {"id": ")" + b + R"(papers/9", "deleted": true}],
      "pagination": {}, "links": {}})");
    // The Drucksache and its Anlage, the Anlage matched by its accessUrl and
    // given as one object where a list belongs.
    Write(dump_ / "papers" / "4.json", R"({"id": ")" + b + R"(papers/4", "type": "https://schema.oparl.org/1.1/Paper",
      "reference": "DS0583/21", "paperType": "Beschlussvorlage", "name": "Integrationskonzept", "date": "2021-05-06",
      "mainFile": {"id": ")" + b + R"(files/104_drucksache_DS0583_21", "name": "Drucksache"},
      "auxiliaryFile": {"id": ")" + b + R"(files/41", "name": "Anlage 2 Integrationskonzept",
                        "accessUrl": "https://ris.example/dl/004_0c4ff60752e64775.txt"}})");
    // A paper whose file says no number of its own.
    Write(dump_ / "papers" / "5.json", R"({"id": ")" + b + R"(papers/5", "type": "https://schema.oparl.org/1.1/Paper",
      "reference": "DS0100/23", "paperType": "Informationsvorlage", "name": "Übersicht", "date": "2023-01-05",
      "auxiliaryFile": [{"id": ")" + b + R"(files/002_406d7f5b0e791aa1", "name": "Übersicht der Träger"}]})");
    // Meetings: one with the Anfrage's agenda item, one whose protocol is a local file.
    Write(dump_ / "meetings" / "1.json", R"({"id": ")" + b + R"(meetings/1", "type": "https://schema.oparl.org/1.1/Meeting",
      "name": "Stadtrat", "start": "2023-11-09T16:00:00+01:00",
      "agendaItem": [{"id": ")" + b + R"(agendaitems/1", "number": "7", "name": "Anfragen"}]})");
    Write(dump_ / "meetings" / "2.json", R"({"id": ")" + b + R"(meetings/2", "type": "https://schema.oparl.org/1.1/Meeting",
      "name": "Beirat für Integration und Migration", "start": "2023-04-19T17:00:00+02:00",
      "verbatimProtocol": {"id": ")" + b + R"(files/003_e39590d0e48f48c2", "name": "Niederschrift"}})");
    Write(dump_ / "broken.json", R"({"id": "cut off)");
  }
  void TearDown() override { fs::remove_all(root_); }

  // The graph of `process --oparl` over the files, and its summary.
  pugi::xml_node Process(const std::string& options = "") {
    const std::string graph = (root_ / "graph.xml").string();
    result_ = RunRatsdoc("process --oparl " + dump_.string() + " " + options + " " + files_.string() + " -o " + graph);
    EXPECT_TRUE(xml_.load_file(graph.c_str())) << result_.output;
    return xml_.child("graph");
  }
  static pugi::xml_node Document(pugi::xml_node graph, const std::string& file) {
    for (pugi::xml_node document : graph.children("document")) {
      if (fs::path(document.attribute("source").as_string()).filename() == file) return document;
    }
    return {};
  }
  static bool HasEdge(pugi::xml_node graph, const std::string& from, const std::string& to, const std::string& relation) {
    for (pugi::xml_node edge : graph.children("edge")) {
      if (edge.attribute("from").as_string() == from && edge.attribute("to").as_string() == to &&
          edge.attribute("relation").as_string() == relation) {
        return true;
      }
    }
    return false;
  }
  static pugi::xml_node Node(pugi::xml_node graph, const std::string& id) {
    return graph.find_child_by_attribute("node", "id", id.c_str());
  }

  fs::path root_, dump_, files_;
  testing::CommandResult result_;
  pugi::xml_document xml_;
};

TEST_F(OparlDump, ReadsEveryObjectAndCountsEachKindOfFlaw) {
  oparl::Dump dump;
  ASSERT_TRUE(oparl::ReadDump(dump_.string(), &dump).ok());
  EXPECT_EQ(dump.papers.size(), 5u);
  EXPECT_EQ(dump.meetings.size(), 2u);
  EXPECT_EQ(dump.agenda_items.size(), 1u);
  EXPECT_EQ(dump.papers.at(kBase + std::string("papers/4")).files.size(), 2u);  // the single object read as a list
  EXPECT_EQ(dump.flaws.at("JSON files that do not parse"), 1u);
  EXPECT_EQ(dump.flaws.at("deleted entries without a type (skipped)"), 1u);
  EXPECT_EQ(dump.flaws.at("links to objects not in the dump"), 1u);
  EXPECT_GE(dump.flaws.at("empty strings for absent values (read as absent)"), 1u);
  EXPECT_EQ(dump.flaws.at("single objects or URLs where a list belongs (read as a list of one)"), 1u);
  EXPECT_FALSE(oparl::ReadDump((root_ / "missing").string(), &dump).ok());
}

TEST_F(OparlDump, JoinsFilesByIdFileNameAndUrlAndCountsTheRest) {
  oparl::Dump dump;
  ASSERT_TRUE(oparl::ReadDump(dump_.string(), &dump).ok());
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(files_)) files.push_back(entry.path().string());
  const oparl::Join join(dump, Magdeburg(), files);
  EXPECT_EQ(join.matched(), 7u);
  ASSERT_EQ(join.unmatched_files().size(), 1u);  // 001: no File names it
  EXPECT_EQ(fs::path(join.unmatched_files()[0]).filename(), "001_5f8bba035433deb4.txt");
  EXPECT_EQ(join.files_without_local(), 0u);
  const FileMetadata* by_id = join.Find((files_ / "101_anfrage_F0301_23.txt").string());
  ASSERT_NE(by_id, nullptr);
  EXPECT_EQ(by_id->role, FileRole::kMain);
  EXPECT_EQ(by_id->kind, "anfrage");
  const FileMetadata* by_url = join.Find((files_ / "004_0c4ff60752e64775.txt").string());
  ASSERT_NE(by_url, nullptr);
  EXPECT_EQ(by_url->role, FileRole::kAttachment);
  EXPECT_EQ(by_url->DocumentId(), "DS0583/21/Anlage2");
  // The RIS's reference in another spelling is the grammar's ID.
  EXPECT_EQ(join.PaperId(kBase + std::string("papers/3")), "F0322/22");
}

TEST_F(OparlDump, EveryFileOfAPaperCarriesItsIdentity) {
  const pugi::xml_node graph = Process();
  ASSERT_TRUE(graph) << result_.output;
  EXPECT_EQ(result_.exit_code, 1) << result_.output;  // scan.txt is empty: an input error, not a failure
  const pugi::xml_node anfrage = Document(graph, "101_anfrage_F0301_23.txt");
  EXPECT_STREQ(anfrage.attribute("id").as_string(), "F0301/23");
  EXPECT_STREQ(anfrage.attribute("kind").as_string(), "anfrage");
  EXPECT_STREQ(anfrage.child_value("title"), "Anerkennungsberatung im Quartier");
  EXPECT_STREQ(anfrage.child("oparl").attribute("paper").as_string(), (kBase + std::string("papers/1")).c_str());
  EXPECT_STREQ(anfrage.child("oparl").attribute("role").as_string(), "main");
  const pugi::xml_node annex = Document(graph, "004_0c4ff60752e64775.txt");
  EXPECT_STREQ(annex.attribute("id").as_string(), "DS0583/21/Anlage2");
  EXPECT_TRUE(HasEdge(graph, "DS0583/21/Anlage2", "DS0583/21", "attachment-of"));
  // No number in the text: the RIS's, without a warning.
  const pugi::xml_node other = Document(graph, "002_406d7f5b0e791aa1.txt");
  EXPECT_STREQ(other.attribute("id").as_string(), "DS0100/23");
  EXPECT_STREQ(other.attribute("status").as_string(), "ok");
  // A meeting's protocol is the meeting's minutes.
  EXPECT_STREQ(Document(graph, "003_e39590d0e48f48c2.txt").attribute("id").as_string(),
               "Beirat für Integration und Migration/2023-04-19");
  // A file that cannot be read still belongs to its paper.
  const pugi::xml_node scan = Document(graph, "scan.txt");
  EXPECT_STREQ(scan.attribute("status").as_string(), "error");
  EXPECT_STREQ(scan.attribute("id").as_string(), "F0301/23");
  // A file the dump does not name keeps its content ID.
  EXPECT_EQ(std::string(Document(graph, "001_5f8bba035433deb4.txt").attribute("id").as_string()).rfind("sha256:", 0), 0u);
  EXPECT_NE(result_.output.find("OParl join: 7 local files matched a File; 1 match none"), std::string::npos)
      << result_.output;
  EXPECT_NE(result_.output.find("OParl dump flaw: 1 JSON files that do not parse"), std::string::npos);
}

TEST_F(OparlDump, OparlLinksStandBesideTheTextsAndTheDumpIsAGazetteer) {
  const pugi::xml_node graph = Process();
  ASSERT_TRUE(graph) << result_.output;
  // The Stellungnahme answers the Anfrage by its text, and is subordinate to it by OParl.
  EXPECT_TRUE(HasEdge(graph, "S0056/23", "F0322/22", "answers"));
  EXPECT_TRUE(HasEdge(graph, "S0056/23", "F0322/22", "oparl-subordinate-of"));
  const pugi::xml_node cited = Node(graph, "F0322/22");
  ASSERT_TRUE(cited);
  EXPECT_STREQ(cited.attribute("resolved").as_string(), "true");
  EXPECT_STREQ(cited.attribute("name").as_string(), "Schließung IQ-Netzwerk");
  EXPECT_STREQ(cited.attribute("paperType").as_string(), "Anfrage");
  EXPECT_STREQ(cited.attribute("date").as_string(), "2022-11-24");
  // The consultation: the Anfrage → the agenda item → the meeting.
  const std::string item = AgendaItemIdOf("Stadtrat/2023-11-09", "7", Magdeburg());
  EXPECT_TRUE(HasEdge(graph, "F0301/23", item, "oparl-consulted-at"));
  EXPECT_TRUE(HasEdge(graph, item, "Stadtrat/2023-11-09", "part-of"));
  EXPECT_STREQ(Node(graph, "Stadtrat/2023-11-09").attribute("name").as_string(), "Stadtrat");
  EXPECT_NE(result_.output.find("OParl links: of 1 super-/subordinated links of the papers read, the text shows 1"),
            std::string::npos)
      << result_.output;
  // The graph stays valid against its schema.
  const testing::CommandResult valid = testing::RunCommand(
      "xmllint --noout --relaxng " + SourcePath("schema/ratsdoc-graph.rng") + " " + (root_ / "graph.xml").string());
  EXPECT_EQ(valid.exit_code, 0) << valid.output;
}

TEST_F(OparlDump, TheTextWinsOnlyWhenTrusted) {
  FileMetadata metadata;
  metadata.role = FileRole::kMain;
  metadata.reference = metadata.paper_id = "F0999/23";
  metadata.kind = "anfrage";
  metadata.paper_date = "2023-10-12";
  metadata.paper_name = "Beratung";
  const std::string text = ReadFile(SourcePath("samples/text/101_anfrage_F0301_23.txt"));
  const DocumentRecord ris = AnalyzeSource(ReadDocumentFromBytes("a.txt", text), Magdeburg(), &metadata);
  EXPECT_EQ(ris.id, "F0999/23");
  EXPECT_EQ(ris.date, "2023-10-12");
  ASSERT_GE(ris.warnings.size(), 2u);
  EXPECT_EQ(ris.warnings[0], "The RIS says F0999/23, the text says F0301/23; the RIS's number is kept.");
  EXPECT_EQ(ris.warnings[1], "The RIS dates it 2023-10-12, the text 2023-10-10; the RIS's date is kept.");
  const DocumentRecord own = AnalyzeSource(ReadDocumentFromBytes("a.txt", text), Magdeburg(), &metadata, Trust::kText);
  EXPECT_EQ(own.id, "F0301/23");
  EXPECT_EQ(own.date, "2023-10-10");
  EXPECT_EQ(own.warnings[0], "The RIS says F0999/23, the text says F0301/23; the text's number is kept.");
}

TEST_F(OparlDump, AStatementKnownOnlyToTheRisStillAnswers) {
  // A Stellungnahme whose text the grammar reads as nothing in particular:
  // the RIS's role makes it one, so its reference to the Anfrage `answers`.
  FileMetadata metadata;
  metadata.role = FileRole::kStatement;
  metadata.reference = metadata.paper_id = "S0100/23";
  const std::string text = "Zur Anfrage F0322/22 nimmt die Verwaltung wie folgt Stellung.\n\nDie Beratung wird fortgesetzt.\n";
  const DocumentRecord record = AnalyzeSource(ReadDocumentFromBytes("s.txt", text), Magdeburg(), &metadata);
  EXPECT_EQ(record.kind, "stellungnahme");
  EXPECT_EQ(record.id, "S0100/23");
  bool answers = false;
  for (const Reference& reference : record.references) {
    answers = answers || (reference.target == "F0322/22" && reference.relation == Relation::kAnswers);
  }
  EXPECT_TRUE(answers);
}

TEST_F(OparlDump, HostileNestingIsAFlawNotACrash) {
  Write(dump_ / "deep.json", std::string(200000, '[') + std::string(200000, ']'));
  std::string objects;
  for (int i = 0; i < 20000; ++i) objects += R"({"type": "https://schema.oparl.org/1.1/Meeting", "id": "m", "agendaItem": )";
  Write(dump_ / "deep-objects.json", objects + "{}" + std::string(20000, '}'));
  oparl::Dump dump;
  ASSERT_TRUE(oparl::ReadDump(dump_.string(), &dump).ok());
  EXPECT_EQ(dump.flaws.at("values nested deeper than 64 levels (skipped)"), 2u);
  EXPECT_EQ(dump.papers.size(), 5u);  // the rest of the dump is read
}

TEST_F(OparlDump, AFileIsItsMainPapersAndAConsultationMayNameOnlyItsItem) {
  // Another paper lists the Anfrage's file too, and its consultation names no meeting.
  Write(dump_ / "papers" / "0.json", R"({"id": ")" + std::string(kBase) + R"(papers/0", "type": "https://schema.oparl.org/1.1/Paper",
      "reference": "DS0001/21", "paperType": "Informationsvorlage", "name": "Sammelvorlage",
      "auxiliaryFile": [")" + std::string(kBase) + R"(files/101_anfrage_F0301_23"]})");
  std::string one = ReadFile(dump_ / "papers" / "1.json");
  const std::string with_meeting = R"("meeting": ")" + std::string(kBase) + R"(meetings/1",)";
  one.erase(one.find(with_meeting), with_meeting.size());
  Write(dump_ / "papers" / "1.json", one);
  const pugi::xml_node graph = Process();
  EXPECT_STREQ(Document(graph, "101_anfrage_F0301_23.txt").attribute("id").as_string(), "F0301/23");
  EXPECT_TRUE(HasEdge(graph, "F0301/23", AgendaItemIdOf("Stadtrat/2023-11-09", "7", Magdeburg()), "oparl-consulted-at"));
}

TEST_F(OparlDump, ACachedRunWithOtherMetadataAnalysesAgain) {
  const std::string cache = (root_ / "cache").string();
  Process("--cache " + cache);
  Process("--cache " + cache);
  // Read again: the unchanged files come from the cache; the empty scan.txt and the file with a warning are analysed.
  EXPECT_NE(result_.output.find("cache: 6 reused, 2 analysed, 0 damaged"), std::string::npos) << result_.output;
  Write(dump_ / "papers" / "5.json", R"({"id": ")" + std::string(kBase) + R"(papers/5", "type": "https://schema.oparl.org/1.1/Paper",
      "reference": "DS0200/23", "paperType": "Informationsvorlage", "name": "Übersicht",
      "auxiliaryFile": [{"id": ")" + std::string(kBase) + R"(files/002_406d7f5b0e791aa1", "name": "Übersicht"}]})");
  const pugi::xml_node graph = Process("--cache " + cache);
  EXPECT_STREQ(Document(graph, "002_406d7f5b0e791aa1.txt").attribute("id").as_string(), "DS0200/23");
}

}  // namespace
}  // namespace ratsdoc

namespace ratsdoc {
namespace {

// The samples' graph written as an OParl dump and read back as the metadata
// of the same files: every document keeps its ID and kind, and the dump's
// papers, files and meeting name each of them.
TEST(OparlRoundTrip, TheExportReadsBackWithTheSameIdentities) {
  const fs::path root = fs::temp_directory_path() / ("ratsdoc-oparl-roundtrip-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  const std::string first = (root / "first.xml").string(), second = (root / "second.xml").string();
  const std::string dump = (root / "dump").string();
  ASSERT_NE(RunRatsdoc("process " + SourcePath("samples") + " -o " + first).exit_code, 3);
  const testing::CommandResult exported = RunRatsdoc("export oparl --graph " + first + " -o " + dump);
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  const testing::CommandResult read = RunRatsdoc("process --oparl " + dump + " " + SourcePath("samples") + " -o " + second);
  EXPECT_NE(read.output.find("0 match none; 0 Files have no local file"), std::string::npos) << read.output;
  pugi::xml_document a, b;
  ASSERT_TRUE(a.load_file(first.c_str()));
  ASSERT_TRUE(b.load_file(second.c_str()));
  std::map<std::string, std::pair<std::string, std::string>> before;
  for (pugi::xml_node document : a.child("graph").children("document")) {
    before[document.attribute("source").as_string()] = {document.attribute("id").as_string(),
                                                          document.attribute("kind").as_string()};
  }
  std::size_t compared = 0;
  for (pugi::xml_node document : b.child("graph").children("document")) {
    const auto& [id, kind] = before.at(document.attribute("source").as_string());
    EXPECT_EQ(document.attribute("id").as_string(), id) << document.attribute("source").as_string();
    EXPECT_EQ(document.attribute("kind").as_string(), kind) << document.attribute("source").as_string();
    EXPECT_TRUE(document.child("oparl")) << document.attribute("source").as_string();
    ++compared;
  }
  EXPECT_EQ(compared, before.size());
  fs::remove_all(root);
}

}  // namespace
}  // namespace ratsdoc
