#include <algorithm>

#include "ratsdoc/normalize.h"

namespace ratsdoc {

void OffsetMap::AddAnchor(std::size_t output_offset, std::size_t source_offset) {
  anchors_.push_back(Anchor{output_offset, source_offset});
}

void OffsetMap::SetPageStarts(std::vector<std::size_t> page_starts) { page_starts_ = std::move(page_starts); }

OffsetMap::Location OffsetMap::Locate(std::size_t output_offset) const {
  Location location;
  if (anchors_.empty()) return location;
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), output_offset,
                             [](std::size_t value, const Anchor& a) { return value < a.output; });
  if (it != anchors_.begin()) --it;
  location.source_offset = it->source + (output_offset >= it->output ? output_offset - it->output : 0);
  const auto page = std::upper_bound(page_starts_.begin(), page_starts_.end(), location.source_offset);
  location.page = std::max(1, static_cast<int>(page - page_starts_.begin()));
  return location;
}

}  // namespace ratsdoc
