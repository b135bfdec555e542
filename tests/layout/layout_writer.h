// Test helper: renders a paper's text as a PDF in a chosen page layout, so
// that tests can check that the layout stage gives the same words, paragraphs,
// identity and references from every layout as from the text itself.
//
// The content is a NormalizedText (what ratsdoc read from the paper's text
// form): one paragraph per line, blank lines where the text had them, table
// rows as '\t'-separated cells, whole-line headings set bold. A layout decides
// the page size and margins, the font family, size and line spacing, the
// paragraph spacing, justified or ragged setting, line-end hyphenation
// (bench/generate/hyphenate.h), the running header (one line or two) and
// footer, and how tables are set: as a grid of padded rows with wrapped
// cells, as single-spaced rows at tab stops, or (the header form opening the
// paper) flattened to one cell per line.
//
// Cairo draws the PDF; one call takes a few milliseconds per page. Not
// thread-safe (cairo's toy font API shares a font cache): call from one thread.
#pragma once

#include <string>
#include <vector>

#include "ratsdoc/normalize.h"

namespace ratsdoc::testing {

enum class TableSetting {
  kGrid,      // padded rows, cells wrapped in proportional columns
  kTabStops,  // rows at the body's line pitch, cells at tab stops
  kLines,     // the header form (a table opening the paper) flattened, one cell per
              // line; other tables as kGrid
};

struct PaperLayout {
  std::string name;  // for messages and file names: "a4-sans-justified"
  double page_width = 595.276, page_height = 841.89;  // points (A4)
  double margin_left = 70.9, margin_right = 56.7, margin_top = 92, margin_bottom = 80;
  std::string font_family = "DejaVu Sans";
  double font_size = 11;
  double line_spacing = 1.22;    // line pitch in font sizes
  double paragraph_gap = 0.6;    // extra white after a paragraph, in line pitches
  bool justify = true;
  bool hyphenate = true;
  // Lines at the top of every page of a paper of two pages or more (on a
  // single page nothing tells a running header from the text).
  std::vector<std::string> running_header = {"Landeshauptstadt Magdeburg"};
  bool footer_page_of = true;  // "Seite N von M"; false: "- N -"
  TableSetting tables = TableSetting::kGrid;
};

// The layouts the layout tests render every paper in: A4 and a narrow 9 cm
// column, justified and ragged, three fonts, sizes and spacings, generous
// paragraph spacing, headers of one and two lines, all three table settings.
std::vector<PaperLayout> StandardLayouts();

// What the renderer made, for the test's own checks.
struct RenderedPaper {
  int pages = 0;
  int hyphenated_line_ends = 0;  // words the renderer broke with a hyphen
};

// Writes `text` laid out as `layout` to the PDF file `path`. Returns false and
// sets *error when cairo fails.
bool RenderPaper(const NormalizedText& text, const PaperLayout& layout, const std::string& path,
                 RenderedPaper* rendered, std::string* error);

}  // namespace ratsdoc::testing
