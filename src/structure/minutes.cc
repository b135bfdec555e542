// Minutes (Ergebnisprotokoll, Niederschrift): ParseProtokoll fills
// `has_meeting`, `meeting`, `title`, `participants` and `agenda`.
//
// Contract, part by part (every pattern is a grammar <match> "minutes-…";
// a part whose pattern the grammar lacks stays empty):
// - Meeting: the title paragraph among the first lines (minutes-title, also
//   when a PDF wraps it over up to three lines): body in the nominative
//   (rewrite list "nominative"), session number, public or not, ISO date
//   (else the date the references stage found in the title), start and end
//   time, place. The quorum is the number of a quorum
//   statement anywhere (minutes-quorum), `closed` the time of the closing
//   line (minutes-closing), `minute_taker` the name on or after the
//   F.d.R.d.P. line (minutes-minute-taker).
// - Participants: every person row of the attendance tables before the first
//   agenda item. A table is a column-label row (a cell matching
//   minutes-column-name; minutes-column-attendance marks the attendance
//   column, the first other cell the group column), headed by the one-cell
//   line just above it (Person::section), followed by rows up to the next
//   label row. Rows without a name are not persons. A row without an
//   attendance cell may carry the attendance word inside its name cell (a
//   PDF merging columns). "X für Y" is X substituting for Y; a cell of only
//   capitalised words, four or more and even in number, names one person per
//   pair. Attendance: "present", "excused", or "unknown" (blank, missing).
// - Agenda: headings numbered on from the previous one ("1.", "TOP 2:",
//   "Tagesordnungspunkt 3", sub-items "3.1" under 3); a run of headings with
//   no text between them that starts again at 1 was a table of contents and
//   is dropped. An item's text runs to the next heading or the closing line;
//   its span also covers its sub-items, so references inside are its own.
#include <optional>

#include "structure/parsers.h"

