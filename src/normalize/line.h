// One line between the normalisation steps: cleaned text with its source
// mapping plus the structural facts known about it.
#pragma once

#include "normalize/mapped_text.h"

namespace ratsdoc::normalize {

struct Line {
  MappedText text;
  int page = 1;
  bool blank = false;      // nothing left after cleaning
  bool heading = false;    // Markdown heading, whole-line bold, or a bold PDF line
  bool table_row = false;  // cells separated by '\t'
  bool continues = false;  // PDF layout: the paragraph goes on in the next line
  bool page_edge = false;  // PDF layout: in the top or bottom margin band
  bool removed = false;    // page furniture, a separator line: not part of the text
};

}  // namespace ratsdoc::normalize
