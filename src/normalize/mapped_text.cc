#include "normalize/mapped_text.h"

#include <algorithm>

namespace ratsdoc::normalize {

void MappedText::Append(std::string_view piece, std::size_t source) {
  if (piece.empty()) return;
  const bool continuous = !anchors_.empty() && anchors_.back().source + (text_.size() - anchors_.back().output) == source;
  if (!continuous) anchors_.push_back(Anchor{text_.size(), source});
  text_.append(piece);
}

void MappedText::AppendFrom(const MappedText& other, std::size_t from, std::size_t to) {
  if (from >= to) return;
  // First anchor of `other` at or before `from`.
  auto it = std::upper_bound(other.anchors_.begin(), other.anchors_.end(), from,
                             [](std::size_t offset, const Anchor& a) { return offset < a.output; });
  --it;  // other's first anchor is at output 0, so this never leaves the range
  std::size_t position = from;
  while (position < to) {
    const auto next = it + 1;
    const std::size_t run_end = next == other.anchors_.end() ? to : std::min(to, next->output);
    Append(std::string_view(other.text_).substr(position, run_end - position), it->source + (position - it->output));
    position = run_end;
    it = next;
  }
}

std::size_t MappedText::SourceAt(std::size_t offset) const {
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                             [](std::size_t value, const Anchor& a) { return value < a.output; });
  if (it == anchors_.begin()) return anchors_.empty() ? 0 : anchors_.front().source;
  --it;
  return it->source + (offset - it->output);
}

void MappedText::Truncate(std::size_t size) {
  text_.resize(size);
  while (!anchors_.empty() && anchors_.back().output >= size) {
    anchors_.pop_back();
  }
}

}  // namespace ratsdoc::normalize
