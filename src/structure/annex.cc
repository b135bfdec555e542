// Concept annexes ("Anlage 2 zur DS0583/21"): ParseAnlage fills `title`,
// `action_fields` and `measures`.
//
// Contract, part by part (every pattern is a grammar <match> "annex-…" except
// the measure row, which is the references section's <measure-row>; a part
// whose pattern the grammar lacks stays empty):
// - Title: the line after the "Anlage N zur …" heading among the first lines
//   (or the heading's own text after its colon), quotes dropped.
// - Action fields: one per "Handlungsfeld N: Titel" heading, plus the
//   cross-cutting one ("Handlungsfeldübergreifendes"), whose number is the
//   field number all measures under it share, else the grammar's <text>
//   annex-no-shared-number (Magdeburg: "übergreifend"). Its goals
//   are the bulleted lines from "Hauptziele" to the measures, each under the
//   sub-heading line above it (empty when there is none). A lower-case line
//   directly under a goal continues it; a line directly under a sub-heading
//   continues the sub-heading.
// - Measures: every table row whose first cell is a measure row: number as
//   written ("3.1 u. a."), key its group n ("3.1"), text and responsible
//   units from the columns the last label row names (annex-column-text,
//   annex-column-responsible; by default the second and third cell), span
//   the row (and rows continuing it with an empty first cell). IDs are
//   structure.cc's.
// - Responsible units: a cell is split at separators (", ", ";", "/",
//   " sowie ", " in Kooperation mit " …); names the grammar knows to contain
//   a separator are kept whole and stand as units of their own; a trailing
//   "etc." or "u. a.", a leading article, and words broken at a line end are
//   undone. Units under "federführend:" or before "(federführend)" lead, up
//   to the first ";" or partner separator.
#include <algorithm>
#include <optional>

#include "structure/parsers.h"

namespace ratsdoc::structure {
namespace {

namespace schema = grammar::schema;
constexpr int kTitleSearchLines = 5;  // non-blank lines searched for the heading


// ---- Responsible units ------------------------------------------------------

// "Freiwilligen- agentur" → "Freiwilligenagentur"; "Sozial- und" stays.
std::string JoinBrokenWords(const Page& page, const std::string& text) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t from = 0;;) {
    const std::optional<Hit> hit = Locate(page.Match(schema::kAnnexBrokenWord), text, from);
    if (!hit) break;
    Span hyphen{hit->whole.end, hit->whole.end}, tail = hyphen;  // nothing to remove without the groups
    if (const std::optional<Span> span = GroupSpan(*hit, schema::annex_broken_word::kHyphen)) hyphen = *span;
    if (const std::optional<Span> span = GroupSpan(*hit, schema::annex_broken_word::kTail)) tail = *span;
    if (hyphen.end > hyphen.begin && !page.LineIs(schema::kAnnexSuspended, Slice(text, tail))) {
      out.append(text, copied, hyphen.begin - copied);
      copied = hyphen.end;
    }
    from = std::max(hyphen.end, from + 1);
  }
  out.append(text, copied, std::string::npos);
  return out;
}

struct Separator {
  Span span;
  bool ends_lead = false;  // ";" or a partner phrase: the units after it do not lead
};

// The next separator that ends after `pos`. The search starts one character
// early because a separator pattern may look at the character before it.
std::optional<Separator> NextSeparator(const Page& page, std::string_view text, std::size_t pos) {
  const RE2* re = page.Match(schema::kAnnexUnitSeparator);
  for (std::size_t from = pos > 0 ? pos - 1 : 0;;) {
    const std::optional<Hit> hit = Locate(re, text, from);
    if (!hit) return std::nullopt;
    for (const auto& [name, span] : hit->groups) {
      if (span.end <= pos || span.end == span.begin) continue;
      return Separator{Span{std::max(span.begin, pos), span.end}, name == schema::annex_unit_separator::kGroup.name || name == schema::annex_unit_separator::kPartner.name};
    }
    from = hit->whole.begin + 1;
  }
}

// A unit names something: stray punctuation ("," before a separator) is none.
void AddUnit(const Page& page, std::string name, bool lead, std::vector<Responsible>* units) {
  name = Collapse(name);
  if (page.LineIs(schema::kAnnexUnitWord, name)) units->push_back(Responsible{std::move(name), lead});
}

// One piece between separators, cleaned: no "etc.", no leading article, the
// city before its unit split off; a remark in parentheses joins the unit before.
void AddUnits(const Page& page, std::string_view piece, bool lead, std::vector<Responsible>* units) {
  std::string name = Collapse(piece);
  if (!units->empty() && page.LineIs(schema::kAnnexUnitRemark, name)) {
    units->back().name += " " + name;
    return;
  }
  if (const auto etc = page.Groups(schema::kAnnexUnitEtc, name)) name = Collapse(GroupValue(*etc, schema::annex_unit_name_group::kName));
  if (const auto article = page.Groups(schema::kAnnexUnitArticle, name)) name = GroupValue(*article, schema::annex_unit_name_group::kName);
  if (const auto owner = page.Groups(schema::kAnnexUnitOwner, name)) {
    AddUnit(page, GroupValue(*owner, schema::annex_unit_owner::kOwner), lead, units);
    name = GroupValue(*owner, schema::annex_unit_owner::kRest);
  }
  AddUnit(page, std::move(name), lead, units);
}

