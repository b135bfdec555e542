// The citation index (graph.xml.cites): it answers exactly as the graph XML
// does, and an index that is not the graph's own or not intact is never
// trusted.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "ratsdoc/document_xml.h"
#include "ratsdoc/query.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;

Reference Ref(std::string target, Relation relation, std::string text, int page, std::string context,
              std::string unit = "", bool resolved = true) {
  Reference reference;
  reference.target = std::move(target);
  reference.kind = "drucksache";
  reference.relation = relation;
  reference.text = std::move(text);
  reference.page = page;
  reference.context = std::move(context);
  reference.unit = std::move(unit);
  reference.resolved = resolved;
  return reference;
}

DocumentFacts Doc(std::string id, std::string kind, std::string source, std::string date,
                  std::vector<Reference> references) {
  DocumentFacts facts;
  facts.id = std::move(id);
  facts.kind = std::move(kind);
  facts.source = std::move(source);
  facts.date = std::move(date);
  facts.references = std::move(references);
  return facts;
}

constexpr const char* kMeasure = "DS0583/21/Anlage2#3.32";

// A small archive, sorted by source path as a graph is: a Stellungnahme as PDF
// and text (one ID), citing documents whose ID order differs from their file
// order, a unit, a repeated reference, an unresolved one, an unreadable file.
std::vector<DocumentFacts> Archive() {
  std::vector<DocumentFacts> documents;
  documents.push_back(Doc(
      "S0056/23", "stellungnahme", "archive/000.pdf", "2023-02-07",
      {Ref("F0322/22", Relation::kAnswers, "F 0322/22", 1, "zur Anfrage F 0322/22 der Fraktion"),
       Ref(kMeasure, Relation::kCites, "Punkt 3.32", 2, "Die Anlage 2 weist unter Punkt 3.32 aus:", "S0056/23#Frage1"),
       Ref("?#4.41", Relation::kCites, "Maßnahme 4.41", 2, "Zu Maßnahme 4.41 gibt es Nachfragen.", "",
           /*resolved=*/false)}));
  documents.push_back(
      Doc("S0056/23", "stellungnahme", "archive/000.txt", "2023-02-07",
          {Ref("F0322/22", Relation::kAnswers, "F0322/22", 1, "zum/zur F0322/22 (text export)"),
           Ref(kMeasure, Relation::kCites, "Punkt 3.32", 1, "the text export's sentence", "S0056/23#Frage1")}));
  documents.push_back(Doc(
      "F0301/23", "anfrage", "archive/001.txt", "2023-10-10",
      {Ref(kMeasure, Relation::kCites, "Maßnahme 3.32 der Anlage 2 zur DS0583/21", 1,
           "In der Stellungnahme S0056/23 … verwiesen"),
       Ref(kMeasure, Relation::kCites, "Maßnahme 3.32", 1, "Ist die Verwaltung bereit, …", "F0301/23#Frage3"),
       Ref(kMeasure, Relation::kCites, "Maßnahme 3.32", 2, "a second mention in the same question", "F0301/23#Frage3"),
       Ref("S0056/23", Relation::kCites, "S0056/23", 1, "In der Stellungnahme S0056/23")}));
  documents.push_back(
      Doc("DS0583/21/Anlage2", "anlage", "archive/002.txt", "",
          {Ref("DS0360/21", Relation::kCites, "DS0360/21", 3, "2.3 | Statistische Erhebungen", "DS0583/21/Anlage2#2.3"),
           Ref("DS0583/21", Relation::kAttachmentOf, "Anlage 2 zur DS0583/21", 1, "Anlage 2 zur DS0583/21")}));
  documents.push_back(Doc("A0001/23", "antrag", "archive/003.txt", "2023-01-05",
                          {Ref(kMeasure, Relation::kCites, "Maßnahme 3.32", 1, "Der Stadtrat möge beschließen, …")}));
  DocumentFacts unreadable = Doc("path:3969afb7f55ca222", "sonstiges", "archive/secret.txt", "", {});
  unreadable.error = "unreadable";
  documents.push_back(std::move(unreadable));
  return documents;
}

