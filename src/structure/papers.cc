// Papers: Stellungnahme, Anfrage, Antrag, Beschluss, Drucksache, Information.
//
// They share one layout: a header table of labelled fields (grammar patterns
// label-…), a body with numbered items (questions, proposals or decision
// points) between an intro line and an end line, and a signature block at
// the end. What differs by kind is which fields are read and what the
// numbered items are.
#include <algorithm>
#include <map>

#include "common/utf8.h"
#include "structure/parsers.h"

namespace ratsdoc::structure {
namespace {

namespace schema = grammar::schema;

// --- header table -----------------------------------------------------------

// The labelled fields of a paper's header tables.
class Header {
 public:
  explicit Header(const Page& page) : page_(page) {
    const std::vector<Line>& lines = page.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::vector<std::string> labels;
      if (!LabelRow(lines[i], &labels)) continue;
      Block block{std::move(labels), {}};
      std::size_t j = i + 1;
      for (; j < lines.size() && !lines[j].blank(); ++j) {
        std::vector<std::string> ignored;
        if (LabelRow(lines[j], &ignored)) break;
        std::vector<std::string> row;
        for (std::string_view cell : lines[j].Cells()) row.push_back(Collapse(cell));
        block.rows.push_back(std::move(row));
      }
      // The header is the first run of adjacent blocks; later blocks (the
      // signature table of a Drucksache) add fields but do not move its end.
      if (blocks_.empty() || i == end_line_) end_line_ = j;
      blocks_.push_back(std::move(block));
      i = j - 1;
    }
  }

  // The values under the label `field` (a schema label, label-…): the
  // cell in that column of each value row; for a label alone on its line,
  // each line below it.
  std::vector<std::string> Column(const schema::Match& field) const {
    std::vector<std::string> values;
    for (const Block& block : blocks_) {
      const std::size_t column = ColumnOf(block, field);
      if (column == kNone) continue;
      for (const std::vector<std::string>& row : block.rows) {
        if (block.labels.size() == 1 && !row.empty()) {
          values.push_back(Collapse(JoinCells(row)));
        } else if (column < row.size() && !row[column].empty()) {
          values.push_back(row[column]);
        }
      }
    }
    return values;
  }

  std::string First(const schema::Match& field) const {
    const std::vector<std::string> values = Column(field);
    return values.empty() ? "" : values.front();
  }

  // The value rows of the block that has the label `field`, each with its
  // cells; extra cells beyond the labels are kept.
  std::vector<std::vector<std::string>> RowsOf(const schema::Match& field, std::vector<std::string>* labels) const {
    for (const Block& block : blocks_) {
      if (ColumnOf(block, field) == kNone) continue;
      *labels = block.labels;
      return block.rows;
    }
    return {};
  }

  // Index of the field's column among `labels` (label names), or kNone.
  std::size_t ColumnIn(const std::vector<std::string>& labels, const schema::Match& field) const {
    for (std::size_t c = 0; c < labels.size(); ++c) {
      if (page_.LineIs(field, labels[c])) return c;
    }
    return kNone;
  }

  // The first line after the header (the first run of adjacent tables).
  std::size_t end_line() const { return end_line_; }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

 private:
  struct Block {
    std::vector<std::string> labels;
    std::vector<std::vector<std::string>> rows;
  };

  static std::string JoinCells(const std::vector<std::string>& row) {
    std::string out;
    for (const std::string& cell : row) out += (out.empty() ? "" : " ") + cell;
    return out;
  }

  bool IsLabel(std::string_view cell) const {
    for (const schema::Match* label : schema::kLabels) {
      const RE2* re = page_.Match(*label);
      if (re != nullptr && RE2::FullMatch(cell, *re)) return true;
    }
    return false;
  }

  // A row whose non-empty cells are all labels; empty cells keep their column.
  bool LabelRow(const Line& line, std::vector<std::string>* labels) const {
    if (line.blank()) return false;
    bool any = false;
    for (std::string_view cell : line.Cells()) {
      if (!cell.empty() && !IsLabel(cell)) return false;
      any = any || !cell.empty();
      labels->emplace_back(cell);
    }
    return any;
  }

  std::size_t ColumnOf(const Block& block, const schema::Match& field) const { return ColumnIn(block.labels, field); }

