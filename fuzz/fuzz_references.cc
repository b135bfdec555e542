// Reference extraction and document structure on any text: the grammar's
// patterns, resolution, relations, units and the fragment XML of the result.
// An internal error (an exception caught at the document boundary) is a finding.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "ratsdoc/fragment.h"
#include "ratsdoc/graph.h"
#include "ratsdoc/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty() && bytes[0] == '%') bytes[0] = ' ';
  const ratsdoc::DocumentRecord record = ratsdoc::AnalyzeSource(
      ratsdoc::ReadDocumentFromBytes("fuzz.txt", std::move(bytes)), ratsdoc::fuzz::Magdeburg());
  // Analysis catches what a stage throws and records it as internal-error:
  // for the fuzzer that is the crash it looks for.
  if (record.status.code() == ratsdoc::ErrorCode::kInternal) __builtin_trap();
  for (const ratsdoc::Reference& reference : record.references) {
    if (reference.span.begin > reference.span.end || reference.span.end > record.text_bytes) __builtin_trap();
  }
  const ratsdoc::Fragment fragment = ratsdoc::MakeFragment(record);
  if (fragment.facts.references.size() != record.references.size()) __builtin_trap();
  return 0;
}
