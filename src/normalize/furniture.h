// Finds page furniture — running headers and footers, "Seite N von M", bare
// page numbers — and marks those lines removed. In a PDF, furniture is what
// stands in the page's margin band and repeats on most pages, or matches a
// grammar rule there. In text a converter produced, a running header is a short
// block that recurs in the middle of the text, up to case and digits, but for
// the numbering it starts with (the grammar's <enumeration>): agenda items
// with one title are not a header.
#pragma once

#include <string>
#include <vector>

#include "grammar/rules.h"
#include "normalize/line.h"
#include "ratsdoc/normalize.h"

namespace ratsdoc::normalize {

// Marks furniture in `lines` (removed = true). `page_count` is the number of
// source pages; `has_layout` says whether page_edge flags are meaningful.
// Returns the distinct texts removed as repeated headers or footers.
std::vector<std::string> RemoveFurniture(std::vector<Line>* lines, int page_count, bool has_layout,
                                         const grammar::Rules& rules, const NormalizeOptions& options);

}  // namespace ratsdoc::normalize
