// Reading graph and fragment files, as `cites` and `link` do: the XML path of
// GraphIndex and FragmentStore::AddFile on any bytes.
#include <cstdint>
#include <memory>

#include "fuzz_support.h"
#include "ratsdoc/archive.h"
#include "ratsdoc/query.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = ratsdoc::fuzz::WriteTemporary(data, size, ".graph.xml");
  ratsdoc::GraphIndex index;
  if (ratsdoc::GraphIndex::Load(path, &index).ok()) {
    std::vector<ratsdoc::Citation> citations;
    (void)index.Lookup("DS0583/21", &citations);
  }
  std::unique_ptr<ratsdoc::FragmentStore> store;
  if (!ratsdoc::FragmentStore::Create("", &store).ok()) return 0;
  (void)store->AddFile(path);
  return 0;
}
