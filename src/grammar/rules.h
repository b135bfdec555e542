// The compiled form of a grammar, shared read-only by the pipeline stages.
// Built only by Grammar::Load (src/grammar/grammar.cc); every RE2 in here has
// compiled successfully and matched its rule's examples.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "grammar/schema.h"
#include "grammar/template.h"
#include "ratsdoc/metadata.h"

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

// One kind of reference ("DS0583/21", "Maßnahme 3.32 der Anlage 2 zur …").
struct ReferenceRule {
  enum class Part {
    kPaper,       // a paper of its own: `id` is its canonical ID
    kAttachment,  // an Anlage of a paper: `attachment` (+ optional `paper`)
    kMeasure,     // a numbered measure of an Anlage: `measure` (+ optional `attachment`, `paper`)
  };
  std::string name;
  std::string kind;  // kind of what it points to: "drucksache", "massnahme", …
  Part part = Part::kPaper;
  std::unique_ptr<RE2> pattern;
  Template id, paper, attachment, measure;
  // A list ("Maßnahmen 4.5 und 4.9"): every match of `list_item` inside the
  // group `list_group` is one reference, its text the template field {item}.
  std::string list_group;
  std::unique_ptr<RE2> list_item;
  std::string example;  // the rule's first <example>, "" without one
};

// A cue that types a reference's relation (grammars/README.md, <relations>).
struct Cue {
  enum class Where { kBefore, kAfter, kColumn, kLineStart };
  Where where = Where::kBefore;
  std::unique_ptr<RE2> pattern;  // unused for kLineStart
  int within_lines = 0;          // kLineStart only
};

struct RelationRule {
  std::string name;  // "answers", "decides", …, or "self" for a document's own number
  std::vector<std::string> document_kinds;  // empty: any
  std::vector<std::string> target_kinds;    // empty: any
  std::vector<Cue> cues;
};

// Structure (grammars/README.md, <structure>): which kind a document is when
// it has no own number, and the named patterns the structure stage uses.
struct KindCue {
  std::unique_ptr<RE2> pattern;  // searched in each line (PartialMatch)
  int within_lines = 0;          // only among the first N non-blank lines; 0: anywhere
  int weight = 1;
};
struct KindRule {
  std::string kind;
  std::vector<KindCue> cues;
};
// One step of a named rewrite list ("nominative": "Beirates für …" →
// "Beirat für …"): RE2::Replace of `pattern` by `replace` (\\1 … groups).
struct Rewrite {
  std::unique_ptr<RE2> pattern;
  std::string replace;
};

// The header form the identity stage reads (grammars/README.md, <identity>).
// A field's name is one of schema::kIdentityFields.
using schema::kIdentityFields;
struct IdentityField {
  std::string name;
  std::unique_ptr<RE2> label;  // a label as written, without its colon (full match)
  std::unique_ptr<RE2> value;  // the shape of its value (full match); null: any text
};
struct IdentityRules {
  bool present = false;  // the grammar has an <identity> section
  int within_lines = 40;  // the form lies within the first N non-blank lines
  std::size_t max_line_bytes = 400;  // a longer line is running text, not part of the form
  std::vector<IdentityField> fields;  // in grammar order
  std::unique_ptr<RE2> any_label;     // every field's label as one alternation: a quick "no label here"
  std::unique_ptr<RE2> aside;      // a value of no label ("öffentlich", "x"): set aside
  std::unique_ptr<RE2> skip;       // a letterhead line: neither label, value nor title
  std::unique_ptr<RE2> title_end;  // a line that ends the title block (a table heading)
  std::unique_ptr<RE2> not_title;  // a line that is never a title (a sentence, a numbered item)
  std::unique_ptr<RE2> title_continues;  // a title's first line that goes on in the next (wrapped)
  std::unique_ptr<RE2> value_continues;  // a free-text value that goes on in the next line ("Schul- und")
};

// <oparl>: how a city's RIS metadata reads (docs/oparl.md).
struct PaperTypeRule {
  std::string paper_type;     // Paper.paperType as written, compared exactly
  std::unique_ptr<RE2> name;       // Paper.name must match it (whole); null: any name
  std::unique_ptr<RE2> reference;  // Paper.reference must match it (whole); null: any reference
  std::string kind;           // the ratsdoc kind
};
struct FileRoleRule {
  FileRole role = FileRole::kOther;
  // File.name (trimmed) must match it (whole); groups schema::file_role.
  std::unique_ptr<RE2> pattern;
};
struct OparlRules {
  std::vector<PaperTypeRule> paper_types;  // first match wins
  std::vector<FileRoleRule> file_roles;    // first match wins; none: kOther
};

