// The PDF form of a document, drawn with cairo's toy text API in DejaVu Sans:
// A4, running header and "Seite N von M" footer on every page, justified body
// text wrapped to the text width, table cells at fixed column positions
// (wrapped inside their column), bold headings.
#pragma once

#include <string>

#include "model.h"

namespace ratsdoc_bench {

class PdfWriter {
 public:
  PdfWriter();
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // Lays the document out; returns its page count. With a non-empty `path`
  // also writes the PDF there. Returns 0 if the file cannot be written.
  int Write(const Document& document, const std::string& path);
  // Wrapped body lines so far that end more than a font size short of the
  // right margin (no break point for a long word): a reader may take them for
  // paragraph ends.
  long short_lines() const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace ratsdoc_bench
