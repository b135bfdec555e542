// The references stage: candidates (matcher.cc) → own number → canonical IDs,
// resolved in document order from the context before them → relations.
#include <algorithm>
#include <cctype>
#include <optional>

#include "common/numbers.h"
#include "common/utf8.h"
#include "grammar/rules.h"
#include "ratsdoc/references.h"
#include "references/context.h"
#include "references/matcher.h"

namespace ratsdoc {
namespace {

using grammar::ReferenceRule;
using references::Candidate;
using references::TextLayout;

constexpr std::string_view kUnknown = "?";

// The kind of a canonical ID, by the rule that matches it.
std::string KindOf(const grammar::Rules& rules, std::string_view id) {
  const std::vector<Candidate> found = references::FindCandidates(id, rules);
  return found.empty() ? std::string(kNoKind) : found.front().rule->kind;
}

bool Contains(const std::vector<std::string>& words, const std::string& word) {
  return words.empty() || std::find(words.begin(), words.end(), word) != words.end();
}

// What a reference leaves open is taken from the nearest reference before it
// that names it, within the same section.
struct PaperContext {
  std::string paper;
  std::size_t at = 0;
};
struct AttachmentContext {
  std::string id;     // "DS0583/21/Anlage2"
  std::string paper;  // "DS0583/21"
  std::size_t at = 0;
};

// Fills the grammar's attachment-id / measure-id template: {paper},
// {attachment} and {measure} are the parts given here.
std::string Compose(const grammar::Template& t, std::string_view paper, std::string_view attachment,
                    std::string_view measure) {
  std::optional<std::string> id;
  if (!t.empty()) id = t.Fill([&](const grammar::Template::Field& field) -> std::optional<std::string_view> {
    namespace fields = grammar::schema::template_field;
    if (field.name == fields::kPaper) return paper;
    if (field.name == fields::kAttachment) return attachment;
    if (field.name == fields::kMeasure) return measure;
    return std::nullopt;
  });
  // Without the template (a grammar that declares none): "<paper>/<n>", "<attachment>#<n>".
  if (!measure.empty()) return id.value_or(std::string(attachment) + "#" + std::string(measure));
  return id.value_or(std::string(paper) + "/" + std::string(attachment));
}

class Extractor {
 public:
  Extractor(const NormalizedText& text, const grammar::Rules& rules, const DocumentIdentity* identity)
      : text_(text), rules_(rules), layout_(text.text, text.headings), identity_(identity) {}

  DocumentReferences Run() {
    const std::vector<Candidate> candidates = references::FindCandidates(text_.text, rules_);
    if (identity_ != nullptr) {
      FindSelf(candidates);
      if (self_ == nullptr) AdoptIdentityNumber(candidates);
      // The kind is the content's when it has one; else the own number's.
      if (!identity_->kind.empty() && identity_->kind != kNoKind && !self_is_attachment_) {
        out_.kind = identity_->kind;
      }
    }
    FindDate();
    if (out_.date.empty() && identity_ != nullptr) out_.date = identity_->date;
    if (self_ != nullptr && !out_.parent.empty()) AddAttachmentOf();
    for (const Candidate& candidate : candidates) {
      if (&candidate == self_) continue;
      Reference reference = Resolve(candidate);
      if (reference.resolved && reference.target == out_.id) continue;  // its own number
      reference.relation = RelationOf(candidate);
      if (reference.relation == Relation::kAnswers || reference.relation == Relation::kDecides) {
        if (subject_paper_.empty()) subject_paper_ = reference.target;
        // A Stellungnahme answers one paper, the first one named (in its
        // header); "wie bereits zum Antrag A0180/23 zugesagt" later only cites.
        // (Minutes may decide several papers, so `decides` is not limited.)
        if (reference.relation == Relation::kAnswers && reference.target != subject_paper_) {
          reference.relation = Relation::kCites;
        }
      }
      Describe(candidate, &reference);
      out_.references.push_back(std::move(reference));
    }
    return std::move(out_);
  }

 private:
  // --- templates -----------------------------------------------------------

  // Fills `t` from the candidate's groups (and the own-number match for
  // {self:…}); a missing value is `missing` when given, else the fill fails.
  std::optional<std::string> Fill(const grammar::Template& t, const Candidate& candidate,
                                  std::optional<std::string_view> missing = std::nullopt) const {
    if (t.empty()) return std::nullopt;
    return t.Fill([&](const grammar::Template::Field& field) -> std::optional<std::string_view> {
      std::optional<std::string_view> value;
      if (field.from_self) {
        if (self_ != nullptr) value = self_->Group(field.name);
      } else if (field.name == grammar::schema::template_field::kItem && !candidate.item.empty()) {
        value = candidate.item;
      } else {
        value = candidate.Group(field.name);
      }
      return value ? value : missing;
    }, [this](std::string_view list, std::string value) { return rules_.Rewritten(list, std::move(value)); });
  }