struct Rules {
  std::string name;         // the grammar's declared name
  std::string ocr_language; // <ocr language="deu"/>: Tesseract's language for scanned pages; "" when unset
  std::string fingerprint;  // sha256 over every loaded file
  std::vector<FurnitureRule> furniture;
  // The numbering a line may start with ("2.", "4.1)", "TOP 3"), matched at
  // the start of the line. Running-header detection keeps it out of its
  // digit folding: a header does not renumber itself, a series of agenda
  // items does. Null: every digit is folded.
  std::unique_ptr<RE2> enumeration;
  // Words that may follow a suspended compound's hyphen ("Sozial- und"):
  // a line ending "Sozial-" followed by one of them keeps hyphen and space.
  std::vector<std::string> suspension_words;

  std::vector<ReferenceRule> references;
  // Which reference rules can match a text at all: one pass instead of one
  // per rule. Index i is references[i]. Null when there are no rules.
  std::unique_ptr<RE2::Set> reference_set;
  // The kind cues as two automata (unanchored), so that one pass says which
  // cues fire: those with a `within_lines` bound are matched line by line
  // (`line_cues`), those without against the whole text at once, with ^ and $
  // at line ends (`text_cues`). `*_owner[i]` is the (kind, cue) of the i-th
  // pattern of each. Null when there are none.
  std::unique_ptr<RE2::Set> line_cues;
  std::vector<std::pair<std::size_t, std::size_t>> line_cue_owner;
  std::unique_ptr<RE2::Set> text_cues;
  std::vector<std::pair<std::size_t, std::size_t>> text_cue_owner;
  Template attachment_id;  // from {paper} and {attachment}
  Template measure_id;     // from {attachment} (the attachment's ID) and {measure}
  // Kinds of paper that have attachments: a paper of these kinds gives
  // context to an attachment or measure cited without its paper. Empty: any.
  std::vector<std::string> attachment_parent_kinds;
  std::unique_ptr<RE2> measure_row;  // first cell of a measure table row; group `n`
  std::vector<RelationRule> relations;
  std::unique_ptr<RE2> date;         // groups d, m, y
  std::unique_ptr<RE2> date_column;  // header label above a document's own date

  IdentityRules identity;
  OparlRules oparl;

  std::vector<KindRule> kinds;  // in grammar order; the highest score wins
  int kind_threshold = 1;       // a kind needs at least this score
  // The layout each kind is parsed as (<kind layout="…">); a kind not in
  // here is schema::Layout::kNone.
  std::map<std::string, schema::Layout, std::less<>> kind_layouts;
  // Named patterns of the structure stage, by schema name (every key is a
  // schema::Match of Section::kStructure). A name the grammar does not define
  // leaves that field unextracted.
  std::map<std::string, std::unique_ptr<RE2>, std::less<>> matches;
  // <text name="…">: words the structure stage writes, by schema::Text name.
  std::map<std::string, std::string, std::less<>> texts;
  std::map<std::string, std::vector<Rewrite>, std::less<>> rewrites;
  Template question_id;     // from {document} and {number}
  Template agenda_item_id;  // from {document} and {number}

  // The grammar's pattern for `match`, or null when the grammar does not define it.
  const RE2* Match(const schema::Match& match) const {
    const auto found = matches.find(match.name);
    return found == matches.end() ? nullptr : found->second.get();
  }
  // The grammar's <text> `text`, or "" when it does not define it.
  std::string_view Text(const schema::Text& text) const {
    const auto found = texts.find(text.name);
    return found == texts.end() ? std::string_view() : std::string_view(found->second);
  }
  // The first kind (by name) the grammar parses with `layout` ("stellungnahme"
  // for kAnswer); "" when none.
  std::string KindWithLayout(schema::Layout layout) const {
    for (const auto& [kind, mapped] : kind_layouts) {
      if (mapped == layout) return kind;
    }
    return "";
  }
  // The layout the grammar parses documents of `kind` as (kNone when unmapped).
  schema::Layout LayoutOf(std::string_view kind) const {
    const auto found = kind_layouts.find(kind);
    return found == kind_layouts.end() ? schema::Layout::kNone : found->second;
  }
  // `value` through the rewrite list `list` (schema::kRewriteLists), as Rewritten below.
  std::string Rewritten(const schema::Text& list, std::string value) const {
    return Rewritten(list.name, std::move(value));
  }
  // `value` through the rewrite list `list`, every step in order; unchanged
  // when there is no such list.
  std::string Rewritten(std::string_view list, std::string value) const {
    const auto found = rewrites.find(list);
    if (found == rewrites.end()) return value;
    for (const Rewrite& step : found->second) RE2::Replace(&value, *step.pattern, step.replace);
    return value;
  }
};

}  // namespace ratsdoc::grammar
