// Hostile inputs, as a crawled archive has them: each is read correctly or
// gets its own error code and message; every input appears exactly once in the
// graph; the graph stays well-formed and schema-valid; the run goes on.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "ingest/ocr.h"
#include "ingest/pdf_reader.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunRatsdoc;
using testing::SourcePath;

// `pages` pages, each saying its number and citing DS0583/21.
// `pages` pages; each has `lines` lines of about 100 characters, the first
// citing the DS 0583/21.
std::string ManyPagesPdf(int pages, int lines = 1) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string kids;
  for (int i = 0; i < pages; ++i) {
    const std::size_t page = objects.size() + 1;
    kids += std::to_string(page) + " 0 R ";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + std::to_string(page + 1) +
                      " 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
    std::string content =
        "BT /F1 6 Tf 8 TL 20 800 Td (Seite " + std::to_string(i + 1) + ": Bezug auf die DS 0583/21.) Tj";
    for (int line = 1; line < lines; ++line) {
      content += " T* (Zeile " + std::to_string(line) + " der Seite " + std::to_string(i + 1) +
                 " mit Text, der nur den Platz fuer den Text einer Seite in diesem Dokument fuellt.) Tj";
    }
    objects.push_back(ingest::PdfStream(content + " ET"));
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
  return ingest::AssemblePdf(objects);
}

