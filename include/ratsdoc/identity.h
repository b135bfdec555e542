// The identity stage: who a document is, read from the form at its top before
// references are typed. Between normalise and references:
//
//   NormalizedText ─► Identify ─► DocumentIdentity ─► ExtractReferences, ExtractStructure
//
// Council papers open with a header form: labels (Vorlage Nr., Datum,
// Termin, Gremium, TOP, Kurztitel …) and their values. Real papers lay it out
// in many ways, and one mechanism reads them all (grammars/README.md,
// <identity>):
//   * `Label: value` (or `Label value`) on one line, several labels on a line;
//   * a label line and its value on the next lines (adjacency), with empty
//     cells between;
//   * a block of labels followed by a block of values in the same order
//     (some values already inside the label block);
//   * a row of labels (tab-separated cells, or words on one line) and a row
//     of values below it, by column or, without tabs, by the values' shapes.
// Labels wait in order for a value; a value goes to the first waiting label
// whose declared shape it has (a date to Datum or Termin, "2" to TOP), a
// label without a shape takes a value no waiting shaped label wants, and a
// value of no label's kind (öffentlich) is set aside. The title is the
// labelled Kurztitel, else the first block of unlabelled lines after the
// form. The kind is decided here, once, by the grammar's content cues
// (<structure><kind>), so that relations are typed on it.
//
// Thread-safety: Identify is a pure function of its arguments.
#pragma once

#include <map>
#include <string>

#include "ratsdoc/grammar.h"
#include "ratsdoc/normalize.h"

namespace ratsdoc {

struct DocumentIdentity {
  // The own number as the form gives it, white space removed ("2019/1196");
  // only a value the grammar's number shape accepts. Empty when none.
  std::string number;
  std::string number_label;  // the label it stood under ("Vorlage Nr.:")
  Span number_span;          // where its value stands in the text
  std::string kind;          // by content cues; "sonstiges" when no kind scores
  std::string date;  // ISO 8601, from the first field `date` in reading order; empty when none
  std::string title;         // the Kurztitel; empty when the form shows none
  // Every field the form fills, by field name ("body", "item", "responsible"),
  // the first value of each; values collapsed to single spaces.
  std::map<std::string, std::string> fields;
  // The file's name, without folder and extension, through the grammar's
  // rewrite list `file-name` ("/archiv/F0322_22.pdf" → "F0322/22"): a weak
  // cue to the own number, used only when the text shows none. Empty when the
  // grammar has no such list.
  std::string file_name_text;
};

// Reads the form at the top of `text` by the grammar's <identity> section and
// decides the kind by its <structure> kind cues. A grammar without
// <identity> gives an identity with only the kind and `file_name_text`.
// `file_name` is the document's path or file name (may be empty); its folder
// and extension are dropped before the grammar's `file-name` list runs.
DocumentIdentity Identify(const NormalizedText& text, const Grammar& grammar, std::string_view file_name = {});

}  // namespace ratsdoc