// The lead marker removed from `text`; true when there was one.
bool StripLeadMarker(const Page& page, std::string* text) {
  const auto marked = page.Groups(schema::kAnnexLead, *text);
  if (!marked) return false;
  *text = GroupValue(*marked, schema::annex_lead::kAfter) + GroupValue(*marked, schema::annex_lead::kBefore);
  return true;
}

std::vector<Responsible> SplitResponsible(const Page& page, std::string_view cell) {
  std::string text = JoinBrokenWords(page, Collapse(cell));
  bool lead = StripLeadMarker(page, &text);
  std::vector<Responsible> units;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::optional<Hit> known = Locate(page.Match(schema::kAnnexUnitName), text, pos);
    const std::optional<Separator> separator = NextSeparator(page, text, pos);
    if (known && known->whole.end > known->whole.begin && (!separator || known->whole.begin <= separator->span.begin)) {
      AddUnits(page, Slice(text, Span{pos, known->whole.begin}), lead, &units);
      AddUnit(page, std::string(Slice(text, known->whole)), lead, &units);
      pos = known->whole.end;
      continue;
    }
    if (!separator) {
      AddUnits(page, Slice(text, Span{pos, text.size()}), lead, &units);
      break;
    }
    AddUnits(page, Slice(text, Span{pos, separator->span.begin}), lead, &units);
    lead = lead && !separator->ends_lead;
    pos = separator->span.end;
  }
  return units;
}

// ---- Title ------------------------------------------------------------------

std::string Unquoted(const Page& page, const std::string& title) {
  const std::string collapsed = Collapse(title);
  const auto groups = page.Groups(schema::kAnnexTitle, collapsed);
  return groups ? GroupValue(*groups, schema::annex_title::kTitle) : collapsed;
}

// A line that opens a part of the annex, so it is no title.
bool IsSectionHeading(const Page& page, std::string_view line) {
  for (const schema::Match* heading : {&schema::kAnnexField, &schema::kAnnexFieldCross, &schema::kAnnexGoals,
                                       &schema::kAnnexMeasures}) {
    if (page.LineIs(*heading, line)) return true;
  }
  return false;
}

std::string Title(const Page& page) {
  const std::vector<Line>& lines = page.lines();
  int seen = 0;
  for (std::size_t i = 0; i < lines.size() && seen < kTitleSearchLines; ++i) {
    if (lines[i].blank()) continue;
    ++seen;
    const auto heading = page.Groups(schema::kAnnexHeading, lines[i].text);
    if (!heading) continue;
    std::string title = GroupValue(*heading, schema::annex_title::kTitle);
    for (std::size_t j = i + 1; Collapse(title).empty() && j < lines.size(); ++j) {
      if (IsSectionHeading(page, lines[j].text)) break;
      title = lines[j].text;
    }
    return Unquoted(page, title);
  }
  return "";
}

// ---- Fields, goals and measures ------------------------------------------------

class AnnexReader {
 public:
  AnnexReader(const Page& page, DocumentStructure* out) : page_(page), out_(out) {}

