// Ingest entry points: read the bytes, decide PDF or text by content, and hand
// over to the Poppler adapter or the text decoder.
#include "ratsdoc/ingest.h"

#include "common/hash.h"
#include "common/utf8.h"
#include "ingest/file_bytes.h"
#include "ingest/ocr.h"
#include "ingest/pdf_reader.h"
#include "ingest/text_decoder.h"

namespace ratsdoc {
namespace {

// Splits decoded text into pages ('\f', as pdftotext writes them) and lines,
// unifying CRLF and CR line ends to '\n'.
void SplitText(std::string_view decoded, SourceDocument* doc) {
  doc->text.reserve(decoded.size() + 1);
  doc->pages.push_back(SourcePage{0, 0});
  int page = 1;
  std::size_t line_begin = 0;
  auto end_line = [&] {
    doc->lines.push_back(SourceLine{line_begin, doc->text.size(), page});
    doc->text += '\n';
    line_begin = doc->text.size();
  };
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    const char c = decoded[i];
    if (c == '\r') {
      if (i + 1 < decoded.size() && decoded[i + 1] == '\n') ++i;
      end_line();
    } else if (c == '\n') {
      end_line();
    } else if (c == '\f') {
      if (doc->text.size() > line_begin) end_line();
      doc->pages.back().end = doc->text.size();
      doc->pages.push_back(SourcePage{doc->text.size(), doc->text.size()});
      ++page;
    } else {
      doc->text += c;
    }
  }
  if (doc->text.size() > line_begin) end_line();
  doc->pages.back().end = doc->text.size();
}

bool IsBlank(std::string_view text) { return utf8::Trim(text).empty(); }

}  // namespace

bool OcrAvailable() { return ingest::OcrBuiltIn(); }
std::string OcrVersion() { return ingest::OcrVersion(); }

std::string IngestOptions::CacheKey() const {
  const char* mode = ocr == OcrMode::kNever ? "never" : ocr == OcrMode::kAlways ? "always" : "auto";
  return "edge-band=" + std::to_string(edge_band) + " ocr=" + mode + ":" + ocr_language + ":" +
         (ingest::OcrBuiltIn() ? ingest::OcrVersion() : std::string("none"));
}

SourceDocument ReadDocument(const std::string& path, const IngestOptions& options) {
  std::string bytes;
  Status status = ingest::ReadFileBytes(path, &bytes, options.max_file_bytes);
  if (!status.ok()) {
    SourceDocument doc;
    doc.path = path;
    doc.status = std::move(status);
    return doc;
  }
  return ReadDocumentFromBytes(path, std::move(bytes), options);
}

SourceDocument ReadDocumentFromBytes(const std::string& path, std::string bytes, const IngestOptions& options) {
  SourceDocument doc;
  doc.path = path;
  doc.sha256 = Sha256Hex(bytes);
  doc.size_bytes = bytes.size();
  if (bytes.empty()) {
    doc.status = Status(ErrorCode::kEmptyFile, "The file " + path + " is empty (0 bytes).");
    return doc;
  }
  if (ingest::LooksLikePdf(bytes)) {
    ingest::ReadPdf(bytes, options, &doc);
    return doc;
  }
  doc.format = SourceFormat::kText;
  ingest::DecodedText decoded;
  doc.status = ingest::DecodeText(path, bytes, &decoded);
  if (!doc.status.ok()) return doc;
  doc.encoding = decoded.encoding;
  if (IsBlank(decoded.utf8)) {
    doc.status = Status(ErrorCode::kEmptyFile, "The file " + path + " contains nothing but white space.");
    return doc;
  }
  SplitText(decoded.utf8, &doc);
  return doc;
}

}  // namespace ratsdoc