namespace ratsdoc::structure {
namespace {

namespace schema = grammar::schema;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kTitleSearchLines = 8;   // non-blank lines searched for the title
constexpr std::size_t kTitleMaxLines = 3;      // lines a wrapped title may take

// Index of the next non-blank line at or after `from`, or lines.size().
std::size_t NextNonBlank(const std::vector<Line>& lines, std::size_t from) {
  while (from < lines.size() && lines[from].blank()) ++from;
  return from;
}

// --- attendance tables ------------------------------------------------------

// Column positions of an attendance table, from its column-label row.
struct Columns {
  std::size_t group = kNone, name = kNone, attendance = kNone;
};

std::optional<Columns> LabelRow(const Page& page, const std::vector<std::string_view>& cells) {
  if (cells.size() < 2) return std::nullopt;
  Columns columns;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (columns.name == kNone && page.LineIs(schema::kMinutesColumnName, cells[c])) {
      columns.name = c;
    } else if (columns.attendance == kNone && page.LineIs(schema::kMinutesColumnAttendance, cells[c])) {
      columns.attendance = c;
    } else if (columns.group == kNone) {
      columns.group = c;
    }
  }
  if (columns.name == kNone) return std::nullopt;
  return columns;
}

// A one-cell line right above a column-label row heads that table.
bool IsTableHeading(const Page& page, std::size_t index) {
  const std::vector<Line>& lines = page.lines();
  if (lines[index].Cells().size() != 1) return false;
  const std::size_t next = NextNonBlank(lines, index + 1);
  return next < lines.size() && LabelRow(page, lines[next].Cells()).has_value();
}

std::string Cell(const std::vector<std::string_view>& cells, std::size_t column) {
  return column < cells.size() ? Collapse(cells[column]) : std::string();
}

std::string AttendanceOf(const Page& page, std::string_view word) {
  if (page.LineIs(schema::kMinutesPresent, word)) return "present";
  if (page.LineIs(schema::kMinutesExcused, word)) return "excused";
  return "unknown";
}

// Moves an attendance word standing inside `name` into `word`.
void TakeEmbeddedAttendance(const Page& page, std::string* name, std::string* word) {
  const std::optional<Groups> groups = page.Groups(schema::kMinutesEmbeddedAttendance, *name);
  if (!groups) return;
  *word = GroupValue(*groups, schema::minutes_embedded_attendance::kWord);
  *name = Collapse(GroupValue(*groups, schema::minutes_embedded_attendance::kBefore) + " " + GroupValue(*groups, schema::minutes_embedded_attendance::kAfter));
}

// "Kathrin Thäger Tanja Pasewald" → two people, a first name and a surname each.
std::vector<Person> SplitNameList(const Page& page, const std::string& names) {
  std::vector<Person> people;
  std::string pair;
  int words = 0;
  std::size_t begin = 0;
  while (begin < names.size()) {
    std::size_t end = names.find(' ', begin);
    if (end == std::string::npos) end = names.size();
    pair += (pair.empty() ? "" : " ") + names.substr(begin, end - begin);
    if (++words % 2 == 0) {
      people.push_back(ParsePerson(page, pair));
      pair.clear();
    }
    begin = end + 1;
  }
  return people;
}

// The people a name cell names: one, one substituting for another, or a list.
std::vector<Person> PeopleIn(const Page& page, const std::string& written) {
  if (const std::optional<Groups> groups = page.Groups(schema::kMinutesSubstitution, written)) {
    Person person = ParsePerson(page, GroupValue(*groups, schema::minutes_substitution::kPerson));
    person.substitute_for = ParsePerson(page, GroupValue(*groups, schema::minutes_substitution::kFor)).name;
    return {person};
  }
  Person person = ParsePerson(page, written);
  const bool bare = person.title.empty() && person.role.empty() && person.name == written;
  if (bare && page.LineIs(schema::kMinutesNameList, person.name)) return SplitNameList(page, person.name);
  return {person};
}

// The persons of one table row, appended to `out`.
void AddRow(const Page& page, const std::vector<std::string_view>& cells, const Columns& columns,
            const std::string& section, std::vector<Person>* out) {
  std::string name = Cell(cells, columns.name);
  if (const std::optional<Groups> groups = page.Groups(schema::kMinutesNameCell, name)) {
    name = Collapse(GroupValue(*groups, schema::minutes_name_cell::kName));
  }
  std::string word = Cell(cells, columns.attendance);
  if (word.empty()) TakeEmbeddedAttendance(page, &name, &word);
  if (name.empty()) return;
  for (Person& person : PeopleIn(page, name)) {
    person.group = Cell(cells, columns.group);
    person.attendance = AttendanceOf(page, word);
    person.section = section;
    out->push_back(std::move(person));
  }
}

std::vector<Person> Participants(const Page& page, std::size_t end_line) {
  std::vector<Person> people;
  std::optional<Columns> columns;
  std::string section;
  const std::vector<Line>& lines = page.lines();
  for (std::size_t i = 0; i < end_line && i < lines.size(); ++i) {
    if (lines[i].blank()) continue;
    const std::vector<std::string_view> cells = lines[i].Cells();
    if (const std::optional<Columns> labels = LabelRow(page, cells)) {
      columns = labels;
    } else if (IsTableHeading(page, i)) {
      section = Collapse(cells.front());
    } else if (columns && cells.size() > 1) {
      AddRow(page, cells, *columns, section, &people);
    }
  }
  return people;
}

// --- meeting ----------------------------------------------------------------

// The title: the first paragraph (up to kTitleMaxLines one-cell lines, not
// crossing a table heading) among the first lines that reads as a title,
// the longest one when a wrapped title also matches in part.
std::optional<Groups> FindTitle(const Page& page, std::string* title) {
  const std::vector<Line>& lines = page.lines();
  std::size_t seen = 0;
  for (std::size_t i = NextNonBlank(lines, 0); i < lines.size() && seen++ < kTitleSearchLines;
       i = NextNonBlank(lines, i + 1)) {
    std::optional<Groups> best;
    std::string joined;
    for (std::size_t j = i; j < lines.size() && j < i + kTitleMaxLines; ++j) {
      if (lines[j].blank() || lines[j].Cells().size() != 1 || (j > i && IsTableHeading(page, j))) break;
      joined = Collapse(joined + " " + std::string(lines[j].text));
      if (std::optional<Groups> groups = page.Groups(schema::kMinutesTitle, joined)) {
        best = std::move(groups);
        *title = joined;
      }
    }
    if (best) return best;
  }
  return std::nullopt;
}

void ReadTitle(const Page& page, const Groups& groups, Meeting* meeting) {
  namespace title = schema::minutes_title;
  meeting->body = page.rules().Rewritten(schema::kNominative, Collapse(GroupValue(groups, title::kBody)));
  meeting->number = GroupValue(groups, title::kNumber);
  if (!GroupValue(groups, title::kPublic).empty()) {
    meeting->is_public = GroupValue(groups, title::kPrivate).empty() ? "true" : "false";
  }
  meeting->date = ReadDate(page, groups, title::kDate, kNoLine).value_or("");
  meeting->start = ReadTime(page, groups, title::kStart, kNoLine).value_or("");
  meeting->end = ReadTime(page, groups, title::kEnd, kNoLine).value_or("");
  meeting->location = Collapse(GroupValue(groups, title::kLocation));
}

int Quorum(const Page& page) {
  const std::optional<Groups> groups = page.Find(schema::kMinutesQuorum, page.text());
  if (!groups) return -1;
  return ReadCount(page, *groups, schema::minutes_quorum::kN, kNoLine).value_or(-1);
}

// The closing time and the minute-taker, from the end lines.
void ReadClosing(const Page& page, Meeting* meeting) {
  const std::vector<Line>& lines = page.lines();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (const std::optional<Groups> closing = page.Groups(schema::kMinutesClosing, lines[i].text)) {
      meeting->closed = ReadTime(page, *closing, schema::minutes_closing::kTime, i).value_or("");
    } else if (const std::optional<Groups> taker = page.Groups(schema::kMinutesMinuteTaker, lines[i].text)) {
      std::string name = GroupValue(*taker, schema::minutes_minute_taker::kName);
      const std::size_t next = NextNonBlank(lines, i + 1);
      if (name.empty() && next < lines.size()) name = std::string(lines[next].text);
      meeting->minute_taker = ParsePerson(page, name).name;
    }
  }
}