  void Read() {
    const std::vector<Line>& lines = page_.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].blank()) {
        previous_ = Previous::kBlank;
        continue;
      }
      i = ReadLine(i);
    }
    NumberCrossCuttingFields();
  }

 private:
  // What the previous line was, for lines that continue it.
  enum class Previous { kBlank, kOther, kField, kGoal, kGroup };

  // Reads the line at `i` (and any it consumes); returns the last one read.
  std::size_t ReadLine(std::size_t i) {
    const Line& line = page_.lines()[i];
    Previous now = Previous::kOther;
    if (!MeasureKey(line).empty()) {
      in_goals_ = false;
      i = ReadMeasure(i);
    } else if (OpenField(line.text)) {
      now = Previous::kField;
    } else if (page_.LineIs(schema::kAnnexGoals, line.text)) {
      in_goals_ = !out_->action_fields.empty();
      group_.clear();
    } else if (page_.LineIs(schema::kAnnexMeasures, line.text) || line.Cells().size() > 1) {
      in_goals_ = false;
      ReadColumnLabels(line);
    } else if (in_goals_) {
      now = ReadGoalLine(line.text);
    } else if (previous_ == Previous::kField) {
      std::string& title = out_->action_fields.back().title;
      title = Collapse(title + " " + std::string(line.text));
      now = Previous::kField;
    }
    previous_ = now;
    return i;
  }

  // The measure key (group n of the measure row) of a table row, or "".
  std::string MeasureKey(const Line& line) const {
    const std::vector<std::string_view> cells = line.Cells();
    if (cells.size() < 2) return "";
    return FullMatchGroup(page_.rules().measure_row.get(), cells[0], schema::measure_row::kN);
  }

  bool OpenField(std::string_view text) {
    if (const auto field = page_.Groups(schema::kAnnexField, text)) {
      StartField(GroupValue(*field, schema::annex_field::kN), GroupValue(*field, schema::annex_field::kTitle), false);
      return true;
    }
    if (const auto cross = page_.Groups(schema::kAnnexFieldCross, text)) {
      StartField("", GroupValue(*cross, schema::annex_title::kTitle), true);
      return true;
    }
    return false;
  }

  void StartField(std::string number, const std::string& title, bool cross_cutting) {
    ActionField field;
    field.number = std::move(number);
    field.title = Collapse(title);
    field.cross_cutting = cross_cutting;
    out_->action_fields.push_back(std::move(field));
    first_measure_.push_back(out_->measures.size());
    in_goals_ = false;
    group_.clear();
  }

  Previous ReadGoalLine(std::string_view text) {
    std::vector<Goal>& goals = out_->action_fields.back().goals;
    if (const auto goal = page_.Groups(schema::kAnnexGoal, text)) {
      goals.push_back(Goal{group_, Collapse(GroupValue(*goal, schema::annex_goal::kText))});
      return Previous::kGoal;
    }
    if (previous_ == Previous::kGoal && !goals.empty() && page_.LineIs(schema::kAnnexGoalContinuation, text)) {
      goals.back().text = Collapse(goals.back().text + " " + std::string(text));
      return Previous::kGoal;
    }
    group_ = Collapse((previous_ == Previous::kGroup ? group_ + " " : std::string()) + std::string(text));
    return Previous::kGroup;
  }

  // A row of column labels says which columns hold text and responsible units.
  void ReadColumnLabels(const Line& line) {
    const std::vector<std::string_view> cells = line.Cells();
    std::size_t text = 0, responsible = 0;
    for (std::size_t c = 1; c < cells.size(); ++c) {
      if (text == 0 && page_.LineIs(schema::kAnnexColumnText, cells[c])) text = c;
      if (responsible == 0 && page_.LineIs(schema::kAnnexColumnResponsible, cells[c])) responsible = c;
    }
    if (text == 0 || responsible == 0) return;
    text_column_ = text;
    responsible_column_ = responsible;
  }

  static std::string CellOf(const std::vector<std::string_view>& cells, std::size_t column) {
    return column < cells.size() ? std::string(cells[column]) : std::string();
  }

  // The row at `i` and the rows continuing it (empty first cell).
  std::size_t ReadMeasure(std::size_t i) {
    const std::vector<Line>& lines = page_.lines();
    const std::vector<std::string_view> cells = lines[i].Cells();
    Measure measure;
    measure.number = Collapse(cells[0]);
    measure.key = MeasureKey(lines[i]);
    measure.span = lines[i].span;
    std::string text = CellOf(cells, text_column_);
    std::string responsible = CellOf(cells, responsible_column_);
    for (; i + 1 < lines.size(); ++i) {
      const std::vector<std::string_view> more = lines[i + 1].Cells();
      if (more.size() < 2 || !more[0].empty()) break;
      text += " " + CellOf(more, text_column_);
      responsible += " " + CellOf(more, responsible_column_);
      measure.span.end = lines[i + 1].span.end;
    }
    measure.text = Collapse(text);
    measure.responsible = SplitResponsible(page_, responsible);
    out_->measures.push_back(std::move(measure));
    return i;
  }

  // The field number shared by the keys of measures [first, last), or the
  // grammar's annex-no-shared-number.
  std::string SharedFieldNumber(std::size_t first, std::size_t last) const {
    const std::string none(page_.rules().Text(schema::kAnnexNoSharedNumber));
    std::string shared;
    for (std::size_t m = first; m < last; ++m) {
      const auto key = page_.Groups(schema::kAnnexMeasureKey, out_->measures[m].key);
      const std::string field = key ? GroupValue(*key, schema::annex_measure_key::kField) : "";
      if (field.empty() || (!shared.empty() && field != shared)) return none;
      shared = field;
    }
    return shared.empty() ? none : shared;
  }

  void NumberCrossCuttingFields() {
    std::vector<ActionField>& fields = out_->action_fields;
    for (std::size_t f = 0; f < fields.size(); ++f) {
      if (!fields[f].cross_cutting) continue;
      const std::size_t last = f + 1 < fields.size() ? first_measure_[f + 1] : out_->measures.size();
      fields[f].number = SharedFieldNumber(first_measure_[f], last);
    }
  }

  const Page& page_;
  DocumentStructure* out_;
  std::vector<std::size_t> first_measure_;  // per field: index of its first measure
  std::size_t text_column_ = 1;             // of the measure table, from its label row
  std::size_t responsible_column_ = 2;
  bool in_goals_ = false;
  std::string group_;  // the current goals sub-heading
  Previous previous_ = Previous::kBlank;
};

}  // namespace

void ParseAnlage(const Page& page, DocumentStructure* out) {
  out->title = Title(page);
  AnnexReader(page, out).Read();
}

}  // namespace ratsdoc::structure
