// Character-level clean-up of one source line: Unicode NFC, ligatures
// expanded, unusual and repeated spaces made single plain spaces, zero-width
// and XML-illegal characters removed, symbol-font bullets made "•". Soft
// hyphens vanish, except one ending the line or a cell line (before U+2028):
// that one marks a hyphenation point for the reflow step.
#pragma once

#include <cstddef>
#include <string_view>

#include "normalize/mapped_text.h"

namespace ratsdoc::normalize {

inline constexpr std::string_view kSoftHyphen = "\u00AD";
inline constexpr std::string_view kCellBreak = "\u2028";

// Cleans `line`, whose first byte is source byte `source_offset`. The result
// has no leading or trailing spaces and no spaces next to '\t' or U+2028.
MappedText CleanCharacters(std::string_view line, std::size_t source_offset);

}  // namespace ratsdoc::normalize
