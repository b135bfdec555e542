// What every per-kind parser of the structure stage works with: the text as
// lines (blank lines kept, so paragraphs are visible), table cells, the
// grammar's named patterns, ISO dates, collapsed text values and person names.
//
// Parsers are functions `void ParseX(const Page& page, DocumentStructure* out)`
// declared in parsers.h; each fills only the fields of its kind.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "common/numbers.h"
#include "grammar/rules.h"
#include "ratsdoc/references.h"
#include "ratsdoc/structure.h"

namespace ratsdoc::structure {

struct Line {
  Span span;
  std::string_view text;  // without the '\n'
  bool blank() const;
  // Cells of a table row, split at '\t', each trimmed; one cell for a plain line.
  std::vector<std::string_view> Cells() const;
};

// The named groups of one match: (group name, text); the whole match first,
// under the name "".
using Groups = std::vector<std::pair<std::string, std::string>>;

// Everything a parser may read. Holds views into `text`. A value the text
// states but that is out of its range is reported through Warn, into the
// document's warnings.
class Page {
 public:
  // `warnings` (not null) receives Warn's messages; it outlives the Page.
  Page(const NormalizedText& text, const grammar::Rules& rules, const DocumentReferences& references,
       std::vector<std::string>* warnings);

  const std::string& text() const { return text_.text; }
  const grammar::Rules& rules() const { return rules_; }
  const DocumentReferences& references() const { return references_; }
  const std::vector<Line>& lines() const { return lines_; }

  // The grammar's pattern for `match` (a schema constant, grammar/schema.h),
  // or null when the grammar does not define it.
  const RE2* Match(const grammar::schema::Match& match) const { return rules_.Match(match); }
  // Whole-line (trimmed) match of `match`; false when it is not defined.
  bool LineIs(const grammar::schema::Match& match, std::string_view line) const;
  // Full match of `match` on `value` (trimmed), returning its named groups;
  // nullopt on no match or when the pattern is not defined. A group that did
  // not take part is absent.
  std::optional<structure::Groups> Groups(const grammar::schema::Match& match, std::string_view value) const;
  // The first partial match of `match` in `value`, with its named groups.
  std::optional<structure::Groups> Find(const grammar::schema::Match& match, std::string_view value) const;

  // Index of the line containing `offset`.
  std::size_t LineIndex(std::size_t offset) const;

  // Adds a sentence to the document's warnings, once.
  void Warn(std::string message) const;

 private:
  const NormalizedText& text_;
  const grammar::Rules& rules_;
  const DocumentReferences& references_;
  std::vector<Line> lines_;
  std::vector<std::string>* warnings_;
};

// Where a pattern matched: the whole match and each named group that took
// part, as byte ranges of the text matched against.
struct Hit {
  Span whole;
  std::vector<std::pair<std::string, Span>> groups;
};

// The first match of `re` in `text` at or after `from` (ANCHOR_BOTH: a match
// of all of `text`); nullopt on no match or when `re` is null.
std::optional<Hit> Locate(const RE2* re, std::string_view text, std::size_t from = 0,
                          RE2::Anchor anchor = RE2::UNANCHORED);

// The span of `group` in `hit`, or nullopt when it did not take part.
std::optional<Span> GroupSpan(const Hit& hit, const grammar::schema::Group& group);

// [span.begin, span.end) of `text`.
inline std::string_view Slice(std::string_view text, Span span) { return text.substr(span.begin, span.end - span.begin); }

// The value of `group` of a full match of `re` on `text`, or "".
std::string FullMatchGroup(const RE2* re, std::string_view text, const grammar::schema::Group& group);

// The text of `group` in `groups` as written, or "" when it did not take part.
std::string GroupValue(const Groups& groups, const grammar::schema::Group& group);

// White space collapsed to single spaces and trimmed. A hyphen followed by a
// space ("Ghone- Schmiedecke") is kept as written; ParsePerson rejoins it in names.
std::string Collapse(std::string_view text);

// The text of lines [first, last) joined by single spaces, blank lines skipped.
std::string JoinLines(const std::vector<Line>& lines, std::size_t first, std::size_t last);

// Fields the document states as numbers, dates or times, read through
// common/numbers.h with their ranges. `what` names the field in a warning
// ("meeting date", "vote count (Ja)"); `line` is the index of the line the
// value stands on, or kNoLine. A value that has the field's form but lies
// outside its range (a vote count of 99999999999, 31.02.2023, 25:70 Uhr) is
// left out with a warning saying what and where; text of another form is
// simply not a value.
inline constexpr std::size_t kNoLine = static_cast<std::size_t>(-1);

// The digits `written` as a number of `range`.
std::optional<int> ReadNumber(const Page& page, const numbers::Range& range, std::string_view what,
                              std::string_view written, std::size_t line);
// "19.04.2023", "9.4.23" → "2023-04-19", by the grammar's <date> pattern
// (groups d, m, y). Searches, so "am 19.04.2023" works.
std::optional<std::string> ReadDate(const Page& page, std::string_view what, std::string_view text, std::size_t line);
// "17:00", "9.10 Uhr", "17 Uhr" → "17:00", "09:10", by the grammar's
// clock-time match (groups h, m; the whole trimmed text); nullopt when not a
// time, or when the grammar has no clock-time.
std::optional<std::string> ReadTime(const Page& page, std::string_view what, std::string_view text, std::size_t line);

// A group of type count, date or time, read as its schema type says: a count
// within the group's range, a date by ReadDate, a time by ReadTime, each
// warning under the group's field name. REQUIRES: `group` has that type.
std::optional<int> ReadCount(const Page& page, const Groups& groups, const grammar::schema::Group& group,
                             std::size_t line);
std::optional<std::string> ReadDate(const Page& page, const Groups& groups, const grammar::schema::Group& group,
                                    std::size_t line);
std::optional<std::string> ReadTime(const Page& page, const Groups& groups, const grammar::schema::Group& group,
                                    std::size_t line);

// A person as written in a cell, signature or header ("Frau Stadträtin Kornelia
// Keune", "Herr Dr. Amjad Alhajjh", "Prof. Dr. Pott"): honorific dropped,
// titles and role words moved to `title` and `role`, the rest the name. Uses
// the grammar's patterns person-honorific, person-title and person-role.
Person ParsePerson(const Page& page, std::string_view written);

}  // namespace ratsdoc::structure