  std::string AttachmentId(std::string_view paper, std::string_view number) const {
    return Compose(rules_.attachment_id, paper, number, "");
  }
  // measure-id's {attachment} is the attachment's full ID.
  std::string MeasureId(std::string_view attachment, std::string_view number) const {
    return Compose(rules_.measure_id, "", attachment, number);
  }

  // --- own number and date ----------------------------------------------

  bool CueFires(const grammar::Cue& cue, const Candidate& candidate) const {
    switch (cue.where) {
      case grammar::Cue::Where::kBefore: return RE2::PartialMatch(layout_.Before(candidate.span), *cue.pattern);
      case grammar::Cue::Where::kAfter: return RE2::PartialMatch(layout_.After(candidate.span), *cue.pattern);
      case grammar::Cue::Where::kColumn: {
        const std::optional<std::string_view> label = layout_.ColumnLabel(candidate.span.begin);
        return label && RE2::FullMatch(*label, *cue.pattern);
      }
      case grammar::Cue::Where::kLineStart: {
        const Span line = layout_.LineAt(candidate.span.begin);
        const std::string_view before = std::string_view(text_.text).substr(line.begin, candidate.span.begin - line.begin);
        return utf8::Trim(before).empty() && layout_.NonBlankLineIndex(candidate.span.begin) < cue.within_lines;
      }
    }
    return false;
  }

  bool RelationFires(const grammar::RelationRule& relation, const Candidate& candidate) const {
    if (!Contains(relation.target_kinds, candidate.rule->kind)) return false;
    return std::any_of(relation.cues.begin(), relation.cues.end(),
                       [&](const grammar::Cue& cue) { return CueFires(cue, candidate); });
  }

  // The own number: the first candidate a `self` relation fires for whose ID
  // is complete without context.
  void FindSelf(const std::vector<Candidate>& candidates) {
    for (const Candidate& candidate : candidates) {
      const bool fires = std::any_of(rules_.relations.begin(), rules_.relations.end(), [&](const grammar::RelationRule& r) {
        return r.name == grammar::schema::kSelfRelation && RelationFires(r, candidate);
      });
      if (!fires) continue;
      const ReferenceRule& rule = *candidate.rule;
      std::optional<std::string> id;
      if (rule.part == ReferenceRule::Part::kPaper) {
        id = Fill(rule.id, candidate);
      } else if (rule.part == ReferenceRule::Part::kAttachment) {
        const std::optional<std::string> paper = Fill(rule.paper, candidate);
        const std::optional<std::string> number = Fill(rule.attachment, candidate);
        if (paper && number) {
          id = AttachmentId(*paper, *number);
          out_.parent = *paper;
        }
      }
      if (!id) continue;
      self_ = &candidate;
      out_.id = *id;
      out_.kind = rule.kind;
      self_is_attachment_ = rule.part == ReferenceRule::Part::kAttachment;
      return;
    }
  }

  // No `self` rule fired: the number the identity stage read under its label
  // is the own number when the grammar reads it as a paper's number — the
  // candidate standing at the value, else the value read with its label
  // ("Vorlage Nr.: 2019/1196"), else the value alone.
  void AdoptIdentityNumber(const std::vector<Candidate>& candidates) {
    if (!AdoptFormNumber(candidates)) AdoptFileNameNumber();
  }

  // The form's number (see AdoptIdentityNumber); false when it gives none.
  bool AdoptFormNumber(const std::vector<Candidate>& candidates) {
    if (identity_->number.empty()) return false;
    const Span at = identity_->number_span;
    for (const Candidate& candidate : candidates) {
      if (candidate.span.end <= at.begin || candidate.span.begin >= at.end) continue;
      if (candidate.rule->part != ReferenceRule::Part::kPaper) break;
      if (const std::optional<std::string> id = Fill(candidate.rule->id, candidate)) {
        self_ = &candidate;
        out_.id = *id;
        out_.kind = candidate.rule->kind;
        return true;
      }
      break;
    }
    for (const std::string& written :
         {identity_->number_label + " " + identity_->number, identity_->number}) {
      NormalizedText alone;
      alone.text = written;
      const DocumentReferences read = Extractor(alone, rules_, nullptr).Run();
      if (read.references.empty()) continue;
      const Reference& first = read.references.front();
      if (!first.resolved || first.part != Reference::Part::kPaper) continue;
      std::string squeezed;
      for (const char c : first.text) {
        if (c != ' ' && c != '\t') squeezed += c;
      }
      if (squeezed.find(identity_->number) == std::string::npos && identity_->number.find(squeezed) == std::string::npos) {
        continue;  // the label's words, not the value, were read as the number
      }
      out_.id = first.target;
      out_.kind = first.kind;
      return true;
    }
    return false;
  }

