#include "common/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace ratsdoc::utf8 {

char32_t Next(std::string_view s, std::size_t* pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(*pos);
  const auto length = static_cast<int32_t>(s.size());
  UChar32 cp = 0;
  U8_NEXT(bytes, i, length, cp);
  *pos = static_cast<std::size_t>(i);
  return cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp);
}

char32_t Previous(std::string_view s, std::size_t end, std::size_t* start) {
  if (end == 0) {
    *start = 0;
    return 0;
  }
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(end);
  UChar32 cp = 0;
  U8_PREV(bytes, 0, i, cp);
  *start = static_cast<std::size_t>(i);
  return cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp);
}

void Append(std::string* out, char32_t cp) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, static_cast<UChar32>(cp), error);
  if (error) {
    out->append("\xEF\xBF\xBD");
    return;
  }
  out->append(buffer, static_cast<std::size_t>(length));
}

bool IsValid(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 cp = 0;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0) return false;
  }
  return true;
}

bool IsLetter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }
bool IsUpper(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)); }
bool IsLower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }
bool IsDigit(char32_t cp) { return u_isdigit(static_cast<UChar32>(cp)); }
bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');  // ICU's answer for ASCII, without the call
  return u_isUWhiteSpace(static_cast<UChar32>(cp));
}

std::string_view Trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t next = begin;
    if (!IsSpace(Next(s, &next))) break;
    begin = next;
  }
  std::size_t end = s.size();
  while (end > begin) {
    std::size_t start = 0;
    if (!IsSpace(Previous(s, end, &start))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    while (pos < text.size() && text[pos] > 0x20 && text[pos] < 0x7F) ++pos;  // a run of printable ASCII
    if (pos == start && IsSpace(Next(text, &pos))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

}  // namespace ratsdoc::utf8
