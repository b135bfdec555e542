// Removes what text converters add to council papers: Markdown headings
// ("## …") and emphasis ("**…**"), backslash escapes ("Migrant\*innen"), stray
// HTML tags ("<b>Nr.</b>"), Markdown links ("[text](url)" keeps "text"), and
// separator lines ("---"). Single '*' is kept: German gender forms use it
// ("Migrant*innen"). What the markup said about structure is returned.
#pragma once

#include "normalize/mapped_text.h"

namespace ratsdoc::normalize {

struct MarkupResult {
  MappedText text;
  bool heading = false;    // "#" heading, or a line set wholly in **bold**
  bool separator = false;  // a line of dashes or rules only: drop it
};

// REQUIRES: `line` was cleaned by CleanCharacters (no leading/trailing spaces).
MarkupResult StripMarkup(const MappedText& line);

}  // namespace ratsdoc::normalize
