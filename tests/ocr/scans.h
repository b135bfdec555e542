// Scans made by the tests themselves: a born-digital PDF's pages rendered by
// Poppler to grey images, turned a little (or by 90°), with noise, wrapped
// into an image-only PDF — what a council's scanner gives. Also the odd pages
// an archive holds: an empty white page, a huge page, a PDF with one text page
// and one scanned page. Used by tests/ingest/ocr_test.cpp and bench/ocr.
#pragma once

#include <string>

namespace ratsdoc::testing {

struct ScanOptions {
  int dpi = 200;          // the scanner's resolution
  double skew = 0;        // degrees, counter-clockwise (a sheet fed slightly askew)
  bool quarter = false;   // the sheet turned by 90° clockwise
  double noise = 0;       // 0–1: share of pixels that are specks (dust, toner); with noise, also grain
  double grain = 6;       // standard deviation of the grain on every pixel (0–255 grey), when noise > 0
  unsigned seed = 1;
};

// The pages of `pdf` (bytes) as an image-only PDF; "" when Poppler cannot open it.
std::string ScanOf(const std::string& pdf, const ScanOptions& options);

// A PDF of one white page (an image with no marks).
std::string BlankScan(int dpi);

// A PDF of one page of `width` x `height` points holding a small image (the
// scan of `pdf`'s first page, at `dpi`).
std::string HugeScan(const std::string& pdf, double width, double height, int dpi);

// A PDF of two pages: the first with a text layer (`text`, in Helvetica), the
// second the scan of `pdf`'s first page.
std::string MixedPdf(const std::string& text, const std::string& pdf, const ScanOptions& options);

}  // namespace ratsdoc::testing
