#include "structure/toolkit.h"

#include <algorithm>
#include <cassert>

#include "common/utf8.h"

namespace ratsdoc::structure {
namespace {

namespace schema = grammar::schema;

std::optional<Groups> Run(const RE2* re, std::string_view value, RE2::Anchor anchor) {
  const std::optional<Hit> hit = Locate(re, value, 0, anchor);
  if (!hit) return std::nullopt;
  Groups groups;
  groups.emplace_back("", std::string(Slice(value, hit->whole)));
  for (const auto& [name, span] : hit->groups) groups.emplace_back(name, std::string(Slice(value, span)));
  return groups;
}

// Length of a match of `re` at the start of `text` that ends at a word
// boundary (white space or the end), or 0.
std::size_t PrefixMatch(const RE2* re, std::string_view text) {
  if (re == nullptr) return 0;
  re2::StringPiece match;
  if (!re->Match(text, 0, text.size(), RE2::ANCHOR_START, &match, 1) || match.empty()) return 0;
  const std::size_t end = match.size();
  if (end < text.size() && text[end] != ' ') return 0;
  return end;
}

}  // namespace

std::optional<Hit> Locate(const RE2* re, std::string_view text, std::size_t from, RE2::Anchor anchor) {
  if (re == nullptr || from > text.size()) return std::nullopt;
  const std::size_t count = static_cast<std::size_t>(re->NumberOfCapturingGroups()) + 1;
  std::vector<re2::StringPiece> pieces(count);
  if (!re->Match(text, from, text.size(), anchor, pieces.data(), static_cast<int>(count))) return std::nullopt;
  auto span_of = [&](const re2::StringPiece& piece) {
    const auto begin = static_cast<std::size_t>(piece.data() - text.data());
    return Span{begin, begin + piece.size()};
  };
  Hit hit{span_of(pieces[0]), {}};
  for (const auto& [name, index] : re->NamedCapturingGroups()) {
    const re2::StringPiece& piece = pieces[static_cast<std::size_t>(index)];
    if (piece.data() != nullptr) hit.groups.emplace_back(name, span_of(piece));
  }
  return hit;
}

std::optional<Span> GroupSpan(const Hit& hit, const schema::Group& group) {
  for (const auto& [name, span] : hit.groups) {
    if (name == group.name) return span;
  }
  return std::nullopt;
}

std::string FullMatchGroup(const RE2* re, std::string_view text, const schema::Group& group) {
  const std::optional<Hit> hit = Locate(re, text, 0, RE2::ANCHOR_BOTH);
  if (!hit) return "";
  const std::optional<Span> span = GroupSpan(*hit, group);
  return span ? std::string(Slice(text, *span)) : "";
}

bool Line::blank() const { return utf8::Trim(text).empty(); }

std::vector<std::string_view> Line::Cells() const {
  std::vector<std::string_view> cells;
  std::size_t pos = 0;
  while (true) {
    const std::size_t tab = text.find('\t', pos);
    cells.push_back(utf8::Trim(text.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos)));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return cells;
}

Page::Page(const NormalizedText& text, const grammar::Rules& rules, const DocumentReferences& references,
           std::vector<std::string>* warnings)
    : text_(text), rules_(rules), references_(references), warnings_(warnings) {
  const std::string_view all = text_.text;
  std::size_t begin = 0;
  while (begin <= all.size()) {
    std::size_t end = all.find('\n', begin);
    if (end == std::string_view::npos) end = all.size();
    lines_.push_back(Line{Span{begin, end}, all.substr(begin, end - begin)});
    if (end == all.size()) break;
    begin = end + 1;
  }
}

bool Page::LineIs(const schema::Match& match, std::string_view line) const {
  const RE2* re = Match(match);
  return re != nullptr && RE2::FullMatch(utf8::Trim(line), *re);
}

std::optional<Groups> Page::Groups(const schema::Match& match, std::string_view value) const {
  return Run(Match(match), utf8::Trim(value), RE2::ANCHOR_BOTH);
}

std::optional<Groups> Page::Find(const schema::Match& match, std::string_view value) const {
  return Run(Match(match), value, RE2::UNANCHORED);
}

std::size_t Page::LineIndex(std::size_t offset) const {
  const auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                                   [](std::size_t at, const Line& line) { return at < line.span.begin; });
  return it == lines_.begin() ? 0 : static_cast<std::size_t>(it - lines_.begin() - 1);
}

std::string GroupValue(const Groups& groups, const schema::Group& group) {
  for (const auto& [key, value] : groups) {
    if (key == group.name) return value;
  }
  return "";
}

std::string Collapse(std::string_view text) { return utf8::CollapseSpaces(text); }

std::string JoinLines(const std::vector<Line>& lines, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i < last && i < lines.size(); ++i) {
    if (lines[i].blank()) continue;
    if (!out.empty()) out += ' ';
    out += lines[i].text;
  }
  return Collapse(out);
}

