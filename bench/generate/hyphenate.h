// Hyphenation for the justified PDF body text: where a German word may be
// broken as "prefix-⏎rest". A syllable rule of thumb (V-CV, VC-CV), not a
// dictionary: it only has to look like a typesetter's work, and ratsdoc has
// to join the parts again.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ratsdoc_bench {

// Byte offsets in `word` before which it may be broken, ascending: after a
// hyphen it has, or after the slashes of a URL (the break adds no hyphen); else, for plain words of eight or more
// letters (a leading capital, trailing punctuation allowed), at syllables with
// at least three letters on each side (the break adds a hyphen).
std::vector<std::size_t> HyphenationPoints(const std::string& word);

}  // namespace ratsdoc_bench
