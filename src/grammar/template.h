// Canonical-ID templates of a grammar ("DS{num:4}/{year}"): parsed once when
// the grammar loads, filled for every match. Syntax: grammars/README.md.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ratsdoc/status.h"

namespace ratsdoc::grammar {

class Template {
 public:
  enum class Transform {
    kNone,     // {name}: the value without white space
    kPad,      // {name:4}: also zero-padded to `width` digits
    kUpper,    // {name:upper}
    kRoman,    // {name:roman}: upper-case, a lower-case 'l' read as 'I'
    kText,     // {name:text}: white space kept, each run as one space (names of bodies)
  };
  struct Field {
    std::string name;
    bool from_self = false;  // {self:name}: a group of the document's own-ID match
    Transform transform = Transform::kNone;
    int width = 0;
    std::string rewrite;  // {name:text|nominative}: then the grammar's rewrite list "nominative"
  };

  // Parses `text`. On a syntax error returns kInvalidGrammar with a message
  // (without file or line; the loader adds those).
  static Status Parse(std::string_view text, Template* out);

  // Looks up a field's raw value; nullopt when the field has no value (its
  // group did not take part in the match).
  using Lookup = std::function<std::optional<std::string_view>(const Field&)>;

  // Applies the grammar's rewrite list `list` to `value` (Rules::Rewritten).
  using Rewriter = std::function<std::string(std::string_view list, std::string value)>;

  // The filled-in template, or nullopt when any field has no value. A field
  // with a rewrite list goes through `rewrite` (unchanged when it is null).
  std::optional<std::string> Fill(const Lookup& lookup, const Rewriter& rewrite = nullptr) const;

  bool empty() const { return pieces_.empty(); }
  // Every field the template uses.
  std::vector<Field> fields() const;

 private:
  struct Piece {
    std::string literal;  // used when !is_field
    bool is_field = false;
    Field field;
  };
  std::vector<Piece> pieces_;
};

}  // namespace ratsdoc::grammar