// Writes `documents` as a graph file, the way docs/graph-xml.md has it.
void WriteGraph(const std::string& path, const std::vector<DocumentFacts>& documents,
                const std::string& grammar = "magdeburg") {
  pugi::xml_document xml;
  pugi::xml_node root = xml.append_child("graph");
  root.append_attribute("xmlns") = kGraphNamespace;
  root.append_attribute("generator") = "ratsdoc test";
  root.append_attribute("grammar") = grammar.c_str();
  for (const DocumentFacts& facts : documents) {
    pugi::xml_node document = root.append_child("document");
    document.append_attribute("id") = facts.id.c_str();
    document.append_attribute("kind") = facts.kind.c_str();
    document.append_attribute("status") = facts.error.empty() ? "ok" : "error";
    document.append_attribute("source") = facts.source.c_str();
    document.append_attribute("format") = "text";
    document.append_attribute("bytes") = 100;
    if (!facts.error.empty()) {
      pugi::xml_node error = document.append_child("error");
      error.append_attribute("code") = facts.error.c_str();
      error.text() = "cannot be opened";
    }
    if (!facts.date.empty()) document.append_child("date").text() = facts.date.c_str();
    for (const Reference& reference : facts.references) {
      pugi::xml_node node = document.append_child("reference");
      node.append_attribute("target") = reference.target.c_str();
      node.append_attribute("relation") = std::string(RelationName(reference.relation)).c_str();
      node.append_attribute("kind") = reference.kind.c_str();
      node.append_attribute("resolved") = reference.resolved;
      node.append_attribute("text") = reference.text.c_str();
      node.append_attribute("page") = reference.page;
      node.append_attribute("begin") = 0;
      node.append_attribute("end") = 1;
      if (!reference.unit.empty()) node.append_attribute("unit") = reference.unit.c_str();
      node.append_child("context").text() = reference.context.c_str();
    }
  }
  // A tail of edges, as a real graph has.
  pugi::xml_node edge = root.append_child("edge");
  edge.append_attribute("from") = "S0056/23";
  edge.append_attribute("to") = "F0322/22";
  edge.append_attribute("relation") = "answers";
  ASSERT_TRUE(xml.save_file(path.c_str(), "  ", pugi::format_default, pugi::encoding_utf8));
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// A fresh directory per test.
std::string TestDir() {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string dir = ::testing::TempDir() + "ratsdoc-cites-index-" + test->name();
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// CitationsByTarget's answer, by target.
std::map<std::string, std::vector<Citation>> Expected(const std::vector<DocumentFacts>& documents) {
  std::map<std::string, std::vector<Citation>> by_target;
  for (auto& [target, citation] : CitationsByTarget(documents)) by_target[target].push_back(std::move(citation));
  return by_target;
}

std::vector<Citation> Lookup(const GraphIndex& index, const std::string& target) {
  std::vector<Citation> citations;
  const Status status = index.Lookup(target, &citations);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return citations;
}

// Every target `documents` name, resolved or not, and a few that nothing cites.
std::set<std::string> Targets(const std::vector<DocumentFacts>& documents) {
  std::set<std::string> targets = {
      "", "DS0001/99", "\x01", "\xff\xff", "A", "DS0583/21/Anlage2#3.3", "DS0583/21/Anlage2#3.320"};
  for (const DocumentFacts& document : documents) {
    for (const Reference& reference : document.references) targets.insert(reference.target);
  }
  return targets;
}

// The index answers every target exactly as CitationsByTarget says.
void ExpectAnswers(const GraphIndex& index, const std::vector<DocumentFacts>& documents) {
  const auto expected = Expected(documents);
  for (const std::string& target : Targets(documents)) {
    const auto found = expected.find(target);
    EXPECT_EQ(Lookup(index, target), found == expected.end() ? std::vector<Citation>() : found->second)
        << "target " << target;
  }
}

TEST(CitationsByTargetTest, FirstOfEachDocumentAndUnitSortedByDocumentAndUnit) {
  const auto expected = Expected(Archive());
  EXPECT_EQ(expected.count("?#4.41"), 0u) << "an unresolved reference cites nothing";
  const std::vector<Citation>& measure = expected.at(kMeasure);
  std::vector<std::pair<std::string, std::string>> keys;
  for (const Citation& c : measure) keys.emplace_back(c.document, c.unit);
  EXPECT_EQ(keys,
            (std::vector<std::pair<std::string, std::string>>{
                {"A0001/23", ""}, {"F0301/23", ""}, {"F0301/23", "F0301/23#Frage3"}, {"S0056/23", "S0056/23#Frage1"}}));
  // The first in document order: the PDF, and the first mention in Frage 3.
  EXPECT_EQ(measure[3].source, "archive/000.pdf");
  EXPECT_EQ(measure[3].page, 2);
  EXPECT_EQ(measure[2].context, "Ist die Verwaltung bereit, …");
  const Citation& answer = expected.at("F0322/22").at(0);
  EXPECT_EQ(answer, (Citation{"S0056/23", "stellungnahme", "2023-02-07", "archive/000.pdf", "", "answers", "F 0322/22",
                              1, "zur Anfrage F 0322/22 der Fraktion"}));
  EXPECT_EQ(expected.at("DS0583/21").at(0).relation, "attachment-of");
  EXPECT_EQ(expected.at("DS0360/21").at(0).date, "");

  const auto pairs = CitationsByTarget(Archive());
  EXPECT_TRUE(std::is_sorted(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second.document, a.second.unit) < std::tie(b.first, b.second.document, b.second.unit);
  }));
}

