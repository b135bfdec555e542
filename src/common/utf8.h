// Small UTF-8 helpers shared by the stages. Character classes come from ICU,
// so they are right for every script, not just ASCII.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ratsdoc::utf8 {

// Decodes the code point at `*pos` and advances `*pos` past it. On a malformed
// sequence returns U+FFFD and advances by one byte.
// REQUIRES: *pos < s.size().
char32_t Next(std::string_view s, std::size_t* pos);

// Decodes the code point that ends at `end` (exclusive); sets `*start` to its
// first byte. Returns 0 when end == 0.
char32_t Previous(std::string_view s, std::size_t end, std::size_t* start);

void Append(std::string* out, char32_t cp);

bool IsValid(std::string_view s);

bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);
bool IsDigit(char32_t cp);
bool IsSpace(char32_t cp);  // any Unicode white space, including NBSP

// `s` without leading and trailing ASCII/Unicode white space.
std::string_view Trim(std::string_view s);

// White space (any Unicode space) collapsed to single ASCII spaces, trimmed.
std::string CollapseSpaces(std::string_view text);

}  // namespace ratsdoc::utf8
