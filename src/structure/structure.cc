// The structure stage: kind by content → the kind's parser → units.
#include "ratsdoc/structure.h"

#include <algorithm>
#include <set>

#include "common/utf8.h"
#include "structure/parsers.h"
#include "structure/toolkit.h"

namespace ratsdoc {
namespace {

using structure::Line;
using structure::Page;
namespace schema = grammar::schema;

// The kind, decided once by the identity stage and the own number
// (DocumentReferences::kind); kNoKind when neither gives one.
std::string Classify(const Page& page) {
  const std::string& kind = page.references().kind;
  return kind.empty() ? std::string(kNoKind) : kind;
}

// A title for papers whose parser found none: a "Thema: …" line near the top
// (grammar pattern title-line, group `title`), else the first non-blank line.
std::string FallbackTitle(const Page& page) {
  int seen = 0;
  for (const Line& line : page.lines()) {
    if (line.blank()) continue;
    if (const auto groups = page.Groups(schema::kTitleLine, line.text)) return structure::Collapse(structure::GroupValue(*groups, schema::title_line::kTitle));
    if (++seen >= 5) break;
  }
  for (const Line& line : page.lines()) {
    if (!line.blank()) return structure::Collapse(line.text);
  }
  return "";
}

// Every date the text names, ISO, once each, in order of appearance.
std::vector<std::string> AllDates(const Page& page) {
  std::vector<std::string> dates;
  std::set<std::string> seen;
  const RE2* date = page.rules().date.get();
  const std::string_view text = page.text();
  std::size_t pos = 0;
  while (const std::optional<structure::Hit> hit = structure::Locate(date, text, pos)) {
    if (const auto iso = structure::ReadDate(page, "date", structure::Slice(text, hit->whole),
                                             page.LineIndex(hit->whole.begin))) {
      if (seen.insert(*iso).second) dates.push_back(*iso);
    }
    pos = hit->whole.begin + std::max<std::size_t>(hit->whole.end - hit->whole.begin, 1);
  }
  return dates;
}

std::vector<Unit> UnitsOf(const DocumentStructure& s) {
  std::vector<Unit> units;
  for (const Question& q : s.questions) {
    if (!q.id.empty()) units.push_back(Unit{q.id, kQuestionUnit, q.number, q.span, false});
  }
  for (const AgendaItem& item : s.agenda) {
    if (!item.id.empty()) units.push_back(Unit{item.id, kAgendaItemUnit, item.number, item.span, true});
  }
  for (const Measure& m : s.measures) units.push_back(Unit{m.id, kMeasureUnit, m.number, m.span, true});
  std::stable_sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.span.begin < b.span.begin; });
  return units;
}

// The unit's ID by the grammar's template `t`; without one,
// "{document}#{unit kind}{number}" in SPEC's unit vocabulary.
std::string FillUnitId(const grammar::Template& t, const std::string& document, const std::string& number,
                       std::string_view unit_kind) {
  std::optional<std::string> id;
  if (!t.empty()) {
    id = t.Fill([&](const grammar::Template::Field& field) -> std::optional<std::string_view> {
      if (field.name == schema::template_field::kDocument) return document;
      if (field.name == schema::template_field::kNumber) return number;
      return std::nullopt;
    });
  }
  return id.value_or(document + "#" + std::string(unit_kind) + number);
}

}  // namespace

DocumentStructure ExtractStructure(const NormalizedText& text, const Grammar& grammar,
                                   const DocumentReferences& references, const std::string& document_id,
                                   const DocumentIdentity& identity) {
  DocumentStructure out;
  const Page page(text, grammar.rules(), references, &out.warnings);
  out.kind = Classify(page);
  // The grammar maps each kind to the layout its papers have (<kind layout>).
  const schema::Layout layout = grammar.rules().LayoutOf(out.kind);
  switch (layout) {
    case schema::Layout::kAnswer: structure::ParseStellungnahme(page, &out); break;
    case schema::Layout::kRequest: structure::ParseAnfrageOrAntrag(page, &out); break;
    case schema::Layout::kDecision: structure::ParseBeschluss(page, &out); break;
    case schema::Layout::kProposal: structure::ParseDrucksache(page, &out); break;
    case schema::Layout::kMinutes: structure::ParseProtokoll(page, &out); break;
    case schema::Layout::kAnnex: structure::ParseAnlage(page, &out); break;
    case schema::Layout::kNone:
      structure::ParseProgramme(page, &out);
      out.dates = AllDates(page);
      break;
  }
  if (out.title.empty()) out.title = identity.title;
  if (out.title.empty()) out.title = FallbackTitle(page);
  for (Question& q : out.questions) {
    q.id = FillUnitId(grammar.rules().question_id, document_id, q.number, kQuestionUnit);
  }
  if (layout == schema::Layout::kMinutes) {
    for (AgendaItem& item : out.agenda) {
      item.id = FillUnitId(grammar.rules().agenda_item_id, document_id, item.number, kAgendaItemUnit);
    }
  }
  for (Measure& m : out.measures) {
    m.id = MeasureIdOf(document_id, m.key.empty() ? m.number : m.key, grammar);
  }
  out.units = UnitsOf(out);
  return out;
}

std::string AgendaItemIdOf(const std::string& document, const std::string& number, const Grammar& grammar) {
  return FillUnitId(grammar.rules().agenda_item_id, document, number, kAgendaItemUnit);
}

void AttributeToUnits(const std::vector<Unit>& units, std::vector<Reference>* references) {
  for (Reference& reference : *references) {
    std::size_t best_size = 0;
    for (const Unit& unit : units) {
      if (unit.span.begin <= reference.span.begin && reference.span.end <= unit.span.end &&
          (reference.unit.empty() || unit.span.end - unit.span.begin < best_size)) {
        reference.unit = unit.id;
        best_size = unit.span.end - unit.span.begin;
      }
    }
  }
}

}  // namespace ratsdoc