  const Page& page_;
  std::vector<Block> blocks_;
  std::size_t end_line_ = 0;
};

// --- body -------------------------------------------------------------------

struct NumberedItem {
  std::string number;
  std::size_t first = 0, last = 0;  // lines [first, last)
};

// The first line at or after `from` that is the intro of the numbered items
// (grammar questions-intro), or `from` when there is none.
std::size_t IntroLine(const Page& page, std::size_t from) {
  const std::vector<Line>& lines = page.lines();
  for (std::size_t i = from; i < lines.size(); ++i) {
    if (page.LineIs(schema::kQuestionsIntro, lines[i].text)) return i + 1;
  }
  return from;
}

// The numbered items from `from` on: lines "1. …", "2. …" numbered
// consecutively from 1; an item runs to the next one, to a questions-end
// line, or to `stop`.
std::vector<NumberedItem> NumberedItems(const Page& page, std::size_t from, std::size_t stop) {
  const std::vector<Line>& lines = page.lines();
  std::vector<NumberedItem> items;
  for (std::size_t i = from; i < stop; ++i) {
    if (page.LineIs(schema::kQuestionsEnd, lines[i].text)) break;
    const auto groups = page.Groups(schema::kNumberedItem, lines[i].text);
    if (!groups || GroupValue(*groups, schema::numbered_item::kN) != std::to_string(items.size() + 1)) continue;
    if (!items.empty()) items.back().last = i;
    items.push_back(NumberedItem{GroupValue(*groups, schema::numbered_item::kN), i, stop});
  }
  if (!items.empty()) {
    NumberedItem& last = items.back();
    for (std::size_t i = last.first + 1; i < last.last; ++i) {
      if (page.LineIs(schema::kQuestionsEnd, lines[i].text)) {
        last.last = i;
        break;
      }
    }
  }
  return items;
}

// The text of an item without its number: "1. Wie …" → "Wie …".
std::string ItemText(const Page& page, const NumberedItem& item, std::size_t last) {
  const std::vector<Line>& lines = page.lines();
  const auto groups = page.Groups(schema::kNumberedItem, lines[item.first].text);
  std::string text = groups ? GroupValue(*groups, schema::numbered_item::kText) : std::string(lines[item.first].text);
  const std::string rest = JoinLines(lines, item.first + 1, last);
  if (!rest.empty()) text += " " + rest;
  return Collapse(text);
}

Span SpanOf(const Page& page, std::size_t first, std::size_t last) {
  const std::vector<Line>& lines = page.lines();
  while (last > first && lines[last - 1].blank()) --last;
  if (last <= first) return Span{lines[first].span.begin, lines[first].span.end};
  return Span{lines[first].span.begin, lines[last - 1].span.end};
}

// --- signature --------------------------------------------------------------

bool SignatureLine(const Page& page, std::string_view line) {
  return page.LineIs(schema::kSignatureRole, line) || page.LineIs(schema::kGroupLine, line) || page.LineIs(schema::kSignatureName, line);
}

// The first line of the signature block at the end of the text: the trailing
// run of name, role and Fraktion lines (blank lines between them allowed).
std::size_t SignatureStart(const Page& page) {
  const std::vector<Line>& lines = page.lines();
  std::size_t start = lines.size();
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (lines[i].blank()) continue;
    if (!SignatureLine(page, lines[i].text)) break;
    start = i;
  }
  return start;
}

// Persons of the signature block: a name line starts one; role lines ("Stadträtin,
// Fraktion DIE LINKE") and Fraktion lines below it describe them.
std::vector<Person> Signatures(const Page& page, std::size_t start) {
  const std::vector<Line>& lines = page.lines();
  std::vector<Person> persons;
  for (std::size_t i = start; i < lines.size(); ++i) {
    const std::string line = Collapse(lines[i].text);
    if (line.empty()) continue;
    if (page.LineIs(schema::kSignatureRole, line) && !persons.empty()) {
      const std::size_t comma = line.find(", ");
      Person& person = persons.back();
      person.role = line.substr(0, comma);
      if (comma != std::string::npos) person.group = line.substr(comma + 2);
    } else if (page.LineIs(schema::kGroupLine, line) && !persons.empty()) {
      persons.back().group = line;
    } else if (page.LineIs(schema::kSignatureName, line)) {
      persons.push_back(ParsePerson(page, line));
    }
  }
  return persons;
}

// --- shared fields ------------------------------------------------------------

std::string PublicValue(const Page& page, std::string_view cell) {
  const auto groups = page.Groups(schema::kPublic, cell);
  if (!groups) return "";
  if (!GroupValue(*groups, schema::public_cell::kNot).empty() || !GroupValue(*groups, schema::public_cell::kNo).empty()) return "false";
  return "true";
}

