// Ingest of any bytes: PDF (through Poppler and the layout from word boxes)
// or text (charset detection and decoding). Must never crash or hang; a bad
// input gives a status.
#include <cstdint>
#include <string>

#include "ratsdoc/ingest.h"

// OCR is off: a mutated scan would spend seconds in Tesseract (not ours) per
// input; the OCR stage is tested on scans made for it (tests/ingest/ocr_test.cpp).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ratsdoc::IngestOptions options;
  options.ocr = ratsdoc::OcrMode::kNever;
  const ratsdoc::SourceDocument document =
      ratsdoc::ReadDocumentFromBytes("fuzz", std::string(reinterpret_cast<const char*>(data), size), options);
  if (document.status.ok() && document.pages.empty()) __builtin_trap();  // contract: ok ⇒ at least one page
  return 0;
}
