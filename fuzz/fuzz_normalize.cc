// Text decoding and normalisation (characters, markup, page furniture,
// reflow, the offset map) of any bytes read as a text file.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "ratsdoc/ingest.h"
#include "ratsdoc/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A leading '%' could make the bytes a PDF; this target is about text.
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty() && bytes[0] == '%') bytes[0] = ' ';
  const ratsdoc::SourceDocument source = ratsdoc::ReadDocumentFromBytes("fuzz.txt", std::move(bytes));
  if (!source.status.ok()) return 0;
  const ratsdoc::NormalizedText text = ratsdoc::Normalize(source, ratsdoc::fuzz::Magdeburg());
  // Every output byte maps back into the source.
  if (!text.text.empty() && text.map.Locate(text.text.size() - 1).page < 1) __builtin_trap();
  return 0;
}