TEST(CitationIndexTest, AnswersExactlyAsTheGraphXml) {
  const std::string graph = TestDir() + "/graph.xml";
  const std::vector<DocumentFacts> documents = Archive();
  WriteGraph(graph, documents);

  GraphIndex from_xml;
  ASSERT_TRUE(GraphIndex::Load(graph, &from_xml).ok());
  EXPECT_FALSE(from_xml.uses_citation_index());
  EXPECT_EQ(from_xml.citation_index_status().code(), ErrorCode::kUnreadable) << "there is none";
  EXPECT_EQ(from_xml.grammar(), "magdeburg");
  ExpectAnswers(from_xml, documents);

  ASSERT_TRUE(WriteCitationIndex(graph, "magdeburg", documents).ok());
  EXPECT_TRUE(fs::exists(graph + ".cites"));
  EXPECT_EQ(CitationIndexPath(graph), graph + ".cites");
  GraphIndex from_index;
  const Status status = GraphIndex::Load(graph, &from_index);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_TRUE(from_index.uses_citation_index());
  EXPECT_TRUE(from_index.citation_index_status().ok());
  EXPECT_EQ(from_index.grammar(), "magdeburg");
  for (const std::string& target : Targets(documents)) {
    EXPECT_EQ(Lookup(from_index, target), Lookup(from_xml, target)) << "target " << target;
    EXPECT_EQ(from_index.CitationsOf(target), from_xml.CitationsOf(target));
  }
  EXPECT_EQ(Lookup(from_index, kMeasure).size(), 4u);
  EXPECT_TRUE(from_index.uses_citation_index());
}

TEST(CitationIndexTest, AMissingTargetGivesNoCitations) {
  const std::string graph = TestDir() + "/graph.xml";
  WriteGraph(graph, Archive());
  ASSERT_TRUE(WriteCitationIndex(graph, "magdeburg", Archive()).ok());
  GraphIndex index;
  ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
  ASSERT_TRUE(index.uses_citation_index());
  for (const std::string target : {"DS0001/99", "", "0", "zzz", "?#4.41", "DS0583/21/Anlage2#3.3"}) {
    EXPECT_TRUE(Lookup(index, target).empty()) << target;
  }
  EXPECT_TRUE(GraphIndex().CitationsOf(kMeasure).empty());
}

TEST(CitationIndexTest, AnArchiveWithoutCitations) {
  const std::string graph = TestDir() + "/graph.xml";
  const std::vector<DocumentFacts> documents = {Doc("A0001/23", "antrag", "a.txt", "", {})};
  WriteGraph(graph, documents, "karlsruhe");
  ASSERT_TRUE(WriteCitationIndex(graph, "karlsruhe", documents).ok());
  GraphIndex index;
  ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
  EXPECT_TRUE(index.uses_citation_index());
  EXPECT_EQ(index.grammar(), "karlsruhe");
  EXPECT_TRUE(Lookup(index, "A0001/23").empty());
}

