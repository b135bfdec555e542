// Shared by the fuzz targets: the shipped grammar, loaded once, and a
// temporary file for parsers that read from a path.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "ratsdoc/grammar.h"

namespace ratsdoc::fuzz {

inline const Grammar& Magdeburg() {
  static const std::shared_ptr<const Grammar> grammar = [] {
    std::shared_ptr<const Grammar> loaded;
    if (!Grammar::Load("magdeburg", &loaded).ok()) std::abort();
    return loaded;
  }();
  return *grammar;
}

// Writes `data` to a file of this process (named by `suffix`) and returns its path.
inline std::string WriteTemporary(const std::uint8_t* data, std::size_t size, const std::string& suffix) {
  const char* tmp = std::getenv("TMPDIR");
  const std::string path = std::string(tmp != nullptr ? tmp : "/tmp") + "/ratsdoc-fuzz-" +
                           std::to_string(getpid()) + suffix;
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) std::abort();
  if (size > 0 && std::fwrite(data, 1, size, file) != size) std::abort();
  std::fclose(file);
  return path;
}

}  // namespace ratsdoc::fuzz
