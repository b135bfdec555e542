// Rebuilds lines, paragraph breaks and table rows of one PDF page from
// Poppler's word boxes (page::text_list), instead of trusting Poppler's reading
// order, which deletes line-end hyphens, glues "5384-⏎057(VII)22" and reads
// table cells column by column.
//
// Geometry only, no Poppler types: the input is plain PdfWord values, so the
// algorithm is testable without a PDF.
#pragma once

#include <string>
#include <vector>

namespace ratsdoc::ingest {

// One word box. Coordinates in PDF points, origin top-left, y growing down.
struct PdfWord {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;
  bool bold = false;
  bool space_after = false;  // Poppler saw a space between this word and the next
};

struct LaidOutLine {
  // Words joined by spaces; for a table row, cells joined by '\t' and line
  // breaks inside a cell written as U+2028 LINE SEPARATOR.
  std::string text;
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  double font_size = 0;  // median over the line's words
  double first_word = 0; // width of its first word box, in points
  bool table_row = false;
  bool bold = false;          // every word bold
  bool page_edge = false;     // centre within the top/bottom margin band
  bool blank_before = false;  // a paragraph gap separates it from the previous line
  // Wrapped inside a paragraph: the next body line (on this page or the next)
  // follows without a paragraph gap, and this line reaches the page's right
  // margin or has no room there for the next line's first word.
  bool continues = false;
};

struct PageWords {
  std::vector<PdfWord> words;  // in any order; empty words are ignored
  double height = 0;           // page height in points
};

// Lays out every page of a document. Decisions come from geometry measured
// per page and block: paragraph gaps from the line pitch of each type size
// (the table, the header, the body text each their own), wrapped
// lines from each page's right margin and the width of a space, justified
// lines (even gaps up to the margin) are never split into table cells. `edge_band` is the
// fraction of the page height at top and bottom that counts as page edge.
// Returns one vector of lines per page, top to bottom.
std::vector<std::vector<LaidOutLine>> LayOutDocument(const std::vector<PageWords>& pages, double edge_band);

}  // namespace ratsdoc::ingest