// Enough citations for many blocks, one target running through several.
std::vector<DocumentFacts> LargeArchive() {
  std::vector<DocumentFacts> documents;
  for (int i = 0; i < 3000; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "A%04d/23", i);
    std::vector<Reference> references;
    references.push_back(Ref("DS0001/20", Relation::kCites, "DS 1/20", 1 + i % 7,
                             std::string(120, 'x') + " sentence of " + id));  // the popular one
    references.push_back(Ref("F" + std::to_string(i % 97) + "/22", Relation::kAnswers, "F", 1, "answers it",
                             i % 3 == 0 ? std::string(id) + "#Frage1" : ""));
    references.push_back(Ref("Z" + std::to_string(i) + "/99", Relation::kCites, "Z", 1, std::string(200, 'z')));
    documents.push_back(
        Doc(id, "antrag", "archive/" + std::to_string(100000 + i) + ".txt", "2023-01-01", std::move(references)));
  }
  return documents;
}

TEST(CitationIndexTest, ManyBlocksAnswerExactlyAsTheGraphXml) {
  const std::string graph = TestDir() + "/graph.xml";
  const std::vector<DocumentFacts> documents = LargeArchive();
  WriteGraph(graph, documents);
  ASSERT_TRUE(WriteCitationIndex(graph, "magdeburg", documents).ok());
  EXPECT_GT(fs::file_size(graph + ".cites"), 10u * 64 * 1024);
  GraphIndex index;
  ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
  ASSERT_TRUE(index.uses_citation_index());
  ExpectAnswers(index, documents);
  EXPECT_EQ(Lookup(index, "DS0001/20").size(), 3000u);
  EXPECT_TRUE(index.uses_citation_index());
  fs::remove(graph + ".cites");
  GraphIndex from_xml;
  ASSERT_TRUE(GraphIndex::Load(graph, &from_xml).ok());
  ASSERT_FALSE(from_xml.uses_citation_index());
  ExpectAnswers(from_xml, documents);
}

TEST(CitationIndexTest, TabsNewlinesAndBackslashesRoundTrip) {
  const std::string graph = TestDir() + "/graph.xml";
  std::vector<DocumentFacts> documents = {
      Doc("A\t1\\n", "antrag\n", "dir\\with\ttab/a.txt", "2023-01-01\r",
          {Ref("T\\t\t\n\\", Relation::kCites, "text\twith\ttabs", 3, "line one\nline two\\\\ and \\t\r\n", "u\\\t"),
           Ref("T\\t", Relation::kDecides, "\\", 4, "\\")}),
      Doc("B", "anfrage", "b.txt", "", {Ref("T\\t\t\n\\", Relation::kCites, "", 0, "")})};
  WriteGraph(graph, documents);
  ASSERT_TRUE(WriteCitationIndex(graph, "gram\tmar\\", documents).ok());
  GraphIndex index;
  ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
  ASSERT_TRUE(index.uses_citation_index());
  EXPECT_EQ(index.grammar(), "gram\tmar\\");
  ExpectAnswers(index, documents);
  const std::vector<Citation> found = Lookup(index, "T\\t\t\n\\");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].context, "line one\nline two\\\\ and \\t\r\n");
  EXPECT_EQ(found[0].source, "dir\\with\ttab/a.txt");
  EXPECT_EQ(found[0].unit, "u\\\t");
  EXPECT_EQ(found[1].document, "B");
  EXPECT_EQ(Lookup(index, "T\\t").at(0).relation, "decides");
  EXPECT_TRUE(Lookup(index, "T\\").empty());
  EXPECT_TRUE(Lookup(index, "T\t").empty());
}

