// Grammar loading from any bytes: XML parsing, includes, pattern compilation
// and example checks. A bad grammar gives kInvalidGrammar, never a crash.
#include <cstdint>
#include <memory>

#include "fuzz_support.h"
#include "ratsdoc/grammar.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = ratsdoc::fuzz::WriteTemporary(data, size, ".grammar.xml");
  std::shared_ptr<const ratsdoc::Grammar> grammar;
  const ratsdoc::Status status = ratsdoc::Grammar::Load(path, &grammar);
  if (status.ok() != (grammar != nullptr)) __builtin_trap();
  return 0;
}