namespace {

// " on line 4" for a warning, or "".
std::string Where(std::size_t line) { return line == kNoLine ? "" : " on line " + std::to_string(line + 1); }

}  // namespace

void Page::Warn(std::string message) const {
  // A line read by two parsers (to recognise it, then to take it apart) is
  // reported once.
  if (std::find(warnings_->begin(), warnings_->end(), message) == warnings_->end()) {
    warnings_->push_back(std::move(message));
  }
}

std::optional<int> ReadNumber(const Page& page, const numbers::Range& range, std::string_view what,
                              std::string_view written, std::size_t line) {
  const std::string_view digits = utf8::Trim(written);
  if (const std::optional<int> value = numbers::ParseInt(digits, range)) return value;
  if (!digits.empty()) {
    page.Warn("The " + std::string(what) + " \"" + std::string(digits) + "\"" + Where(line) +
              " is not a number from " + std::to_string(range.min) + " to " + std::to_string(range.max) +
              "; it is left out.");
  }
  return std::nullopt;
}

std::optional<std::string> ReadDate(const Page& page, std::string_view what, std::string_view text, std::size_t line) {
  const std::optional<Hit> hit = Locate(page.rules().date.get(), text);
  if (!hit) return std::nullopt;
  auto part = [&](const schema::Group& group) {
    const std::optional<Span> span = GroupSpan(*hit, group);
    return span ? Slice(text, *span) : std::string_view();
  };
  const std::string_view d = part(schema::date::kDay), m = part(schema::date::kMonth), y = part(schema::date::kYear);
  if (std::optional<std::string> iso = numbers::IsoDate(d, m, y)) return iso;
  page.Warn("The " + std::string(what) + " \"" + std::string(Slice(text, hit->whole)) + "\"" + Where(line) +
            " is not a calendar date; it is left out.");
  return std::nullopt;
}

std::optional<std::string> ReadTime(const Page& page, std::string_view what, std::string_view text, std::size_t line) {
  text = utf8::Trim(text);
  const auto groups = page.Groups(schema::kClockTime, text);
  if (!groups) return std::nullopt;
  std::string minutes = GroupValue(*groups, schema::clock_time::kMinute);
  if (minutes.empty()) minutes = "00";
  if (std::optional<std::string> iso = numbers::IsoTime(GroupValue(*groups, schema::clock_time::kHour), minutes)) {
    return iso;
  }
  page.Warn("The " + std::string(what) + " \"" + std::string(text) + "\"" + Where(line) +
            " is not a time of day; it is left out.");
  return std::nullopt;
}

std::optional<int> ReadCount(const Page& page, const Groups& groups, const schema::Group& group, std::size_t line) {
  assert(group.type == schema::Type::kCount && group.range != nullptr);
  return ReadNumber(page, *group.range, group.Field(), GroupValue(groups, group), line);
}

std::optional<std::string> ReadDate(const Page& page, const Groups& groups, const schema::Group& group,
                                    std::size_t line) {
  assert(group.type == schema::Type::kDate);
  return ReadDate(page, group.Field(), GroupValue(groups, group), line);
}

std::optional<std::string> ReadTime(const Page& page, const Groups& groups, const schema::Group& group,
                                    std::size_t line) {
  assert(group.type == schema::Type::kTime);
  return ReadTime(page, group.Field(), GroupValue(groups, group), line);
}

Person ParsePerson(const Page& page, std::string_view written) {
  Person person;
  std::string rest = Collapse(written);
  const RE2* honorific = page.Match(schema::kPersonHonorific);
  const RE2* title = page.Match(schema::kPersonTitle);
  const RE2* role = page.Match(schema::kPersonRole);
  // Prefixes in any order: "Frau Stadträtin Dr. …", "Stadträtin Dr. …", "Herr Dr. …".
  for (bool found = true; found && !rest.empty();) {
    found = false;
    std::string_view view = rest;
    if (const std::size_t n = PrefixMatch(honorific, view)) {
      rest.erase(0, std::min(rest.size(), n + 1));
      found = true;
    } else if (const std::size_t t = PrefixMatch(title, view)) {
      person.title += (person.title.empty() ? "" : " ") + rest.substr(0, t);
      rest.erase(0, std::min(rest.size(), t + 1));
      found = true;
    } else if (const std::size_t r = PrefixMatch(role, view)) {
      person.role += (person.role.empty() ? "" : " ") + rest.substr(0, r);
      rest.erase(0, std::min(rest.size(), r + 1));
      found = true;
    }
  }
  // A hyphen whose line break was lost inside a name: "Ghone- Schmiedecke".
  std::string name;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    name += rest[i];
    if (rest[i] == '-' && i + 1 < rest.size() && rest[i + 1] == ' ' && i > 0 && rest[i - 1] != ' ') ++i;
  }
  person.name = std::move(name);
  return person;
}

}  // namespace ratsdoc::structure
