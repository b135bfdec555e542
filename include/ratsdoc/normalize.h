// Normalise: the second pipeline stage. It turns a SourceDocument into the clean
// text every later stage reads, and keeps a map from every byte of that text
// back to its page and its byte in the source. It:
//   - applies Unicode NFC, expands ligatures (ﬁ → fi), drops soft hyphens and
//     zero-width characters, turns unusual spaces into plain spaces, and removes
//     characters that XML 1.0 forbids;
//   - removes converter artifacts (Markdown emphasis and headings, `\*` escapes,
//     <b> tags, Markdown links), remembering which lines were headings;
//   - removes running headers and footers and page numbers;
//   - joins lines a PDF (or a hard-wrapping converter) broke, undoing line-end
//     hyphenation where it is hyphenation ("Wirtschafts-⏎förderung") and keeping
//     real hyphens ("IQ-⏎Netzwerk", "5384-⏎057(VII)22", "Sozial-⏎und").
// The output has one paragraph, heading, list item or table row per line
// (cells separated by '\t'), paragraphs separated by at most one blank line.
//
// Thread-safety: Normalize is a pure function; call it from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ratsdoc/grammar.h"
#include "ratsdoc/ingest.h"

namespace ratsdoc {

// A [begin, end) byte range in a normalised text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Maps byte offsets of the normalised text back to the source. Lookups are
// O(log n) in the number of edits.
class OffsetMap {
 public:
  struct Location {
    int page = 1;                // 1-based page in the source
    std::size_t source_offset = 0;  // byte offset in SourceDocument::text
  };

  // Records that output bytes from `output_offset` on correspond, byte for byte,
  // to source bytes from `source_offset` on, until the next anchor.
  // REQUIRES: output offsets are added in non-decreasing order.
  void AddAnchor(std::size_t output_offset, std::size_t source_offset);
  // Page starts in source offsets, ascending; set once by Normalize.
  void SetPageStarts(std::vector<std::size_t> page_starts);

  // Where output byte `output_offset` came from. Offsets past the end map to the
  // last anchor's run.
  Location Locate(std::size_t output_offset) const;
  std::size_t anchor_count() const { return anchors_.size(); }

 private:
  struct Anchor {
    std::size_t output;
    std::size_t source;
  };
  std::vector<Anchor> anchors_;
  std::vector<std::size_t> page_starts_;
};

struct NormalizedText {
  std::string text;              // UTF-8, NFC, '\n' line ends, no trailing blank lines
  OffsetMap map;                 // output offset → page and source offset
  std::vector<Span> headings;    // lines that the source marked as headings
  std::vector<Span> table_rows;  // lines that are table rows ('\t'-separated cells)
  std::vector<std::string> removed_furniture;  // distinct header/footer lines removed
};

struct NormalizeOptions {
  // A repeated line counts as a running header or footer when it occurs at a
  // page edge on at least this fraction of the pages (PDF). Default: 0.5.
  double furniture_page_fraction = 0.5;
  // In text without page layout, a short block repeated at least this many
  // times is a running header that a converter left in the middle of the text.
  // Default: 3.
  int furniture_min_repeats = 3;
  // ... and must have at least this many words (so repeated section headings
  // such as "Hauptziele" survive). Default: 4.
  int furniture_min_words = 4;
};

// Normalises `source` using the layout rules of `grammar`.
// REQUIRES: source.status.ok().
NormalizedText Normalize(const SourceDocument& source, const Grammar& grammar,
                         const NormalizeOptions& options = {});

}  // namespace ratsdoc