TEST(CitationIndexTest, AnIndexOfAnotherGraphIsIgnored) {
  const std::string dir = TestDir();
  const std::vector<DocumentFacts> a = Archive();
  std::vector<DocumentFacts> b = Archive();
  b.erase(b.begin() + 2);  // without F0301/23
  WriteGraph(dir + "/a.xml", a);
  WriteGraph(dir + "/b.xml", b);
  ASSERT_TRUE(WriteCitationIndex(dir + "/a.xml", "magdeburg", a).ok());
  fs::copy_file(dir + "/a.xml.cites", dir + "/b.xml.cites");
  GraphIndex index;
  ASSERT_TRUE(GraphIndex::Load(dir + "/b.xml", &index).ok());
  EXPECT_FALSE(index.uses_citation_index());
  EXPECT_EQ(index.citation_index_status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(index.citation_index_status().message().find("another graph file"), std::string::npos)
      << index.citation_index_status().message();
  ExpectAnswers(index, b);
}

TEST(CitationIndexTest, AnIndexOfAGraphChangedAtTheSameSizeIsIgnored) {
  const std::string graph = TestDir() + "/graph.xml";
  std::vector<DocumentFacts> documents = Archive();
  WriteGraph(graph, documents);
  ASSERT_TRUE(WriteCitationIndex(graph, "magdeburg", documents).ok());
  // One letter of the last document's context changed: same size, other bytes.
  std::string bytes = ReadBytes(graph);
  const std::size_t at = bytes.rfind("beschließen");
  ASSERT_NE(at, std::string::npos);
  bytes[at] = 'B';
  WriteBytes(graph, bytes);
  GraphIndex index;
  ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
  EXPECT_FALSE(index.uses_citation_index());
  EXPECT_EQ(Lookup(index, kMeasure).at(0).context, "Der Stadtrat möge Beschließen, …");
}

// The index of `documents` for a fresh graph, and where its first block begins.
std::string IndexedGraph(const std::vector<DocumentFacts>& documents, std::size_t* first_block) {
  const std::string graph = TestDir() + "/graph.xml";
  WriteGraph(graph, documents);
  EXPECT_TRUE(WriteCitationIndex(graph, "magdeburg", documents).ok());
  const std::string index = ReadBytes(graph + ".cites");
  std::size_t end = 0;
  for (int line = 0; line < 3; ++line) end = index.find('\n', end) + 1;  // three header lines
  *first_block = end;
  return graph;
}

TEST(CitationIndexTest, ATruncatedIndexIsIgnored) {
  const std::vector<DocumentFacts> documents = LargeArchive();
  std::size_t first_block = 0;
  const std::string graph = IndexedGraph(documents, &first_block);
  const std::string whole = ReadBytes(graph + ".cites");
  for (const std::size_t size :
       {whole.size() - 1, whole.size() - 150, whole.size() / 2, first_block, std::size_t{10}, std::size_t{0}}) {
    WriteBytes(graph + ".cites", whole.substr(0, size));
    GraphIndex index;
    ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
    EXPECT_FALSE(index.uses_citation_index()) << "truncated to " << size;
    EXPECT_FALSE(index.citation_index_status().ok());
    EXPECT_EQ(Lookup(index, "DS0001/20").size(), 3000u);
  }
  // Appended to is damaged too.
  WriteBytes(graph + ".cites", whole + "x");
  GraphIndex index;
  ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
  EXPECT_FALSE(index.uses_citation_index());
}

TEST(CitationIndexTest, ADamagedHeaderTableOrTrailerIsIgnored) {
  const std::vector<DocumentFacts> documents = Archive();
  std::size_t first_block = 0;
  const std::string graph = IndexedGraph(documents, &first_block);
  const std::string whole = ReadBytes(graph + ".cites");
  const std::size_t table = whole.rfind("ratsdoc-cites-end") - 5;  // in the block table's last line
  for (const std::size_t at : {std::size_t{0}, std::size_t{14}, std::size_t{20}, first_block - 3, table,
                               whole.size() - 70, whole.size() - 1}) {
    std::string damaged = whole;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
    WriteBytes(graph + ".cites", damaged);
    GraphIndex index;
    ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
    EXPECT_FALSE(index.uses_citation_index()) << "byte " << at << " of " << whole.size();
    EXPECT_EQ(index.citation_index_status().code(), ErrorCode::kInvalidArgument);
    ExpectAnswers(index, documents);
  }
  WriteBytes(graph + ".cites", "ratsdoc-cites 2\n" + whole.substr(16));
  GraphIndex index;
  ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
  EXPECT_FALSE(index.uses_citation_index()) << "another version of the format";
}

TEST(CitationIndexTest, ADamagedBlockIsNoticedAndTheGraphAnswers) {
  const std::vector<DocumentFacts> documents = LargeArchive();
  std::size_t first_block = 0;
  const std::string graph = IndexedGraph(documents, &first_block);
  std::string damaged = ReadBytes(graph + ".cites");
  // The first block holds the popular DS0001/20; damage its third line's context.
  const std::size_t line = damaged.find('\n', damaged.find('\n', first_block) + 1) + 1;
  const std::size_t at = damaged.find("xxxx", line);
  ASSERT_NE(at, std::string::npos);
  damaged[at] = 'y';
  WriteBytes(graph + ".cites", damaged);
  GraphIndex index;
  ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
  EXPECT_TRUE(index.uses_citation_index()) << "blocks are checked when read, not when opened";
  EXPECT_EQ(Lookup(index, "Z2999/99").size(), 1u);  // another block: still from the index
  EXPECT_TRUE(index.uses_citation_index());
  fs::remove(graph);  // the graph was opened by Load and is read through that
  const std::vector<Citation> found = Lookup(index, "DS0001/20");
  EXPECT_FALSE(index.uses_citation_index());
  EXPECT_NE(index.citation_index_status().message().find("block 0 does not match its hash"), std::string::npos)
      << index.citation_index_status().message();
  EXPECT_EQ(found, Expected(documents).at("DS0001/20"));
  ExpectAnswers(index, documents);
}

// Four threads look up every Z target at once. With `damage`, the index's
// last block is damaged first, so one thread falls back to the graph while
// the others still read the index.
void ExpectConcurrentLookupsAgree(bool damage) {
  const std::vector<DocumentFacts> documents = LargeArchive();
  std::size_t first_block = 0;
  const std::string graph = IndexedGraph(documents, &first_block);
  if (damage) {
    std::string bytes = ReadBytes(graph + ".cites");
    bytes[bytes.rfind("zzzz")] = 'y';
    WriteBytes(graph + ".cites", bytes);
  }
  GraphIndex index;
  ASSERT_TRUE(GraphIndex::Load(graph, &index).ok());
  ASSERT_TRUE(index.uses_citation_index());
  const auto expected = Expected(documents);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3000; ++i) {
        const std::string target = "Z" + std::to_string((i * 7 + t * 750) % 3000) + "/99";
        wrong[t] += index.CitationsOf(target) != expected.at(target);
        if (i % 100 == 0) index.citation_index_status();  // read while a fall-back may be written
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
  EXPECT_EQ(index.uses_citation_index(), !damage);
}

TEST(CitationIndexTest, ConcurrentLookupsAgree) { ExpectConcurrentLookupsAgree(/*damage=*/false); }

TEST(CitationIndexTest, ConcurrentLookupsAgreeWhileOneFallsBackToTheGraph) {
  ExpectConcurrentLookupsAgree(/*damage=*/true);
}

TEST(CitationIndexTest, LoadReportsAGraphThatCannotBeReadOrIsNoGraph) {
  const std::string dir = TestDir();
  WriteGraph(dir + "/graph.xml", Archive());
  ASSERT_TRUE(WriteCitationIndex(dir + "/graph.xml", "magdeburg", Archive()).ok());
  fs::copy_file(dir + "/graph.xml.cites", dir + "/missing.xml.cites");
  GraphIndex index;
  EXPECT_EQ(GraphIndex::Load(dir + "/missing.xml", &index).code(), ErrorCode::kUnreadable);
  EXPECT_EQ(GraphIndex::Load(dir, &index).code(), ErrorCode::kUnreadable);
  WriteBytes(dir + "/other.xml", "<other/>");
  EXPECT_EQ(GraphIndex::Load(dir + "/other.xml", &index).code(), ErrorCode::kInvalidArgument);
  WriteBytes(dir + "/broken.xml", "<graph xmlns=\"urn:ratsdoc:graph:1\"><document");
  EXPECT_EQ(GraphIndex::Load(dir + "/broken.xml", &index).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(WriteCitationIndex(dir + "/missing.xml", "magdeburg", Archive()).code(), ErrorCode::kUnreadable);
  EXPECT_FALSE(fs::exists(dir + "/missing.xml.cites")) << "a failed write leaves no index behind";
}

}  // namespace
}  // namespace ratsdoc
