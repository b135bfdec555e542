// Grammar: the data that tells ratsdoc how a city's papers look — page
// furniture (running headers, "Seite N von M"), hyphenation conventions of the
// language, and (in later stages) reference kinds with their RE2 patterns. A
// grammar is an XML file under grammars/ (format: grammars/README.md); the files
// shipped in the repository are compiled into the library, so a grammar can be
// named ("magdeburg") or given as a path to a file on disk.
//
// Every pattern is compiled once, when the grammar loads; every rule's own
// examples are checked then too, so a grammar that loads is known to work on its
// examples. Matching is linear-time (RE2).
//
// Thread-safety: a loaded Grammar is immutable; share one instance between any
// number of threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ratsdoc/status.h"

namespace ratsdoc {

namespace grammar {
struct Rules;  // compiled rules; defined in src/grammar/rules.h
}

class Grammar {
 public:
  // Loads a grammar. `name_or_path` is either the name of a shipped grammar
  // ("magdeburg", the default city) or a path to a grammar XML file; includes
  // are resolved next to the including file, or among the shipped files. On
  // failure returns a kInvalidGrammar status naming file, line, rule and, for a
  // pattern, RE2's own error text; `*out` is then unchanged.
  static Status Load(const std::string& name_or_path, std::shared_ptr<const Grammar>* out);

  // Memory RE2 may use for one compiled pattern (its program and DFA caches).
  // A pattern that does not compile within it is refused at load, so matching
  // any input is linear-time and bounded in memory.
  static constexpr std::int64_t kPatternMemoryBudget = 8 << 20;

  // Names of the grammars shipped inside the library, e.g. {"magdeburg"}.
  static std::vector<std::string> BuiltinNames();

  // The grammar's contract as Markdown: every name ratsdoc reads from a
  // grammar (layouts, named patterns with their groups and types, texts,
  // rewrite lists, identity fields), what it means and which stage reads it.
  // With `grammar`, a last column says what that grammar defines; with
  // nullptr the text is the one grammars/README.md holds between its
  // contract markers.
  static std::string DescribeContract(const Grammar* grammar);

  ~Grammar();
  Grammar(const Grammar&) = delete;
  Grammar& operator=(const Grammar&) = delete;

  // The grammar's declared name, e.g. "magdeburg".
  const std::string& name() const;
  // A fingerprint of everything that was loaded (all files, after includes):
  // equal fingerprints mean equal behaviour. Lowercase hex.
  const std::string& fingerprint() const;
  // The Tesseract language of the city's scanned papers (<ocr language="deu"/>); "" when unset.
  const std::string& ocr_language() const;

  // For the pipeline stages; the layout of Rules is not part of the public API.
  const grammar::Rules& rules() const { return *rules_; }

 private:
  explicit Grammar(std::unique_ptr<grammar::Rules> rules);
  std::unique_ptr<grammar::Rules> rules_;
};

}  // namespace ratsdoc