// A page tree whose node lists itself among its kids.
std::string LoopingPageTreePdf() {
  return ingest::AssemblePdf({"<< /Type /Catalog /Pages 2 0 R >>",
                  "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                  "/Resources << /Font << /F1 5 0 R >> >> >>",
                  ingest::PdfStream("BT /F1 12 Tf 72 700 Td (Eine Seite zur DS 0583/21.) Tj ET"),
                  "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
}

// About `size` bytes of sentences that never repeat a line (repeated lines
// would be taken for running headers), one reference every few lines.
std::string VariedText(std::size_t size, std::mt19937* random) {
  static const char* const kWords[] = {"Stadtrat", "Verwaltung", "Antrag", "Beschluss", "Ausschuss", "Haushalt",
                                       "Maßnahme", "Bericht", "Förderung", "Integration", "Sitzung", "Anlage",
                                       "Quartier", "Schule", "Verkehr", "Umwelt", "prüft", "empfiehlt",
                                       "beschließt", "über", "für", "die", "der", "mit", "zur", "bis"};
  std::string text;
  text.reserve(size + 200);
  for (int line = 0; text.size() < size; ++line) {
    const int words = 8 + static_cast<int>((*random)() % 12);
    for (int w = 0; w < words; ++w) {
      text += kWords[(*random)() % (sizeof kWords / sizeof *kWords)];
      text += ' ';
    }
    if (line % 7 == 0) text += "(DS " + std::to_string(100 + (*random)() % 900) + "/2" + std::to_string(line % 5) + ") ";
    text += std::to_string(line) + ".\n";
    if (line % 5 == 4) text += '\n';
  }
  return text;
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

struct Expectation {
  std::string status;  // "ok", "warning", "error"
  std::string code;    // the error code when status is "error"
};

class HostileArchive : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static void SetUpTestSuite() {
    // One directory per process: ctest runs each test of this suite in its own.
    dir_ = ::testing::TempDir() + "ratsdoc-hostile-" + std::to_string(getpid());
    fs::remove_all(dir_);
    // Huge inputs apart, so that the schema check (xmllint is slow on
    // hundreds of thousands of references) can run on the others.
    fs::create_directories(dir_ + "/archive/small/sub");
    fs::create_directories(dir_ + "/archive/huge");
    const std::string a = dir_ + "/archive/small/";
    const std::string huge = dir_ + "/archive/huge/";
    const std::string sample = ReadFile(SourcePath("samples/text/101_anfrage_F0301_23.txt"));
    for (const char* fixture : {"encrypted-user-password.pdf", "encrypted-owner-only.pdf", "truncated.pdf",
                                "scan.pdf", "damaged.pdf"}) {
      fs::copy_file(SourcePath(std::string("tests/data/pdf/") + fixture), a + fixture);
    }
    std::mt19937 random(42);
    std::string noise(64 * 1024, '\0');
    for (char& c : noise) c = static_cast<char>(random());
    Write(a + "random.bin", noise);
    Write(a + "zero-bytes.txt", "");
    Write(a + "looping-page-tree.pdf", LoopingPageTreePdf());
    Write(huge + "ten-thousand-pages.pdf", ManyPagesPdf(10000));
    Write(huge + "fifty-megabytes.txt", VariedText(50u * 1024 * 1024, &random));
    std::string line;
    for (int i = 0; line.size() < 5u * 1024 * 1024; ++i) {
      line += i % 50 == 0 ? "Bezug auf die DS 0583/21 und weiter\t" : "ohne Zeilenende und ohne Satzende ";
    }
    Write(huge + "five-megabyte-line.txt", line + "\n");
    Write(a + "nul-bytes.txt", "Anfrage zur DS 0583/21\n" + std::string("\0\0", 2) + "mit Nullbytes\n");
    Write(a + "control-characters.txt", "Anfrage \x01 zur DS 0583/21\x0B und \x1F weiter\n" + sample);
    Write(a + "invalid-utf8.txt", "Anfrage zur DS 0583/21 \xC3\x28 und \xFF\xFE ungültig \xE2\x82\n");
    Write(a + "a&b.txt", sample);
    Write(a + "<angle>.txt", sample);
    Write(a + "quote\"d.txt", sample);
    Write(a + "Straße Überweg.txt", sample);
    Write(a + "new\nline.txt", sample);
    fs::create_directory_symlink("..", a + "sub/loop");  // sub/loop → small/: a loop if followed
    Write(a + "unreadable.txt", sample);
    chmod((a + "unreadable.txt").c_str(), 0);
    if (geteuid() == 0) {
      // root reads any file: a link to nowhere stands in for the file that cannot be read.
      fs::remove(a + "unreadable.txt");
      fs::create_symlink(a + "does-not-exist.txt", a + "unreadable.txt");
    }
    graph_ = dir_ + "/graph.xml";
    run_ = RunRatsdoc("process " + dir_ + "/archive -j 2 -o " + graph_);
  }

  static std::string dir_;
  static std::string graph_;
  static testing::CommandResult run_;
};
std::string HostileArchive::dir_;
std::string HostileArchive::graph_;
testing::CommandResult HostileArchive::run_;

TEST_F(HostileArchive, TheRunFinishesWithExitOneAndAWellFormedSchemaValidGraph) {
  EXPECT_EQ(run_.exit_code, 1) << run_.output;
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_file(graph_.c_str())) << "the graph is not well-formed XML";
  // The graph of the inputs other than the huge ones, against the schema.
  const std::string small = dir_ + "/small.xml";
  EXPECT_EQ(RunRatsdoc("process " + dir_ + "/archive/small -o " + small).exit_code, 1);
  ASSERT_EQ(std::system("command -v xmllint > /dev/null"), 0) << "xmllint (Debian libxml2-utils) is needed";
  const std::string validate =
      "xmllint --noout --relaxng " + SourcePath("schema/ratsdoc-graph.rng") + " " + small + " 2>&1";
  EXPECT_EQ(std::system(validate.c_str()), 0);
}

TEST_F(HostileArchive, EveryInputAppearsExactlyOnceWithItsStatusAndCode) {
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_file(graph_.c_str()));
  std::map<std::string, int> seen;
  std::map<std::string, Expectation> found;
  for (pugi::xml_node document : xml.document_element().children("document")) {
    const std::string name = fs::path(document.attribute("source").as_string()).filename().string();
    ++seen[name];
    found[name] = Expectation{document.attribute("status").as_string(),
                              document.child("error").attribute("code").as_string()};
  }
  const std::map<std::string, Expectation> expected = {
      {"encrypted-user-password.pdf", {"error", "pdf-encrypted"}},
      {"encrypted-owner-only.pdf", {"ok", ""}},
      {"truncated.pdf", {"error", "pdf-damaged"}},
      {"damaged.pdf", {"error", "pdf-damaged"}},
      // A scan is read by OCR where it is built in (issue 15), else it has no text.
      {"scan.pdf", ingest::OcrBuiltIn() ? Expectation{"ok", ""} : Expectation{"error", "pdf-no-text"}},
      {"random.bin", {"error", "binary"}},
      {"zero-bytes.txt", {"error", "empty-file"}},
      {"unreadable.txt", {"error", "unreadable"}},
      {"ten-thousand-pages.pdf", {"ok", ""}},
      {"fifty-megabytes.txt", {"ok", ""}},
      {"five-megabyte-line.txt", {"ok", ""}},
      {"control-characters.txt", {"ok", ""}},
      {"invalid-utf8.txt", {"ok", ""}},
      {"a&b.txt", {"ok", ""}},
      {"<angle>.txt", {"ok", ""}},
      {"quote\"d.txt", {"ok", ""}},
      {"Straße Überweg.txt", {"ok", ""}},
      {"new\nline.txt", {"ok", ""}},
  };
  for (const auto& [name, expectation] : expected) {
    EXPECT_EQ(seen[name], 1) << name;
    EXPECT_EQ(found[name].status, expectation.status) << name;
    EXPECT_EQ(found[name].code, expectation.code) << name;
  }
  // Read, or refused with a code of their own; never missing, never twice.
  for (const char* name : {"looping-page-tree.pdf", "nul-bytes.txt"}) {
    EXPECT_EQ(seen[name], 1) << name;
    EXPECT_TRUE(found[name].status != "error" || !found[name].code.empty()) << name;
  }
  // Nothing else: the symbolic link loop was not followed.
  EXPECT_EQ(seen.size(), expected.size() + 2);
}