// --- agenda -----------------------------------------------------------------

struct Heading {
  std::size_t line = 0;
  int number = 0;
  int sub = 0;  // 0: a TOP; n: its sub-item n
  std::string name;
  std::size_t text_begin = 0;  // first line of its text
};

std::optional<Heading> ReadHeading(const Page& page, std::size_t index) {
  const std::vector<Line>& lines = page.lines();
  const std::string line = Collapse(lines[index].text);
  std::optional<Groups> groups = page.Groups(schema::kMinutesTopLabelled, line);
  if (!groups) groups = page.Groups(schema::kMinutesTopNumbered, line);
  if (!groups) return std::nullopt;
  const std::optional<int> number = ReadCount(page, *groups, schema::minutes_top::kN, index);
  if (!number) return std::nullopt;
  Heading heading{index, *number, 0, GroupValue(*groups, schema::minutes_top::kName), index + 1};
  if (!GroupValue(*groups, schema::minutes_top::kSub).empty()) {
    const std::optional<int> sub_number = ReadCount(page, *groups, schema::minutes_top::kSub, index);
    if (!sub_number) return std::nullopt;
    heading.sub = *sub_number;
  }
  if (heading.name.empty()) {  // "Tagesordnungspunkt 3" with its title on the next line
    const std::size_t next = NextNonBlank(lines, index + 1);
    if (next < lines.size()) heading.name = Collapse(lines[next].text);
    heading.text_begin = next + 1;
  }
  return heading;
}

