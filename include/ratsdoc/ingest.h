// Ingest: the first pipeline stage. It turns one input file (a PDF with a text
// layer, or plain text in any supported encoding) into a SourceDocument: UTF-8
// text split into pages and lines, with the facts later stages need about the
// layout. Whether a file is a PDF or text is decided by its content, never by
// its extension. Every encoding conversion happens here, once.
//
// Ingest never throws for bad input: a file that cannot be read still yields a
// SourceDocument whose `status` says why (encrypted, damaged, scanned, empty,
// binary, unreadable), so the caller can account for every input.
//
// Thread-safety: ReadDocument may be called from several threads at once, each
// on its own file, once WarmUpPdfReader() has run. Poppler's messages are
// captured per calling thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ratsdoc/status.h"

namespace ratsdoc {

enum class SourceFormat { kUnknown, kPdf, kText };

// One line of the source as ingest saw it. Offsets are [begin, end) bytes into
// SourceDocument::text and never include the terminating '\n'.
struct SourceLine {
  std::size_t begin = 0;
  std::size_t end = 0;
  int page = 1;  // 1-based
  // True when layout shows the line was wrapped: its paragraph goes on in the
  // next line. Only PDF ingest knows this (has_layout); for text it is false.
  bool continues = false;
  // True for a table row rebuilt from word positions: cells are separated by
  // '\t', and a line break inside a cell is U+2028 LINE SEPARATOR.
  bool table_row = false;
  // True when every word of the line is set in a bold font (PDF only).
  bool bold = false;
  // True when the line lies in the top or bottom margin band of its page
  // (PDF only): where running headers, footers and page numbers live.
  bool page_edge = false;
};

struct SourcePage {
  std::size_t begin = 0;  // first byte of the page in SourceDocument::text
  std::size_t end = 0;    // one past its last byte
  bool ocr = false;       // its text was recognised by OCR (a page without a text layer)
  double ocr_confidence = 0;  // then: the mean word confidence, 0–100
};

// When pages are recognised by OCR (Tesseract), ingest/ocr.h.
enum class OcrMode {
  kAuto,    // pages without a text layer (the default)
  kNever,   // never: such a page stays empty (a PDF of only such pages is pdf-no-text)
  kAlways,  // every page, also those with a text layer (its text layer is ignored)
};

struct SourceDocument {
  std::string path;     // as given by the caller
  SourceFormat format = SourceFormat::kUnknown;
  std::string sha256;   // lowercase hex of the file's bytes; empty if unreadable
  std::uint64_t size_bytes = 0;
  std::string encoding; // "UTF-8", "UTF-16LE", "ISO-8859-1", "windows-1252", ... or "PDF"

  // The whole document as UTF-8; lines end with '\n'. Text files are decoded
  // verbatim (only line endings are unified); PDFs are rebuilt from word boxes.
  std::string text;
  std::vector<SourcePage> pages;  // at least one when status is ok
  std::vector<SourceLine> lines;  // in reading order, covering every line of `text`
  bool has_layout = false;        // true for PDFs: `continues`/`page_edge` are meaningful

  // Not ok when the document could not be read at all; `text` is then empty.
  Status status;
  // Problems that did not stop reading (Poppler's complaints about a damaged
  // but readable PDF, a page that failed); each a sentence, at most a few dozen.
  std::vector<std::string> warnings;
};

struct IngestOptions {
  // Lines whose vertical centre lies within this fraction of the page height
  // from the top or bottom edge, and set apart from the body by a paragraph
  // gap, are marked page_edge. Default: 0.09.
  double edge_band = 0.09;

  // Budgets per document, so that one pathological file costs a warning, not
  // the night's run. A file larger than max_file_bytes is not read (status
  // kTooLarge). A PDF whose reading takes longer than max_seconds, or whose
  // text grows beyond max_text_bytes, stops after the page that crossed the
  // line, keeping the pages read, with a warning. (A single page Poppler
  // never finishes cannot be interrupted.) 0: no limit.
  // Defaults: 1 GiB, 120 s, 256 MiB (the CLI's --max-document-size,
  // --max-document-seconds, --max-document-text).
  std::uint64_t max_file_bytes = std::uint64_t{1} << 30;
  double max_seconds = 120;
  std::size_t max_text_bytes = std::size_t{256} << 20;

  // OCR of PDF pages (--ocr, --ocr-language): which pages, and the Tesseract
  // language(s) ("deu", "deu+eng"). Each recognised page counts against
  // max_seconds like any other. Without OCR built in, kAuto behaves as kNever.
  OcrMode ocr = OcrMode::kAuto;
  std::string ocr_language = "deu";

  // What, besides the bytes, decides the document read: a file read with
  // other options is another entry of the fragment cache.
  std::string CacheKey() const;
};

// Whether this build reads scanned pages by OCR (Tesseract), and its version ("5.3.0"; "" without).
bool OcrAvailable();
std::string OcrVersion();

// Reads and decodes `path`. Always returns a document with `path` set; on
// failure `status` holds the reason and `text` is empty.
SourceDocument ReadDocument(const std::string& path, const IngestOptions& options = {});

// Same, for bytes already in memory (`path` is only used in messages and the
// result). REQUIRES: nothing; any bytes are accepted.
SourceDocument ReadDocumentFromBytes(const std::string& path, std::string bytes,
                                     const IngestOptions& options = {});

// Reads a tiny PDF once, so that Poppler's lazily initialised globals (its
// colour-management profiles and font tables, set up on first use without a
// lock) exist before several threads read PDFs at once. Call it once before
// starting threads that call ReadDocument; idempotent and itself thread-safe.
void WarmUpPdfReader();

}  // namespace ratsdoc
