// Programmes and other papers of no particular kind (sonstiges):
// ParseProgramme fills `agenda` with the timed items of an event programme.
//
// Contract (patterns: grammar <match> "programme-…"; without programme-item
// the agenda stays empty):
// - An item line starts with a time and "Uhr" (programme-item). The agenda is
//   every run of at least kMinItems such lines, each at most kMaxGap
//   non-blank lines after the one before, so a lone "16.00 Uhr" in prose is
//   no item.
// - Items are numbered by position ("1", "2", …); `time` is ReadTime
//   ("09:10"). Lines in lower case after the item line, even after one blank
//   line, continue its text (programme-continuation, a wrapped line). The
//   text splits at its last dash into `name` and `speaker`
//   (programme-speaker); without one it is all name. `span` covers the item
//   line and its continuation.
// - No `id`: programme items are not graph vertices. Title and dates are
//   left to structure.cc.
#include <optional>

#include "structure/parsers.h"

namespace ratsdoc::structure {
namespace {

namespace schema = grammar::schema;

constexpr std::size_t kMinItems = 2;  // item lines that make an agenda
constexpr std::size_t kMaxGap = 6;    // non-blank lines allowed between two items of one agenda

struct ItemLine {
  std::size_t line = 0;
  std::string time;
  std::string text;
};

std::optional<ItemLine> AsItemLine(const Page& page, std::size_t index) {
  const Line& line = page.lines()[index];
  if (line.blank()) return std::nullopt;
  const auto groups = page.Groups(schema::kProgrammeItem, line.text);
  if (!groups) return std::nullopt;
  const std::optional<std::string> time = ReadTime(page, *groups, schema::programme_item::kTime, index);
  if (!time) return std::nullopt;
  return ItemLine{index, *time, GroupValue(*groups, schema::programme_item::kText)};
}

std::size_t NonBlankBetween(const std::vector<Line>& lines, std::size_t first, std::size_t last) {
  std::size_t count = 0;
  for (std::size_t i = first + 1; i < last; ++i) count += lines[i].blank() ? 0 : 1;
  return count;
}

// Item lines that stand in runs of at least kMinItems.
std::vector<ItemLine> AgendaLines(const Page& page) {
  std::vector<ItemLine> agenda, run;
  auto close_run = [&]() {
    if (run.size() >= kMinItems) agenda.insert(agenda.end(), run.begin(), run.end());
    run.clear();
  };
  for (std::size_t i = 0; i < page.lines().size(); ++i) {
    std::optional<ItemLine> item = AsItemLine(page, i);
    if (!item) continue;
    if (!run.empty() && NonBlankBetween(page.lines(), run.back().line, i) > kMaxGap) close_run();
    run.push_back(std::move(*item));
  }
  close_run();
  return agenda;
}

// Appends the lines continuing the item at `item.line` to `text`; returns
// the last line of the item.
std::size_t Continue(const Page& page, const ItemLine& item, std::string* text) {
  const std::vector<Line>& lines = page.lines();
  std::size_t last = item.line;
  for (std::size_t next = last + 1; next < lines.size(); next = last + 1) {
    if (lines[next].blank() && next + 1 < lines.size()) ++next;  // one blank line may stand between
    if (lines[next].blank() || AsItemLine(page, next)) break;
    if (!page.LineIs(schema::kProgrammeContinuation, lines[next].text)) break;
    *text += " " + std::string(lines[next].text);
    last = next;
  }
  return last;
}

AgendaItem MakeItem(const Page& page, const ItemLine& line, std::size_t position) {
  AgendaItem item;
  item.number = std::to_string(position);
  item.time = line.time;
  std::string text = line.text;
  const std::size_t last = Continue(page, line, &text);
  item.span = Span{page.lines()[line.line].span.begin, page.lines()[last].span.end};
  text = Collapse(text);
  if (const auto split = page.Groups(schema::kProgrammeSpeaker, text)) {
    item.name = Collapse(GroupValue(*split, schema::programme_speaker::kName));
    item.speaker = Collapse(GroupValue(*split, schema::programme_speaker::kSpeaker));
  } else {
    item.name = text;
  }
  return item;
}

}  // namespace

void ParseProgramme(const Page& page, DocumentStructure* out) {
  const std::vector<ItemLine> lines = AgendaLines(page);
  for (std::size_t i = 0; i < lines.size(); ++i) out->agenda.push_back(MakeItem(page, lines[i], i + 1));
}

}  // namespace ratsdoc::structure
