// Ingest of good and bad inputs: every bad kind gets its own code and a
// sentence that tells a person what is wrong and what would help.
#include "ratsdoc/ingest.h"

#include <filesystem>

#include "test_support.h"

namespace ratsdoc {
namespace {

using testing::ReadFile;
using testing::SourcePath;

SourceDocument Read(const std::string& relative) { return ReadDocument(SourcePath(relative)); }

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(IngestTest, EncryptedPdfWithUserPasswordSaysAPasswordWouldHelp) {
  const SourceDocument doc = Read("tests/data/pdf/encrypted-user-password.pdf");
  EXPECT_EQ(doc.status.code(), ErrorCode::kPdfEncrypted);
  EXPECT_TRUE(Contains(doc.status.message(), "needs a password")) << doc.status.message();
  EXPECT_TRUE(Contains(doc.status.message(), "with the user password it could be read"));
  EXPECT_EQ(doc.format, SourceFormat::kPdf);
  EXPECT_EQ(doc.sha256.size(), 64u);  // still identified by content
}

TEST(IngestTest, EncryptedPdfWithoutUserPasswordIsRead) {
  const SourceDocument doc = Read("tests/data/pdf/encrypted-owner-only.pdf");
  ASSERT_TRUE(doc.status.ok()) << doc.status.ToString();
  EXPECT_EQ(doc.pages.size(), 2u);
  EXPECT_TRUE(Contains(doc.text, "Stellungnahme"));
}

TEST(IngestTest, TruncatedPdfIsDamagedAndSaysTruncated) {
  const SourceDocument doc = Read("tests/data/pdf/truncated.pdf");
  EXPECT_EQ(doc.status.code(), ErrorCode::kPdfDamaged);
  EXPECT_TRUE(Contains(doc.status.message(), "truncated")) << doc.status.message();
}

TEST(IngestTest, DamagedPdfReportsPopplersComplaintInsteadOfPrintingIt) {
  ::testing::internal::CaptureStderr();
  const SourceDocument doc = Read("tests/data/pdf/damaged.pdf");
  const std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(doc.status.code(), ErrorCode::kPdfDamaged);
  EXPECT_TRUE(Contains(doc.status.message(), "Poppler reported")) << doc.status.message();
  EXPECT_EQ(printed, "");
}

TEST(IngestTest, ScannedPdfWithoutOcrAsksForOcr) {
  IngestOptions options;
  options.ocr = OcrMode::kNever;
  const SourceDocument doc = ReadDocument(SourcePath("tests/data/pdf/scan.pdf"), options);
  EXPECT_EQ(doc.status.code(), ErrorCode::kPdfNoText);
  EXPECT_TRUE(Contains(doc.status.message(), "OCR")) << doc.status.message();
}

TEST(IngestTest, BlankPdfIsNotCalledAScan) {
  const SourceDocument doc = Read("tests/data/pdf/empty-page.pdf");
  EXPECT_EQ(doc.status.code(), ErrorCode::kPdfNoText);
  EXPECT_TRUE(Contains(doc.status.message(), "blank")) << doc.status.message();
  EXPECT_FALSE(Contains(doc.status.message(), "OCR"));
}

TEST(IngestTest, BinaryJunkIsBinary) {
  const SourceDocument doc = Read("tests/data/pdf/not-a-pdf.bin");
  EXPECT_EQ(doc.status.code(), ErrorCode::kBinary);
  EXPECT_TRUE(Contains(doc.status.message(), "neither a PDF nor text"));
}

TEST(IngestTest, EmptyFileAndWhitespaceOnlyFileAreEmpty) {
  EXPECT_EQ(Read("tests/data/text/empty.txt").status.code(), ErrorCode::kEmptyFile);
  EXPECT_EQ(ReadDocumentFromBytes("blank.txt", " \n\t\r\n").status.code(), ErrorCode::kEmptyFile);
}

TEST(IngestTest, MissingFileAndDirectoryAreUnreadable) {
  const SourceDocument missing = ReadDocument("/nonexistent/ratsdoc/paper.pdf");
  EXPECT_EQ(missing.status.code(), ErrorCode::kUnreadable);
  EXPECT_TRUE(Contains(missing.status.message(), "does not exist"));
  EXPECT_EQ(missing.path, "/nonexistent/ratsdoc/paper.pdf");
  const SourceDocument directory = Read("samples");
  EXPECT_EQ(directory.status.code(), ErrorCode::kUnreadable);
  EXPECT_TRUE(Contains(directory.status.message(), "is a directory"));
}

TEST(IngestTest, PdfIsRecognisedByContentNotExtension) {
  const SourceDocument doc = Read("tests/data/text/renamed-pdf.txt");
  ASSERT_TRUE(doc.status.ok());
  EXPECT_EQ(doc.format, SourceFormat::kPdf);
  EXPECT_TRUE(doc.has_layout);
}

struct EncodingCase {
  const char* file;
  const char* encoding;
  const char* original;
};

class EncodingTest : public ::testing::TestWithParam<EncodingCase> {};

TEST_P(EncodingTest, DecodesToTheUtf8Original) {
  const EncodingCase& c = GetParam();
  const SourceDocument doc = Read(std::string("tests/data/text/") + c.file);
  ASSERT_TRUE(doc.status.ok()) << doc.status.ToString();
  EXPECT_EQ(doc.encoding, c.encoding);
  std::string original = ReadFile(SourcePath(std::string("tests/data/text/") + c.original));
  if (!original.empty() && original.back() != '\n') original += '\n';
  EXPECT_EQ(doc.text, original);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, EncodingTest,
    ::testing::Values(EncodingCase{"latin1.txt", "ISO-8859-1", "encoding-original-latin1.txt"},
                      EncodingCase{"cp1252.txt", "windows-1252", "encoding-original.txt"},
                      EncodingCase{"utf16le-bom.txt", "UTF-16LE", "encoding-original.txt"},
                      EncodingCase{"utf16be-bom.txt", "UTF-16BE", "encoding-original.txt"},
                      EncodingCase{"encoding-original.txt", "UTF-8", "encoding-original.txt"}));

TEST(IngestTest, Iso885915EuroSignIsDetected) {
  // "12 €" in ISO-8859-15 is 0xA4; Latin-1 would make it "¤".
  const SourceDocument doc = ReadDocumentFromBytes("euro.txt", std::string("Kosten: 12 \xA4 f\xFCr die Stadt\n"));
  ASSERT_TRUE(doc.status.ok());
  EXPECT_EQ(doc.encoding, "ISO-8859-15");
  EXPECT_TRUE(Contains(doc.text, "12 € für"));
}

TEST(IngestTest, TextLinesAndPagesFollowCrLfAndFormFeeds) {
  const SourceDocument doc = ReadDocumentFromBytes("pages.txt", "erste Zeile\r\nzweite\rdritte\fSeite zwei\n");
  ASSERT_TRUE(doc.status.ok());
  EXPECT_EQ(doc.text, "erste Zeile\nzweite\ndritte\nSeite zwei\n");
  ASSERT_EQ(doc.pages.size(), 2u);
  ASSERT_EQ(doc.lines.size(), 4u);
  EXPECT_EQ(doc.lines[3].page, 2);
  EXPECT_EQ(doc.text.substr(doc.pages[1].begin, doc.pages[1].end - doc.pages[1].begin), "Seite zwei\n");
}

TEST(IngestTest, PdfKeepsEveryPageWithItsBoundaries) {
  const SourceDocument doc = Read("samples/pdf/004_0c4ff60752e64775.pdf");
  ASSERT_TRUE(doc.status.ok());
  ASSERT_GE(doc.pages.size(), 5u);
  for (std::size_t i = 1; i < doc.pages.size(); ++i) EXPECT_EQ(doc.pages[i].begin, doc.pages[i - 1].end);
  EXPECT_EQ(doc.pages.back().end, doc.text.size());
  for (const SourceLine& line : doc.lines) {
    const SourcePage& page = doc.pages[static_cast<std::size_t>(line.page - 1)];
    EXPECT_GE(line.begin, page.begin);
    EXPECT_LE(line.end, page.end);
  }
}

TEST(IngestTest, PdfTableCellsComeOutTabSeparatedInRowOrder) {
  const SourceDocument doc = Read("tests/data/pdf/table.pdf");
  ASSERT_TRUE(doc.status.ok());
  // Row 3.32 with its three cells, whatever order Poppler read them in.
  EXPECT_TRUE(Contains(doc.text, "3.32\tStädtische Einflussnahme")) << doc.text;
  bool found_row = false;
  for (const SourceLine& line : doc.lines) {
    const std::string text = doc.text.substr(line.begin, line.end - line.begin);
    if (text.starts_with("3.32\t")) {
      found_row = true;
      EXPECT_TRUE(line.table_row);
      EXPECT_TRUE(Contains(text, "\tStadtverwaltung und Stadtrat")) << text;
    }
  }
  EXPECT_TRUE(found_row);
}

}  // namespace
}  // namespace ratsdoc
