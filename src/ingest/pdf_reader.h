// The Poppler adapter: opens a PDF from memory with poppler-cpp, reads every
// page's word boxes, lays them out (pdf_layout.h) and fills a SourceDocument.
// Poppler's failures and messages become Status values and warnings here.
#pragma once

#include <string>
#include <vector>

#include "ratsdoc/ingest.h"

namespace ratsdoc::ingest {

// True when `bytes` start like a PDF ("%PDF-" within the first 1024 bytes).
bool LooksLikePdf(std::string_view bytes);

// Fills `doc` (text, pages, lines, warnings) from the PDF in `bytes`. Sets
// doc->status to kPdfEncrypted, kPdfDamaged or kPdfNoText when the PDF cannot
// give text. Poppler's error messages are captured for the calling thread only.
void ReadPdf(const std::string& bytes, const IngestOptions& options, SourceDocument* doc);

// A PDF made of `objects` (numbered from 1; object 1 is the catalogue) with a
// correct cross-reference table, so Poppler reads it without repair: for the
// warm-up and for tests that need PDFs of a given shape.
std::string AssemblePdf(const std::vector<std::string>& objects);
// A content stream object holding `content`.
std::string PdfStream(const std::string& content);

}  // namespace ratsdoc::ingest