TEST_F(HostileArchive, HugeInputsAreReadWhole) {
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_file(graph_.c_str()));
  for (pugi::xml_node document : xml.document_element().children("document")) {
    const std::string name = fs::path(document.attribute("source").as_string()).filename().string();
    if (name == "ten-thousand-pages.pdf") {
      EXPECT_EQ(document.attribute("pages").as_int(), 10000);
      int references = 0;
      for (pugi::xml_node reference : document.children("reference")) {
        references += std::string(reference.attribute("target").as_string()) == "DS0583/21";
      }
      EXPECT_EQ(references, 10000);
    }
    if (name == "fifty-megabytes.txt") {
      EXPECT_GE(document.attribute("textBytes").as_ullong(), 50ull * 1000 * 1000);
    }
  }
}

TEST_F(HostileArchive, TextWithIllegalCharactersKeepsItsReference) {
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_file(graph_.c_str()));
  for (pugi::xml_node document : xml.document_element().children("document")) {
    const std::string name = fs::path(document.attribute("source").as_string()).filename().string();
    if (name != "control-characters.txt" && name != "invalid-utf8.txt") continue;
    EXPECT_STREQ(document.child("reference").attribute("target").as_string(), "DS0583/21") << name;
  }
}

// --- budgets per document ---------------------------------------------------------

pugi::xml_node OnlyDocument(const pugi::xml_document& xml) { return xml.document_element().child("document"); }

TEST_F(HostileArchive, APdfOverItsTimeBudgetKeepsItsFirstPagesWithAWarning) {
  const std::string graph = dir_ + "/slow.xml";
  const auto run = RunRatsdoc("process " + dir_ + "/archive/huge/ten-thousand-pages.pdf --max-document-seconds 0.2 -o " +
                              graph);
  EXPECT_EQ(run.exit_code, 0) << run.output;  // a warning, not an error: the run goes on
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_file(graph.c_str()));
  const pugi::xml_node document = OnlyDocument(xml);
  EXPECT_STREQ(document.attribute("status").as_string(), "warning");
  EXPECT_GT(document.attribute("pages").as_int(), 0);
  EXPECT_LT(document.attribute("pages").as_int(), 10000);
  const std::string warning = document.child("warning").text().as_string();
  EXPECT_NE(warning.find("of 10000 were read"), std::string::npos) << warning;
  EXPECT_NE(warning.find("--max-document-seconds"), std::string::npos) << warning;
  EXPECT_STREQ(document.child("reference").attribute("target").as_string(), "DS0583/21");
}

TEST_F(HostileArchive, APdfOverItsTextBudgetKeepsItsFirstPagesWithAWarning) {
  // 120 pages of about 9 KB of text each: past 1 MiB near page 115.
  const std::string pdf = dir_ + "/text-heavy.pdf";
  Write(pdf, ManyPagesPdf(120, 90));
  const std::string graph = dir_ + "/text-heavy.xml";
  const auto run = RunRatsdoc("process " + pdf + " --max-document-text 1 -o " + graph);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_file(graph.c_str()));
  const pugi::xml_node document = OnlyDocument(xml);
  EXPECT_STREQ(document.attribute("status").as_string(), "warning");
  EXPECT_GT(document.attribute("pages").as_int(), 100);
  EXPECT_LT(document.attribute("pages").as_int(), 120);
  const std::string warning = document.child("warning").text().as_string();
  EXPECT_NE(warning.find("of 120 were read"), std::string::npos) << warning;
  EXPECT_NE(warning.find("limit of 1 MiB per document (--max-document-text)"), std::string::npos) << warning;

  // Without the budget the whole PDF is read.
  const auto whole = RunRatsdoc("process " + pdf + " -o " + graph);
  EXPECT_EQ(whole.exit_code, 0) << whole.output;
  ASSERT_TRUE(xml.load_file(graph.c_str()));
  EXPECT_STREQ(OnlyDocument(xml).attribute("status").as_string(), "ok");
  EXPECT_EQ(OnlyDocument(xml).attribute("pages").as_int(), 120);
}

TEST_F(HostileArchive, AFileOverTheSizeBudgetIsNotReadAndRecordedAsTooLarge) {
  const std::string graph = dir_ + "/large.xml";
  const auto run = RunRatsdoc("process " + dir_ + "/archive/huge --max-document-size 10 -o " + graph);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("errors: too-large 1"), std::string::npos) << run.output;  // the 50 MB text
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_file(graph.c_str()));
  for (pugi::xml_node document : xml.document_element().children("document")) {
    const std::string name = fs::path(document.attribute("source").as_string()).filename().string();
    const std::string code = document.child("error").attribute("code").as_string();
    EXPECT_EQ(code, name == "fifty-megabytes.txt" ? "too-large" : "") << name;
    if (code == "too-large") {
      EXPECT_NE(std::string(document.child("error").text().as_string()).find("--max-document-size"),
                std::string::npos);
    }
  }
}

}  // namespace
}  // namespace ratsdoc