// Gremium / Sitzungstermin rows; a third cell "öffentlich" / "nicht öffentlich"
// says whether the session is public.
std::vector<Session> Sessions(const Page& page, const Header& header) {
  std::vector<std::string> labels;
  const std::vector<std::vector<std::string>> rows = header.RowsOf(schema::kLabelBody, &labels);
  const std::size_t body = header.ColumnIn(labels, schema::kLabelBody);
  const std::size_t date = header.ColumnIn(labels, schema::kLabelSessionDate);
  std::vector<Session> sessions;
  for (const std::vector<std::string>& row : rows) {
    if (body >= row.size() || row[body].empty()) continue;
    Session session;
    session.body = row[body];
    if (date < row.size()) session.date = ReadDate(page, "session date", row[date], kNoLine).value_or("");
    if (labels.size() == 1 && row.size() == 1 && !sessions.empty() && sessions.back().date.empty()) {
      sessions.back().body += " " + row[body];  // a body name wrapped over lines
      continue;
    }
    for (std::size_t c = labels.size(); c < row.size(); ++c) {
      const std::string is_public = PublicValue(page, row[c]);
      if (!is_public.empty()) session.is_public = is_public;
    }
    sessions.push_back(std::move(session));
  }
  return sessions;
}

// Absender lines: a Fraktion line sets the group of the persons below it; a
// Fraktion without persons is a submitter of its own.
std::vector<Person> Submitters(const Page& page, const std::vector<std::string>& lines) {
  std::vector<Person> submitters;
  std::string group;
  bool group_has_person = true;
  auto flush_group = [&]() {
    if (!group_has_person) submitters.push_back(Person{"", "", "", group, "", "", ""});
  };
  for (const std::string& line : lines) {
    if (page.LineIs(schema::kGroupLine, line)) {
      flush_group();
      group = line;
      group_has_person = false;
      continue;
    }
    Person person = ParsePerson(page, line);
    person.group = group;
    group_has_person = true;
    submitters.push_back(std::move(person));
  }
  flush_group();
  return submitters;
}

std::string JoinValues(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : " ") + value;
  return out;
}

// The first reference with `relation`, or null.
const Reference* FirstWith(const Page& page, Relation relation) {
  for (const Reference& reference : page.references().references) {
    if (reference.relation == relation) return &reference;
  }
  return nullptr;
}

// Numbered items between the intro line and the signature, as questions
// (text only) or decisions.
template <typename Item>
std::vector<Item> Items(const Page& page, const Header& header, std::size_t stop) {
  std::vector<Item> out;
  const std::vector<NumberedItem> items = NumberedItems(page, IntroLine(page, header.end_line()), stop);
  for (const NumberedItem& item : items) {
    Item element;
    element.number = item.number;
    element.text = ItemText(page, item, item.last);
    element.span = SpanOf(page, item.first, item.last);
    out.push_back(std::move(element));
  }
  return out;
}

// "Ja: 38, Nein: 9, Enthaltung: 3" lines, each under its subject line.
std::vector<Vote> Votes(const Page& page, std::size_t from, std::size_t stop) {
  const std::vector<Line>& lines = page.lines();
  std::vector<Vote> votes;
  for (std::size_t i = from; i < stop; ++i) {
    const auto subject = page.Groups(schema::kVoteSubject, lines[i].text);
    if (!subject) continue;
    Vote vote;
    vote.subject = Collapse(GroupValue(*subject, schema::vote_subject::kSubject));
    vote.result = Collapse(GroupValue(*subject, schema::vote_subject::kResult));
    std::size_t j = i + 1;
    while (j < stop && lines[j].blank()) ++j;
    if (j < stop) {
      if (const auto counts = page.Groups(schema::kVoteCounts, lines[j].text)) {
        auto count = [&](const schema::Group& group) { return ReadCount(page, *counts, group, j).value_or(-1); };
        vote.yes = count(schema::vote_counts::kYes);
        vote.no = count(schema::vote_counts::kNo);
        vote.abstentions = count(schema::vote_counts::kAbstentions);
      }
    }
    votes.push_back(std::move(vote));
  }
  return votes;
}

