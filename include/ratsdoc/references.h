// References: the third pipeline stage. It finds every reference number in a
// normalised text with the grammar's rules, turns each into a canonical ID
// ("DS 583/21" → "DS0583/21", "Maßnahme 3.32 der Anlage 2 zur DS0583/21" →
// "DS0583/21/Anlage2#3.32"), expands lists ("Maßnahmen 4.5 und 4.9"), gives
// each its relation (answers, decides, approves, …) from the grammar's cues,
// recognises the document's own number, and resolves attachments and measures
// cited without their paper from the context before them — or leaves them
// unresolved and marked, never guessed. Rules: grammars/README.md.
//
// Cost: one RE2::Set pass over the text says which rules can fire; only those
// run, each once over the text. Linear in the text length.
//
// Thread-safety: pure functions; call from any thread with a shared Grammar.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ratsdoc/grammar.h"
#include "ratsdoc/identity.h"
#include "ratsdoc/normalize.h"
#include "ratsdoc/status.h"

namespace ratsdoc {

// The type of a link (SPEC.md): what the citing document does with the target.
enum class Relation {
  kCites,         // the default: mentions it
  kAnswers,       // a Stellungnahme → the Anfrage or Antrag it answers
  kAttachmentOf,  // an Anlage → its paper
  kDecides,       // a Beschluss → the Drucksache it resolves
  kApproves,      // minutes → earlier minutes they confirm
  kPartOf,        // a measure or agenda item → its Anlage or minutes (made by the link stage)
  kParticipant,   // minutes → a person on their attendance list (link stage)
  kSignedBy,      // a paper or minutes → a person who signed it (link stage)
  kSubmittedBy,   // an Anfrage or Antrag → a person submitting it (link stage)
  kOparlSubordinateOf,  // a paper → its superordinated paper, as the OParl dump says (link stage)
  kOparlConsultedAt,    // a paper → the agenda item it was consulted at, as the OParl dump says (link stage)
};
std::string_view RelationName(Relation relation);  // "cites", "answers", "attachment-of", …
std::optional<Relation> ParseRelation(std::string_view name);

// One reference occurrence.
struct Reference {
  std::string target;  // canonical ID; when !resolved a partial one with '?' ("?#4.41")
  std::string kind;    // kind of the target: "drucksache", "anlage", "massnahme", …
  // What the target is: a paper, an Anlage of a paper, or a measure of an
  // Anlage; for the latter two the IDs of what it belongs to (when resolved).
  enum class Part { kPaper, kAttachment, kMeasure } part = Part::kPaper;
  std::string paper;       // an Anlage's or measure's paper
  std::string attachment;  // a measure's Anlage
  Relation relation = Relation::kCites;
  bool resolved = true;
  std::string text;    // the exact normalised text of the reference
  Span span;           // [begin, end) in the normalised text
  int page = 1;        // source page of span.begin
  std::string context; // the sentence (or table row) containing it
  std::string unit;    // ID of the smallest unit containing it; empty: the document.
                       // Set by the structure stage (AttributeToUnits), not here.
};

// The kind of a document that no content cue and no own number classifies:
// SPEC's word for "no kind" (programmes, presentations, anything
// unrecognised). The kinds a document can have are SPEC's vocabulary, the
// same for every city's grammar.
inline constexpr std::string_view kNoKind = "sonstiges";

struct DocumentReferences {
  std::string id;    // the document's own canonical number; empty when it has none
  std::string kind;  // the document's kind: by content (identity), else its own number's; else kNoKind
  std::string parent;  // for an Anlage: the paper it is attached to
  std::string date;  // ISO 8601 date from the header table or title line; empty when unknown
  std::vector<Reference> references;  // in document order; never the document's own number
  std::vector<std::string> warnings;  // a header value out of its range (a date 31.02.2023), left out
};

// Finds, canonicalises, types and resolves every reference in `text`.
// The own number is the first one a `self` relation fires for, else the
// identity's number when the grammar reads it as a paper number; the
// document's kind (on which relations are typed) is the identity's kind by
// content, else that of the own number; the date is the header's, else the
// identity's.
DocumentReferences ExtractReferences(const NormalizedText& text, const Grammar& grammar,
                                     const DocumentIdentity& identity);
// The same with Identify(text, grammar).
DocumentReferences ExtractReferences(const NormalizedText& text, const Grammar& grammar);

// The kind of a canonical paper ID ("DS0583/21" → "drucksache"), by the
// grammar rule that matches it; kNoKind when none does.
std::string KindOfId(std::string_view id, const Grammar& grammar);

// The canonical ID of measure `number` of the attachment `attachment` (an
// attachment ID), by the grammar's measure-id template: "DS0583/21/Anlage2#3.32".
std::string MeasureIdOf(std::string_view attachment, std::string_view number, const Grammar& grammar);
// The canonical ID of attachment `number` of the paper `paper` (a paper ID),
// by the grammar's attachment-id template: "DS0583/21/Anlage2".
std::string AttachmentIdOf(std::string_view paper, std::string_view number, const Grammar& grammar);
// The kind the grammar gives attachments ("anlage"): its first attachment
// rule's kind, else the first kind it parses with the annex layout, else kNoKind.
std::string AttachmentKind(const Grammar& grammar);

// The canonical ID of `text` when all of it is one paper's number in a
// spelling the grammar reads ("F 322/22" → "F0322/22"); nullopt when it is
// not, or holds more ("DS0583/21/Anlage2" is not DS0583/21).
std::optional<std::string> WholePaperId(std::string_view text, const Grammar& grammar);

// Canonicalises a query written in any spelling the grammar accepts ("DS 583/21",
// "Maßnahme 3.32 der Anlage 2 zur DS0583/21"): the ID of the first reference
// in it. A query no rule matches (an ID such as "sha256:…") is returned trimmed.
// Returns kInvalidArgument for an empty query or one whose reference cannot be
// resolved on its own ("Maßnahme 3.32" without its Anlage).
Status CanonicalizeTarget(std::string_view query, const Grammar& grammar, std::string* id);

}  // namespace ratsdoc