  // Neither a `self` rule nor the form gave a number: the file's name, as the
  // grammar's file-name list writes it ("F0322_22.pdf" → "F0322/22",
  // "DS0583-21 Anlage 2.pdf" → "DS0583/21 Anlage 2"), when the reference
  // grammar reads all of it as one paper or one attachment with its paper.
  // A name with other words ("Stellungnahme zu F0322_22") names another
  // paper, not this one.
  void AdoptFileNameNumber() {
    const std::string& name = identity_->file_name_text;
    if (name.empty()) return;
    NormalizedText alone;
    alone.text = name;
    const DocumentReferences read = Extractor(alone, rules_, nullptr).Run();
    if (read.references.empty()) return;
    const Reference& only = read.references.back();
    if (!only.resolved || (only.part != Reference::Part::kPaper && only.part != Reference::Part::kAttachment)) return;
    // Nothing but the reference and its paper may stand in the name.
    std::string rest = name;
    for (const Reference& reference : read.references) {
      if (&reference != &only && reference.target != only.paper) return;
      for (std::size_t at = reference.span.begin; at < reference.span.end && at < rest.size(); ++at) rest[at] = ' ';
    }
    if (std::any_of(rest.begin(), rest.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; })) {
      return;
    }
    out_.id = only.target;
    out_.kind = only.kind;
    if (only.part == Reference::Part::kAttachment) {
      out_.parent = only.paper;
      self_is_attachment_ = true;
    }
  }

  // The date from its parts; a date that is not in the calendar is left out
  // with a warning.
  std::optional<std::string> IsoDate(std::string_view d, std::string_view m, std::string_view y) {
    std::optional<std::string> iso = numbers::IsoDate(d, m, y);
    if (!iso) {
      out_.warnings.push_back("The document date \"" + std::string(d) + "." + std::string(m) + "." + std::string(y) +
                              "\" is not a calendar date; it is left out.");
    }
    return iso;
  }

  // The document's date: from its own-number match when that has one (the
  // title line of minutes), else the first date under a date column.
  void FindDate() {
    namespace date_group = grammar::schema::date;
    const std::string day(date_group::kDay.name), month(date_group::kMonth.name), year(date_group::kYear.name);
    if (self_ != nullptr) {
      const auto d = self_->Group(day), m = self_->Group(month), y = self_->Group(year);
      if (d && m && y) {
        out_.date = IsoDate(*d, *m, *y).value_or("");
        return;
      }
    }
    if (!rules_.date || !rules_.date_column) return;
    const std::string_view text = text_.text;
    const RE2& date = *rules_.date;
    const auto& names = date.NamedCapturingGroups();
    if (!names.count(day) || !names.count(month) || !names.count(year)) return;
    const int count = date.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> groups(static_cast<std::size_t>(count));
    std::size_t pos = 0;
    while (pos < text.size() && date.Match(text, pos, text.size(), RE2::UNANCHORED, groups.data(), count)) {
      const std::size_t begin = static_cast<std::size_t>(groups[0].data() - text.data());
      const std::optional<std::string_view> label = layout_.ColumnLabel(begin);
      if (label && RE2::FullMatch(*label, *rules_.date_column)) {
        auto group = [&](const std::string& name) {
          const re2::StringPiece& g = groups[static_cast<std::size_t>(names.at(name))];
          return std::string_view(g.data(), g.size());
        };
        if (std::optional<std::string> iso = IsoDate(group(day), group(month), group(year))) {
          out_.date = std::move(*iso);
          return;
        }
      }
      pos = begin + std::max<std::size_t>(groups[0].size(), 1);
    }
  }

  void AddAttachmentOf() {
    Reference reference;
    reference.target = out_.parent;
    reference.kind = KindOf(rules_, out_.parent);
    reference.relation = Relation::kAttachmentOf;
    Describe(*self_, &reference);
    out_.references.push_back(std::move(reference));
  }

  // --- resolution -------------------------------------------------------------