// Numbered section headings ("1. Ausgangslage") after the sections-start line
// ("Begründung:"); each section runs to the next heading, a questions-end
// line ("Anlagen:") or the signature.
std::vector<Section> Sections(const Page& page, std::size_t stop) {
  const std::vector<Line>& lines = page.lines();
  std::size_t from = lines.size();
  for (std::size_t i = 0; i < stop; ++i) {
    if (page.LineIs(schema::kSectionsStart, lines[i].text)) {
      from = i + 1;
      break;
    }
  }
  std::vector<Section> sections;
  std::size_t open_line = 0;
  auto close = [&](std::size_t at) {
    if (sections.empty() || !sections.back().text.empty()) return;
    sections.back().text = JoinLines(lines, open_line + 1, at);
    sections.back().span = SpanOf(page, open_line, at);
  };
  for (std::size_t i = from; i < stop; ++i) {
    if (page.LineIs(schema::kQuestionsEnd, lines[i].text) && !page.LineIs(schema::kSectionsStart, lines[i].text)) {
      close(i);
      return sections;
    }
    const auto heading = page.Groups(schema::kSectionHeading, lines[i].text);
    if (!heading || GroupValue(*heading, schema::section_heading::kN) != std::to_string(sections.size() + 1)) continue;
    close(i);
    sections.push_back(Section{GroupValue(*heading, schema::section_heading::kN), Collapse(GroupValue(*heading, schema::section_heading::kTitle)), "", {}});
    open_line = i;
  }
  close(stop);
  return sections;
}

}  // namespace

void ParseStellungnahme(const Page& page, DocumentStructure* out) {
  const Header header(page);
  out->title = header.First(schema::kLabelTitle);
  out->originator = header.First(schema::kLabelOriginator);
  out->distribution = header.First(schema::kLabelDistribution);
  out->distribution_date = ReadDate(page, "distribution date", header.First(schema::kLabelDistributionDate), kNoLine).value_or("");
  const std::string subject = header.First(schema::kLabelSubject);
  if (const auto groups = page.Groups(schema::kSubjectCell, subject)) {
    out->subject_person = ParsePerson(page, GroupValue(*groups, schema::subject_cell::kPerson));
    out->subject_person.group = Collapse(GroupValue(*groups, schema::subject_cell::kGroup));
  }
  const Reference* answered = FirstWith(page, Relation::kAnswers);
  out->subject_paper = answered != nullptr ? answered->target : "";

  const std::size_t signature = SignatureStart(page);
  const std::vector<NumberedItem> items = NumberedItems(page, IntroLine(page, header.end_line()), signature);
  const std::vector<Line>& lines = page.lines();
  for (const NumberedItem& item : items) {
    Question question;
    question.number = item.number;
    question.text = ItemText(page, item, item.first + 1);
    question.answer = JoinLines(lines, item.first + 1, item.last);
    question.span = SpanOf(page, item.first, item.last);
    out->questions.push_back(std::move(question));
  }
  out->signatures = Signatures(page, signature);
}

void ParseAnfrageOrAntrag(const Page& page, DocumentStructure* out) {
  const Header header(page);
  out->title = header.First(schema::kLabelTitle);
  out->addressee = JoinValues(header.Column(schema::kLabelAddressee));
  out->submitters = Submitters(page, header.Column(schema::kLabelSubmitter));
  out->sessions = Sessions(page, header);
  const std::size_t signature = SignatureStart(page);
  out->questions = Items<Question>(page, header, signature);
  out->signatures = Signatures(page, signature);
}

void ParseBeschluss(const Page& page, DocumentStructure* out) {
  const Header header(page);
  out->title = header.First(schema::kLabelTitle);
  Session session;
  session.body = JoinValues(header.Column(schema::kLabelBody));
  session.date = page.references().date;
  session.number = header.First(schema::kLabelSession);
  session.item = header.First(schema::kLabelItem);
  session.is_public = PublicValue(page, header.First(schema::kLabelPublic));
  if (!session.body.empty()) out->sessions.push_back(std::move(session));
  const std::size_t signature = SignatureStart(page);
  out->decisions = Items<Decision>(page, header, signature);
  out->votes = Votes(page, header.end_line(), signature);
  out->signatures = Signatures(page, signature);
}

void ParseDrucksache(const Page& page, DocumentStructure* out) {
  const Header header(page);
  out->title = header.First(schema::kLabelTitle);
  out->originator = header.First(schema::kLabelSubmitter);
  if (out->originator.empty()) out->originator = header.First(schema::kLabelOriginator);
  out->addressee = JoinValues(header.Column(schema::kLabelAddressee));
  out->sessions = Sessions(page, header);
  const std::size_t signature = SignatureStart(page);
  out->decisions = Items<Decision>(page, header, signature);
  out->sections = Sections(page, signature);
  out->signatures = Signatures(page, signature);
}

}  // namespace ratsdoc::structure
