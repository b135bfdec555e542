// OCR of one PDF page without a text layer: Poppler renders it (300 dpi,
// 8-bit grey), Tesseract finds its orientation (OSD) and recognises it, and
// the words come back as PdfWord boxes in the upright page's points, so that
// the layout stage (pdf_layout.h) lays them out like a text layer's words:
// lines, columns, tables, running headers, hyphenation, all unchanged.
//
//   poppler::page ─► render (grey) ─► blank? ─► OSD: turned? ─► Tesseract ─► PdfWord boxes
//
// No temporary files and no child process: Tesseract's C++ API on the
// rendered pixels. Each thread keeps its own engines (one per language, and
// one for orientation), created on first use and reused for every page.
//
// Thread-safety: RecognizePage may run on many threads at once, each on its
// own page.
#pragma once

#include <string>
#include <vector>

#include "ingest/pdf_layout.h"

namespace poppler {
class page;
}

namespace ratsdoc::ingest {

// Whether this build has OCR (Tesseract), and its version ("5.3.0"); "" without.
bool OcrBuiltIn();
std::string OcrVersion();

// A mean word confidence below this (0–100) makes a warning: the page's text may be wrong.
inline constexpr double kLowOcrConfidence = 60;

struct OcrResult {
  enum class Outcome {
    kRead,        // words were recognised
    kBlank,       // the page is (nearly) white: nothing to recognise, no OCR run
    kUnreadable,  // OCR ran and found nothing, or could not run (`problem` says why)
  };
  Outcome outcome = Outcome::kUnreadable;
  std::vector<PdfWord> words;  // kRead: in points of the upright page, origin top-left
  double height = 0;           // the upright page's height in points
  double mean_confidence = 0;  // kRead: mean of the words' confidences, 0–100
  int rotation = 0;            // degrees the page was turned clockwise and read upright (0, 90, 180, 270)
  int dpi = 0;                 // the resolution it was recognised at
  std::string problem;         // kUnreadable, or a note (a huge page rendered at a lower resolution)
};

// Recognises `page` with Tesseract's `language` ("deu", "deu+eng"). Never
// throws for a page; without OCR built in, returns kUnreadable saying so.
OcrResult RecognizePage(const poppler::page& page, const std::string& language);

}  // namespace ratsdoc::ingest