  bool InSection(std::size_t at, std::size_t offset) const {
    return at >= layout_.SectionStart(offset) && at <= offset;
  }

  // The paper an attachment without one belongs to: the nearest paper named
  // before it in its section, else the document's subject paper.
  std::optional<std::string> ContextPaper(std::size_t offset) const {
    const PaperContext* best = nullptr;
    PaperContext from_attachment;
    if (attachment_ && InSection(attachment_->at, offset)) {
      from_attachment = PaperContext{attachment_->paper, attachment_->at};
      best = &from_attachment;
    }
    if (paper_ && InSection(paper_->at, offset) && (best == nullptr || paper_->at > best->at)) best = &*paper_;
    if (best != nullptr) return best->paper;
    const std::string subject = SubjectPaper();
    if (!subject.empty()) return subject;
    return std::nullopt;
  }

  std::string SubjectPaper() const {
    if (!out_.parent.empty()) return out_.parent;
    if (self_ != nullptr && self_->rule->part == ReferenceRule::Part::kPaper && Contains(context_kinds(), out_.kind)) return out_.id;
    return subject_paper_;
  }

  const std::vector<std::string>& context_kinds() const { return rules_.attachment_parent_kinds; }

  Reference Resolve(const Candidate& candidate) {
    const ReferenceRule& rule = *candidate.rule;
    Reference reference;
    reference.kind = rule.kind;
    const std::size_t at = candidate.span.begin;
    switch (rule.part) {
      case ReferenceRule::Part::kPaper: {
        std::optional<std::string> id = Fill(rule.id, candidate);
        if (!id) {
          reference.resolved = false;
          id = Fill(rule.id, candidate, kUnknown);
        }
        reference.target = id.value_or(std::string(kUnknown));
        if (reference.resolved && Contains(context_kinds(), rule.kind)) paper_ = PaperContext{reference.target, at};
        break;
      }
      case ReferenceRule::Part::kAttachment: {
        const std::string number = Fill(rule.attachment, candidate).value_or(std::string(kUnknown));
        std::optional<std::string> paper = Fill(rule.paper, candidate);
        if (!paper) paper = ContextPaper(at);
        reference.resolved = paper.has_value();
        reference.target = AttachmentId(paper.value_or(std::string(kUnknown)), number);
        reference.part = Reference::Part::kAttachment;
        if (reference.resolved) reference.paper = *paper;
        if (reference.resolved) attachment_ = AttachmentContext{reference.target, *paper, at};
        break;
      }
      case ReferenceRule::Part::kMeasure: {
        const std::string measure = Fill(rule.measure, candidate).value_or(std::string(kUnknown));
        const std::optional<std::string> number = Fill(rule.attachment, candidate);
        std::optional<std::string> attachment;
        std::optional<std::string> paper;
        if (number) {
          paper = Fill(rule.paper, candidate);
          if (!paper) paper = ContextPaper(at);
          attachment = AttachmentId(paper.value_or(std::string(kUnknown)), *number);
        } else if (attachment_ && InSection(attachment_->at, at)) {
          attachment = attachment_->id;
          paper = attachment_->paper;
        } else if (!out_.parent.empty()) {
          attachment = out_.id;  // a measure cited inside the annex itself
          paper = out_.parent;
        }
        reference.resolved = paper.has_value() && attachment.has_value();
        reference.target = attachment ? MeasureId(*attachment, measure) : MeasureId(kUnknown, measure);
        reference.part = Reference::Part::kMeasure;
        if (reference.resolved) {
          reference.paper = *paper;
          reference.attachment = *attachment;
          attachment_ = AttachmentContext{*attachment, *paper, at};
        }
        break;
      }
    }
    return reference;
  }

  Relation RelationOf(const Candidate& candidate) const {
    for (const grammar::RelationRule& relation : rules_.relations) {
      if (relation.name == grammar::schema::kSelfRelation || !Contains(relation.document_kinds, out_.kind)) continue;
      if (!RelationFires(relation, candidate)) continue;
      if (const std::optional<Relation> parsed = ParseRelation(relation.name)) return *parsed;
    }
    return Relation::kCites;
  }

  void Describe(const Candidate& candidate, Reference* reference) const {
    reference->span = candidate.span;
    reference->text = text_.text.substr(candidate.span.begin, candidate.span.end - candidate.span.begin);
    reference->page = text_.map.Locate(candidate.span.begin).page;
    reference->context = layout_.Sentence(candidate.span);
  }

