#include "hyphenate.h"

#include <cstdint>
#include <string_view>

namespace ratsdoc_bench {
namespace {

struct Letter {
  char32_t c;
  std::size_t offset;
};

bool IsVowel(char32_t c) {
  static constexpr std::u32string_view kVowels = U"aeiouyäöüAEIOUÄÖÜ";
  return kVowels.find(c) != std::u32string_view::npos;
}

bool IsLower(char32_t c) { return (c >= 'a' && c <= 'z') || c == U'ä' || c == U'ö' || c == U'ü' || c == U'ß'; }
bool IsUpper(char32_t c) { return (c >= 'A' && c <= 'Z') || c == U'Ä' || c == U'Ö' || c == U'Ü'; }

// Pairs a break must not separate.
bool Digraph(char32_t a, char32_t b) {
  return (a == 'c' && (b == 'h' || b == 'k')) || (a == 's' && b == 'c') || ((a == 'p' || a == 't') && b == 'h') ||
         (a == 'q' && b == 'u');
}

}  // namespace

std::vector<std::size_t> HyphenationPoints(const std::string& word) {
  std::vector<Letter> letters;
  std::size_t i = 0;
  while (i < word.size()) {
    const std::size_t offset = i;
    const unsigned char b = static_cast<unsigned char>(word[i++]);
    char32_t c = b;
    if (b >= 0xC0 && b < 0xE0 && i < word.size()) {
      c = static_cast<char32_t>(((b & 0x1F) << 6) | (static_cast<unsigned char>(word[i++]) & 0x3F));
    } else if (b >= 0x80) {
      return {};  // anything beyond Latin-1 letters: leave the word alone
    }
    letters.push_back({c, offset});
  }
  // A word with hyphens of its own breaks after them ("Stadtrats-⏎Beschluss-Nr.…",
  // "5384-⏎057(VII)22"), as a typesetter does.
  std::vector<std::size_t> points;
  for (std::size_t k = 2; k + 2 < letters.size(); ++k) {
    if (letters[k - 1].c == '-' && letters[k].c != '-' && letters[k - 2].c != '-') points.push_back(letters[k].offset);
  }
  // A URL breaks after its slashes ("www.magdeburg.de/⏎media/…").
  if (word.find("www.") != std::string::npos || word.find("://") != std::string::npos) {
    for (std::size_t k = 1; k + 1 < letters.size(); ++k) {
      if (letters[k - 1].c == '/' && letters[k].c != '/') points.push_back(letters[k].offset);
    }
  }
  if (!points.empty()) return points;
  // Trailing punctuation stays with the rest of the word.
  std::size_t n = letters.size();
  while (n > 0 && std::u32string_view(U",.;:!?)“").find(letters[n - 1].c) != std::u32string_view::npos) --n;
  if (n < 8) return {};
  for (std::size_t k = 0; k < n; ++k) {
    const char32_t c = letters[k].c;
    if (!(IsLower(c) || (k == 0 && IsUpper(c)))) return {};
  }
  auto is = [&](std::size_t k, char32_t c) { return k < n && letters[k].c == c; };
  for (std::size_t k = 3; k + 3 <= n; ++k) {
    const char32_t before = letters[k - 1].c, at = letters[k].c, after = letters[k + 1].c;
    if (is(k, 's') && is(k + 1, 'c') && is(k + 2, 'h') && before != 's') {  // "Ma-schine", "veran-schlagt"
      points.push_back(letters[k].offset);
      continue;
    }
    if (IsVowel(at) || !IsVowel(after) || at == 'h' || at == U'ß') continue;
    if (before == 'h' && is(k - 2, 'c')) continue;  // not "Besch-luss"
    // V-CV ("Ver-wal-tung"), or before the last consonant of a cluster
    // ("Druck-sache", "Stadt-rat", "Dring-lich-keit"), never inside ch, ck, sc, ph, th, qu;
    // "fr", "tr" … after a consonant go to the next line together ("Stadtrats-frak-tion").
    if (!IsVowel(before) && Digraph(before, at)) continue;
    const bool onset = at == 'r' && !IsVowel(before) && !IsVowel(letters[k - 2].c) && k - 1 >= 3 &&
                       std::u32string_view(U"bdfgkpt").find(before) != std::u32string_view::npos;
    points.push_back(letters[onset ? k - 1 : k].offset);
  }
  return points;
}

}  // namespace ratsdoc_bench
