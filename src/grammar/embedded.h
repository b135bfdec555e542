// The grammar files shipped in grammars/, compiled into the library by
// cmake/EmbedGrammars.cmake. Paths are relative to grammars/ ("magdeburg.xml").
#pragma once

#include <span>
#include <string_view>

namespace ratsdoc::grammar {

struct EmbeddedFile {
  std::string_view path;
  std::string_view content;
};

std::span<const EmbeddedFile> EmbeddedFiles();

// The shipped file at `path` (relative to grammars/), or nullptr.
const EmbeddedFile* FindEmbeddedFile(std::string_view path);

}  // namespace ratsdoc::grammar