  const NormalizedText& text_;
  const grammar::Rules& rules_;
  TextLayout layout_;
  const DocumentIdentity* identity_;  // null: a query, not a document (no own number, no date)
  bool self_is_attachment_ = false;   // the self rule that fired, if one did, names an attachment
  const Candidate* self_ = nullptr;
  std::optional<PaperContext> paper_;
  std::optional<AttachmentContext> attachment_;
  std::string subject_paper_;
  DocumentReferences out_{{}, std::string(kNoKind), {}, {}, {}};
};

}  // namespace

std::string_view RelationName(Relation relation) {
  switch (relation) {
    case Relation::kCites: return "cites";
    case Relation::kAnswers: return "answers";
    case Relation::kAttachmentOf: return "attachment-of";
    case Relation::kDecides: return "decides";
    case Relation::kApproves: return "approves";
    case Relation::kPartOf: return "part-of";
    case Relation::kParticipant: return "participant";
    case Relation::kSignedBy: return "signed-by";
    case Relation::kSubmittedBy: return "submitted-by";
    case Relation::kOparlSubordinateOf: return "oparl-subordinate-of";
    case Relation::kOparlConsultedAt: return "oparl-consulted-at";
  }
  return "cites";
}

std::optional<Relation> ParseRelation(std::string_view name) {
  for (Relation relation : {Relation::kCites, Relation::kAnswers, Relation::kAttachmentOf, Relation::kDecides,
                            Relation::kApproves, Relation::kPartOf, Relation::kParticipant, Relation::kSignedBy,
                            Relation::kSubmittedBy, Relation::kOparlSubordinateOf, Relation::kOparlConsultedAt}) {
    if (RelationName(relation) == name) return relation;
  }
  return std::nullopt;
}

std::string KindOfId(std::string_view id, const Grammar& grammar) { return KindOf(grammar.rules(), id); }

std::string MeasureIdOf(std::string_view attachment, std::string_view number, const Grammar& grammar) {
  return Compose(grammar.rules().measure_id, "", attachment, number);
}

std::string AttachmentIdOf(std::string_view paper, std::string_view number, const Grammar& grammar) {
  return Compose(grammar.rules().attachment_id, paper, number, "");
}

std::string AttachmentKind(const Grammar& grammar) {
  for (const ReferenceRule& rule : grammar.rules().references) {
    if (rule.part == ReferenceRule::Part::kAttachment) return rule.kind;
  }
  const std::string annex = grammar.rules().KindWithLayout(grammar::schema::Layout::kAnnex);
  return annex.empty() ? std::string(kNoKind) : annex;
}

DocumentReferences ExtractReferences(const NormalizedText& text, const Grammar& grammar,
                                     const DocumentIdentity& identity) {
  return Extractor(text, grammar.rules(), &identity).Run();
}

DocumentReferences ExtractReferences(const NormalizedText& text, const Grammar& grammar) {
  return ExtractReferences(text, grammar, Identify(text, grammar));
}

std::optional<std::string> WholePaperId(std::string_view text, const Grammar& grammar) {
  NormalizedText alone;
  alone.text = std::string(utf8::Trim(text));
  const DocumentReferences found = Extractor(alone, grammar.rules(), nullptr).Run();
  if (found.references.size() != 1) return std::nullopt;
  const Reference& only = found.references.front();
  if (!only.resolved || only.part != Reference::Part::kPaper || only.span.begin != 0 ||
      only.span.end != alone.text.size()) {
    return std::nullopt;
  }
  return only.target;
}

Status CanonicalizeTarget(std::string_view query, const Grammar& grammar, std::string* id) {
  const std::string_view trimmed = utf8::Trim(query);
  if (trimmed.empty()) return Status(ErrorCode::kInvalidArgument, "the target is empty");
  NormalizedText text;
  text.text = std::string(trimmed);
  const DocumentReferences found = Extractor(text, grammar.rules(), nullptr).Run();
  if (found.references.empty()) {
    *id = std::string(trimmed);
    return Status::Ok();
  }
  const Reference& first = found.references.front();
  if (!first.resolved) {
    // The example is the grammar's own (its first measure rule's), in its city's spelling.
    std::string example;
    for (const ReferenceRule& rule : grammar.rules().references) {
      if (rule.part == ReferenceRule::Part::kMeasure && !rule.example.empty()) {
        example = ", e.g. '" + rule.example + "'";
        break;
      }
    }
    return Status(ErrorCode::kInvalidArgument, "'" + std::string(trimmed) + "' does not say which paper it belongs to (read as " +
                                                   first.target + "); name it" + example);
  }
  *id = first.target;
  return Status::Ok();
}

}  // namespace ratsdoc
