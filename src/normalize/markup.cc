#include "normalize/markup.h"

#include <array>
#include <string_view>

namespace ratsdoc::normalize {
namespace {

// HTML elements that converters leave behind; any other '<' is text.
constexpr std::array<std::string_view, 12> kHtmlTags = {"b", "i", "u", "em", "strong", "br", "br/", "span", "p", "sup", "sub", "small"};

bool IsSeparatorLine(std::string_view s) {
  int rules = 0;
  for (char c : s) {
    if (c == '-' || c == '=' || c == '_' || c == '*') {
      ++rules;
    } else if (c != '\t' && c != ' ' && c != '|') {
      return false;
    }
  }
  return rules >= 3;
}

// Length of an HTML tag from a kHtmlTags element starting at s[pos] == '<', or 0.
std::size_t HtmlTagLength(std::string_view s, std::size_t pos) {
  const std::size_t close = s.find('>', pos);
  if (close == std::string_view::npos || close - pos > 40) return 0;
  std::string_view inner = s.substr(pos + 1, close - pos - 1);
  if (!inner.empty() && inner.front() == '/') inner.remove_prefix(1);
  const std::size_t name_end = inner.find_first_of(" \t");
  const std::string_view name = inner.substr(0, name_end);
  for (std::string_view tag : kHtmlTags) {
    if (name.size() == tag.size() && std::equal(name.begin(), name.end(), tag.begin(), [](char a, char b) {
          return (a | 0x20) == b;
        })) {
      return close - pos + 1;
    }
  }
  return 0;
}

// "[text](target)" at s[pos] == '['; sets the text range and the total length.
bool MarkdownLink(std::string_view s, std::size_t pos, std::size_t* text_end, std::size_t* length) {
  const std::size_t close = s.find("](", pos);
  if (close == std::string_view::npos || s.find('[', pos + 1) < close) return false;
  const std::size_t target_end = s.find(')', close + 2);
  if (target_end == std::string_view::npos || s.find_first_of(" \t", close + 2) < target_end) return false;
  *text_end = close;
  *length = target_end + 1 - pos;
  return true;
}

}  // namespace

MarkupResult StripMarkup(const MappedText& line) {
  MarkupResult result;
  const std::string_view s = line.text();
  if (IsSeparatorLine(s)) {
    result.separator = true;
    return result;
  }
  std::size_t begin = 0;
  std::size_t end = s.size();
  // "## Heading" (Markdown ATX heading).
  std::size_t hashes = 0;
  while (hashes < s.size() && s[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && hashes < s.size() && s[hashes] == ' ') {
    result.heading = true;
    begin = hashes + 1;
  }
  // A line that opens or closes with "**" and has no other emphasis inside is
  // (part of) a bold heading; converters also split one over two lines.
  const std::string_view body = s.substr(begin, end - begin);
  const bool opens = body.starts_with("**");
  const bool closes = body.size() >= 2 && body.ends_with("**");
  if (opens || closes) {
    const std::size_t inner_begin = opens ? 2 : 0;
    const std::size_t inner_end = body.size() >= inner_begin + 2 && closes ? body.size() - 2 : body.size();
    if (inner_end >= inner_begin && body.substr(inner_begin, inner_end - inner_begin).find("**") == std::string_view::npos) {
      result.heading = true;
    }
  }

  std::size_t run = begin;  // start of the pending unchanged run
  auto flush = [&](std::size_t upto) {
    result.text.AppendFrom(line, run, upto);
  };
  std::size_t pos = begin;
  while (pos < end) {
    const char c = s[pos];
    if (c == '\\' && pos + 1 < end && std::string_view("*_#-.[]()<>`\\").find(s[pos + 1]) != std::string_view::npos) {
      flush(pos);
      run = pos + 1;  // keep the escaped character
      pos += 2;
    } else if ((c == '*' || c == '_') && pos + 1 < end && s[pos + 1] == c) {
      flush(pos);
      pos += 2;
      run = pos;
    } else if (c == '<') {
      const std::size_t length = HtmlTagLength(s, pos);
      if (length == 0) {
        ++pos;
        continue;
      }
      flush(pos);
      pos += length;
      run = pos;
    } else if (c == '[' || (c == '!' && pos + 1 < end && s[pos + 1] == '[')) {
      std::size_t text_end = 0, length = 0;
      const std::size_t bracket = c == '!' ? pos + 1 : pos;
      if (!MarkdownLink(s, bracket, &text_end, &length)) {
        ++pos;
        continue;
      }
      flush(pos);
      if (c != '!') result.text.AppendFrom(line, bracket + 1, text_end);  // images carry no text
      pos = bracket + length;
      run = pos;
    } else {
      ++pos;
    }
  }
  flush(end);
  return result;
}

}  // namespace ratsdoc::normalize
