#include "grammar/embedded.h"

namespace ratsdoc::grammar {

const EmbeddedFile* FindEmbeddedFile(std::string_view path) {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

}  // namespace ratsdoc::grammar
