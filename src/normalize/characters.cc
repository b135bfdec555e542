#include "normalize/characters.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include "common/utf8.h"

namespace ratsdoc::normalize {
namespace {

enum class Action { kKeep, kDrop, kSpace, kReplace };

struct Decision {
  Action action = Action::kKeep;
  std::string_view replacement;
};

Decision Decide(char32_t cp) {
  if (cp < 0x80) {
    if (cp == '\t') return {};
    if (cp == ' ') return {Action::kSpace, {}};
    if (cp < 0x20 || cp == 0x7F) return {Action::kDrop, {}};
    return {};
  }
  switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return {Action::kSpace, {}};
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0xFFFE: case 0xFFFF:
      return {Action::kDrop, {}};
    case 0x2010: case 0x2011:
      return {Action::kReplace, "-"};
    case 0xFB00: return {Action::kReplace, "ff"};
    case 0xFB01: return {Action::kReplace, "fi"};
    case 0xFB02: return {Action::kReplace, "fl"};
    case 0xFB03: return {Action::kReplace, "ffi"};
    case 0xFB04: return {Action::kReplace, "ffl"};
    case 0xFB05: case 0xFB06: return {Action::kReplace, "st"};
    // Bullets and arrows of the Symbol and Wingdings fonts, which converters
    // leave in the Private Use Area.
    case 0xF06E: case 0xF076: case 0xF0A7: case 0xF0A8: case 0xF0B2: case 0xF0B7: case 0xF0D8: case 0xF0FC:
      return {Action::kReplace, "•"};
    case 0xF0E0: case 0xF0E8: case 0xF0F0:
      return {Action::kReplace, "→"};
    default: break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return {Action::kSpace, {}};
  if (cp >= 0x80 && cp <= 0x9F) return {Action::kDrop, {}};        // C1 controls: illegal in XML 1.0 output
  if (cp >= 0xF000 && cp <= 0xF0FF) return {Action::kDrop, {}};     // other symbol-font glyphs carry no text
  return {};
}

bool EndsWithSeparator(const MappedText& text) {
  const std::string& s = text.text();
  return s.empty() || s.back() == '\t' ||
         (s.size() >= kCellBreak.size() && std::string_view(s).substr(s.size() - kCellBreak.size()) == kCellBreak);
}

// True when only spaces follow `pos` up to the end of the line or a U+2028.
bool AtFragmentEnd(std::string_view line, std::size_t pos) {
  while (pos < line.size()) {
    std::size_t next = pos;
    const char32_t cp = utf8::Next(line, &next);
    if (cp == 0x2028) return true;
    if (Decide(cp).action != Action::kSpace) return false;
    pos = next;
  }
  return true;
}

MappedText ApplyNfc(const MappedText& text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) return text;
  const icu::StringPiece input(text.text().data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(input, error) || U_FAILURE(error)) return text;
  error = U_ZERO_ERROR;
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized);
  icu::Edits edits;
  nfc->normalizeUTF8(0, input, sink, &edits, error);
  if (U_FAILURE(error)) return text;
  MappedText out;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(error)) {
    const auto source = static_cast<std::size_t>(it.sourceIndex());
    if (!it.hasChange()) {
      out.AppendFrom(text, source, source + static_cast<std::size_t>(it.oldLength()));
    } else {
      out.Append(std::string_view(normalized).substr(static_cast<std::size_t>(it.destinationIndex()),
                                                     static_cast<std::size_t>(it.newLength())),
                 text.SourceAt(source));
    }
  }
  return out;
}

}  // namespace

MappedText CleanCharacters(std::string_view line, std::size_t source_offset) {
  MappedText out;
  bool pending_space = false;
  std::size_t space_at = 0;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t start = pos;
    // A run of printable ASCII other than the space is kept as it is, in one piece.
    while (pos < line.size() && line[pos] > 0x20 && line[pos] < 0x7F) ++pos;
    if (pos > start) {
      if (pending_space) out.Append(" ", space_at);
      pending_space = false;
      out.Append(line.substr(start, pos - start), source_offset + start);
      continue;
    }
    const char32_t cp = utf8::Next(line, &pos);
    const std::string_view bytes = line.substr(start, pos - start);
    if (cp == 0x00AD) {
      // Keep a line-final soft hyphen as a hyphenation mark; drop the others.
      if (AtFragmentEnd(line, pos)) out.Append(bytes, source_offset + start);
      continue;
    }
    const Decision decision = Decide(cp);
    if (decision.action == Action::kDrop) continue;
    if (decision.action == Action::kSpace) {
      if (!pending_space && !EndsWithSeparator(out)) {
        pending_space = true;
        space_at = source_offset + start;
      }
      continue;
    }
    const bool separator = cp == '\t' || cp == 0x2028;
    if (pending_space && !separator) out.Append(" ", space_at);
    pending_space = false;
    out.Append(decision.action == Action::kReplace ? decision.replacement : bytes, source_offset + start);
  }
  return ApplyNfc(out);
}

}  // namespace ratsdoc::normalize