bool IsEndOfMinutes(const Page& page, const Line& line) {
  return page.LineIs(schema::kMinutesClosing, line.text) || page.LineIs(schema::kMinutesMinuteTaker, line.text);
}

// True when the headings so far stand on consecutive non-blank lines: a
// table of contents, not the items themselves.
bool IsTableOfContents(const Page& page, const std::vector<Heading>& headings) {
  for (std::size_t h = 1; h < headings.size(); ++h) {
    if (NextNonBlank(page.lines(), headings[h - 1].text_begin) != headings[h].line) return false;
  }
  return true;
}

// Whether `h` continues the numbering of `headings`.
bool FollowsOn(const std::vector<Heading>& headings, const Heading& h) {
  if (headings.empty()) return h.number == 1 && h.sub == 0;
  const Heading& last = headings.back();
  if (h.sub == 0) return h.number == last.number + 1;
  return h.number == last.number && h.sub == last.sub + 1;
}

std::vector<Heading> Headings(const Page& page) {
  std::vector<Heading> headings;
  const std::vector<Line>& lines = page.lines();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!headings.empty() && IsEndOfMinutes(page, lines[i])) break;
    std::optional<Heading> heading = ReadHeading(page, i);
    if (!heading) continue;
    if (heading->number == 1 && heading->sub == 0 && !headings.empty() && IsTableOfContents(page, headings)) {
      headings.clear();
    }
    if (FollowsOn(headings, *heading)) headings.push_back(std::move(*heading));
  }
  return headings;
}

// First line after the agenda item's own text: the next heading, the end
// line of the minutes, or the end of the text.
std::size_t TextEnd(const Page& page, const std::vector<Heading>& headings, std::size_t h) {
  const std::size_t limit = h + 1 < headings.size() ? headings[h + 1].line : page.lines().size();
  for (std::size_t i = headings[h].text_begin; i < limit; ++i) {
    if (IsEndOfMinutes(page, page.lines()[i])) return i;
  }
  return limit;
}

// The end of the item's span: its text, and that of its sub-items for a TOP.
std::size_t SpanEnd(const Page& page, const std::vector<Heading>& headings, std::size_t h) {
  std::size_t last = h;
  while (headings[h].sub == 0 && last + 1 < headings.size() && headings[last + 1].sub != 0) ++last;
  const std::vector<Line>& lines = page.lines();
  std::size_t end = TextEnd(page, headings, last);
  while (end > headings[h].line + 1 && lines[end - 1].blank()) --end;
  return lines[end - 1].span.end;
}

std::vector<AgendaItem> Agenda(const Page& page, const std::vector<Heading>& headings) {
  std::vector<AgendaItem> agenda;
  for (std::size_t h = 0; h < headings.size(); ++h) {
    const Heading& heading = headings[h];
    AgendaItem item;
    item.number = std::to_string(heading.number) + (heading.sub == 0 ? "" : "." + std::to_string(heading.sub));
    item.name = Collapse(heading.name);
    item.text = JoinLines(page.lines(), heading.text_begin, TextEnd(page, headings, h));
    item.span = Span{page.lines()[heading.line].span.begin, SpanEnd(page, headings, h)};
    agenda.push_back(std::move(item));
  }
  return agenda;
}

}  // namespace

void ParseProtokoll(const Page& page, DocumentStructure* out) {
  out->has_meeting = true;
  std::string title;
  if (const std::optional<Groups> groups = FindTitle(page, &title)) {
    ReadTitle(page, *groups, &out->meeting);
    out->title = title;
  }
  if (out->meeting.date.empty()) out->meeting.date = page.references().date;
  out->meeting.quorum = Quorum(page);
  ReadClosing(page, &out->meeting);
  const std::vector<Heading> headings = Headings(page);
  out->participants = Participants(page, headings.empty() ? page.lines().size() : headings.front().line);
  out->agenda = Agenda(page, headings);
}

}  // namespace ratsdoc::structure
