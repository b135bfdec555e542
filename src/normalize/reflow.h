// Joins the lines a PDF or a hard-wrapping converter broke back into
// paragraphs, and decides about every line-end hyphen:
//   "Wirtschafts-⏎förderung" → "Wirtschaftsförderung"   (hyphenation: joined)
//   "IQ-⏎Netzwerk", "Magdeburg-⏎Stendal"               (capital after: real hyphen)
//   "5384-⏎057(VII)22"                                  (digits: real hyphen)
//   "Sozial-⏎und Wohnungsamt"                          (suspended compound: hyphen and space)
//   "A0038/⏎07"                                         (slash: joined without space)
// A lower-case continuation keeps its hyphen when the document spells the same
// compound with a hyphen elsewhere ("E-⏎Mail" … "E-Mail"). Table rows keep one
// row per line; line breaks inside a cell (U+2028) are joined the same way.
#pragma once

#include <vector>

#include "grammar/rules.h"
#include "normalize/line.h"
#include "ratsdoc/normalize.h"

namespace ratsdoc::normalize {

struct ReflowResult {
  MappedText text;  // paragraphs one per line, '\n'-terminated
  std::vector<Span> headings;
  std::vector<Span> table_rows;
};

// Lines marked removed are skipped (a header between two halves of a paragraph
// does not split it). `has_layout` selects PDF `continues` flags over the
// line-length heuristic used for hard-wrapped text.
ReflowResult Reflow(const std::vector<Line>& lines, bool has_layout, const grammar::Rules& rules);

}  // namespace ratsdoc::normalize
