// Where a reference stands in the normalised text: its line, the text before
// and after it on that line, the label of its table column, and the sentence
// around it. Lines are the normalised text's lines: one paragraph, heading,
// list item or table row each (cells separated by '\t').
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ratsdoc/normalize.h"

namespace ratsdoc::references {

class TextLayout {
 public:
  // REQUIRES: `text` outlives this object.
  TextLayout(std::string_view text, const std::vector<Span>& headings);

  Span LineAt(std::size_t offset) const;
  // 0-based index of the line among the non-blank lines of the text.
  int NonBlankLineIndex(std::size_t offset) const;
  // The heading line at or before `offset` (its begin), or 0 without one: the
  // start of the section `offset` is in.
  std::size_t SectionStart(std::size_t offset) const;

  // Up to 200 bytes of the same line before / after [begin, end).
  std::string_view Before(const Span& span) const;
  std::string_view After(const Span& span) const;
  // In a table row: the label of the column (the cell above in the row just
  // before, trimmed); nullopt outside tables.
  std::optional<std::string_view> ColumnLabel(std::size_t offset) const;

  // The sentence containing `span` (ICU sentence boundaries, German
  // abbreviations known), cut to at most about 400 bytes around the span;
  // for a table row, the row with its cells separated by " | ".
  std::string Sentence(const Span& span) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  std::vector<int> non_blank_index_;  // per line; blank lines keep the previous index
  std::vector<std::size_t> heading_starts_;
};

}  // namespace ratsdoc::references
