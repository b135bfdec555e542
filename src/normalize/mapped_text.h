// MappedText: a UTF-8 string under construction that remembers, for every
// byte, where in the source it came from. Each normalisation step copies the
// pieces it keeps with their source offsets; the finished anchors become the
// OffsetMap of the NormalizedText.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ratsdoc::normalize {

class MappedText {
 public:
  struct Anchor {
    std::size_t output;  // byte in text()
    std::size_t source;  // byte in the source that output byte came from
  };

  // Appends `piece`, whose first byte came from source byte `source`. Bytes
  // that replace something else (a ligature's "fi", a joining space) are
  // appended the same way, attributed to the source byte they stand for.
  void Append(std::string_view piece, std::size_t source);
  // Appends bytes [from, to) of `other`, keeping their source offsets.
  void AppendFrom(const MappedText& other, std::size_t from, std::size_t to);
  void Append(const MappedText& other) { AppendFrom(other, 0, other.size()); }

  // Source byte that output byte `offset` came from. REQUIRES: not empty().
  std::size_t SourceAt(std::size_t offset) const;
  // Drops bytes from `size` on. REQUIRES: size <= this->size().
  void Truncate(std::size_t size);

  const std::string& text() const { return text_; }
  const std::vector<Anchor>& anchors() const { return anchors_; }
  std::size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }

 private:
  std::string text_;
  std::vector<Anchor> anchors_;
};

}  // namespace ratsdoc::normalize
