#include "references/context.h"

#include <algorithm>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "common/utf8.h"

namespace ratsdoc::references {
namespace {

constexpr std::size_t kCueWindow = 200;
constexpr std::size_t kMaxContext = 400;
constexpr std::size_t kMaxTableRow = 2000;  // a table row up to this size is quoted whole
constexpr std::size_t kSentenceWindow = 1024;

// Moves `pos` back to the start of a UTF-8 character.
std::size_t CharStart(std::string_view text, std::size_t pos) {
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// One sentence iterator per thread: creating one loads ICU's rules, which
// costs far more than using it.
icu::BreakIterator* SentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard" makes ICU skip abbreviations such as "Nr." and "Abs.".
    std::unique_ptr<icu::BreakIterator> created(
        icu::BreakIterator::createSentenceInstance(icu::Locale("de@ss=standard"), status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return iterator.get();
}

}  // namespace

TextLayout::TextLayout(std::string_view text, const std::vector<Span>& headings) : text_(text) {
  int index = -1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    line_starts_.push_back(start);
    if (!utf8::Trim(text.substr(start, end - start)).empty()) ++index;
    non_blank_index_.push_back(std::max(index, 0));
    if (end == text.size()) break;
    start = end + 1;
  }
  for (const Span& heading : headings) heading_starts_.push_back(heading.begin);
  std::sort(heading_starts_.begin(), heading_starts_.end());
}

Span TextLayout::LineAt(std::size_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  // The line ends before the next one starts (without searching: a line may be megabytes long).
  const std::size_t end = it == line_starts_.end() ? text_.size() : *it - 1;
  return Span{*(it - 1), end};
}

int TextLayout::NonBlankLineIndex(std::size_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return non_blank_index_[static_cast<std::size_t>(it - line_starts_.begin() - 1)];
}

std::size_t TextLayout::SectionStart(std::size_t offset) const {
  const auto it = std::upper_bound(heading_starts_.begin(), heading_starts_.end(), offset);
  return it == heading_starts_.begin() ? 0 : *(it - 1);
}

std::string_view TextLayout::Before(const Span& span) const {
  const Span line = LineAt(span.begin);
  const std::size_t from = CharStart(text_, std::max(line.begin, span.begin > kCueWindow ? span.begin - kCueWindow : 0));
  return text_.substr(from, span.begin - from);
}

std::string_view TextLayout::After(const Span& span) const {
  const Span line = LineAt(span.begin);
  const std::size_t to = CharStart(text_, std::min(line.end, span.end + kCueWindow));
  return span.end >= to ? std::string_view() : text_.substr(span.end, to - span.end);
}

std::optional<std::string_view> TextLayout::ColumnLabel(std::size_t offset) const {
  const Span line = LineAt(offset);
  const std::string_view row = text_.substr(line.begin, line.end - line.begin);
  // A line longer than any table row is no table row (and searching it per reference would be quadratic).
  if (row.size() > kMaxTableRow || row.find('\t') == std::string_view::npos || line.begin == 0) return std::nullopt;
  const std::size_t column = static_cast<std::size_t>(
      std::count(text_.begin() + static_cast<std::ptrdiff_t>(line.begin), text_.begin() + static_cast<std::ptrdiff_t>(offset), '\t'));
  const Span above = LineAt(line.begin - 1);
  std::string_view cells = text_.substr(above.begin, above.end - above.begin);
  if (cells.find('\t') == std::string_view::npos) return std::nullopt;
  for (std::size_t i = 0; i < column; ++i) {
    const std::size_t tab = cells.find('\t');
    if (tab == std::string_view::npos) return std::nullopt;
    cells.remove_prefix(tab + 1);
  }
  return utf8::Trim(cells.substr(0, cells.find('\t')));
}

std::string TextLayout::Sentence(const Span& span) const {
  Span line = LineAt(span.begin);
  std::string_view row = text_.substr(line.begin, line.end - line.begin);
  if (row.size() <= kMaxTableRow && row.find('\t') != std::string_view::npos) {
    std::string out;
    std::string_view rest = row;
    while (true) {
      const std::size_t tab = rest.find('\t');
      const std::string_view cell = utf8::Trim(rest.substr(0, tab));
      if (!cell.empty()) out += (out.empty() ? "" : " | ") + std::string(cell);
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    return out;
  }
  // The sentence is looked for in a window around the reference, so that a
  // line of megabytes costs each of its references the window, not the line.
  if (row.size() > kSentenceWindow) {
    const std::size_t from = CharStart(text_, span.begin > line.begin + kSentenceWindow / 2
                                                  ? span.begin - kSentenceWindow / 2 : line.begin);
    const std::size_t to = CharStart(text_, std::min(line.end, std::max(span.end, from + kSentenceWindow)));
    line = Span{from, to};
    row = text_.substr(line.begin, line.end - line.begin);
  }
  std::size_t begin = line.begin;
  std::size_t end = line.end;
  if (icu::BreakIterator* sentences = SentenceIterator()) {
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, row.data(), static_cast<int64_t>(row.size()), &status);
    if (U_SUCCESS(status)) {
      sentences->setText(utext, status);
      if (U_SUCCESS(status)) {
        const auto local_begin = static_cast<int32_t>(span.begin - line.begin);
        const auto local_end = static_cast<int32_t>(std::min(span.end, line.end) - line.begin);
        const int32_t first = sentences->isBoundary(local_begin) ? local_begin : sentences->preceding(local_begin);
        const int32_t last = sentences->following(std::max(local_end - 1, local_begin));
        if (first != icu::BreakIterator::DONE) begin = line.begin + static_cast<std::size_t>(first);
        if (last != icu::BreakIterator::DONE) end = line.begin + static_cast<std::size_t>(last);
      }
    }
    utext_close(utext);
  }
  std::string prefix;
  std::string suffix;
  if (end - begin > kMaxContext) {
    const std::size_t middle = (span.begin + span.end) / 2;
    const std::size_t from = CharStart(text_, std::max(begin, middle > kMaxContext / 2 ? middle - kMaxContext / 2 : 0));
    const std::size_t to = CharStart(text_, std::min(end, from + kMaxContext));
    if (from > begin) prefix = "…";
    if (to < end) suffix = "…";
    begin = std::min(from, span.begin);
    end = std::max(to, std::min(span.end, line.end));
  }
  std::string sentence = prefix + std::string(utf8::Trim(text_.substr(begin, end - begin))) + suffix;
  // A table row too long to quote whole: its cells as in a short row.
  for (std::size_t tab = sentence.find('\t'); tab != std::string::npos; tab = sentence.find('\t', tab + 3)) {
    sentence.replace(tab, 1, " | ");
  }
  return sentence;
}

}  // namespace ratsdoc::references
