// Decodes the bytes of a text file into UTF-8. The encoding is detected from
// the content: a byte-order mark (UTF-8, UTF-16LE/BE), valid UTF-8, UTF-16
// without a BOM (by its NUL pattern), and otherwise ICU's charset detector
// restricted to the encodings council systems actually produce: ISO-8859-1,
// ISO-8859-15 and Windows-1252.
#pragma once

#include <string>
#include <string_view>

#include "ratsdoc/status.h"

namespace ratsdoc::ingest {

struct DecodedText {
  std::string utf8;      // line endings as in the file
  std::string encoding;  // the detected encoding's name, e.g. "windows-1252"
};

// Fails with kBinary when the bytes are not text in any supported encoding
// (too many control bytes), naming the file `path`.
Status DecodeText(const std::string& path, std::string_view bytes, DecodedText* out);

}  // namespace ratsdoc::ingest
