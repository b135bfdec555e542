// The compiled form of a grammar, shared read-only by the pipeline stages.
// Built only by Grammar::Load (src/grammar/grammar.cc); every RE2 in here has
// compiled successfully and matched its rule's examples.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

namespace ratsdoc::grammar {

// A whole line that is page furniture (page number, "Seite 2 von 5", ...).
struct FurnitureRule {
  enum class Scope {
    kAnywhere,  // remove the line wherever it stands
    kPageEdge,  // only at a page edge (PDF) or isolated between blank lines (text)
  };
  std::string name;
  Scope scope = Scope::kAnywhere;
  std::unique_ptr<RE2> line;  // must match the whole line (after trimming)
};

struct Rules {
  std::string name;         // the grammar's declared name
  std::string fingerprint;  // sha256 over every loaded file
  std::vector<FurnitureRule> furniture;
  // Words that may follow a suspended compound's hyphen ("Sozial- und"):
  // a line ending "Sozial-" followed by one of them keeps hyphen and space.
  std::vector<std::string> suspension_words;
};

}  // namespace ratsdoc::grammar
