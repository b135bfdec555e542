// The identity stage (include/ratsdoc/identity.h): the kind by content cues,
// and the header form read by labels waiting for values.
#include "ratsdoc/identity.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <string_view>
#include <vector>

#include "common/numbers.h"
#include "common/utf8.h"
#include "grammar/rules.h"
#include "grammar/schema.h"
#include "ratsdoc/references.h"

namespace ratsdoc {
namespace {

using grammar::IdentityField;
using grammar::IdentityRules;

struct TextLine {
  std::size_t begin = 0;  // offset in the text
  std::string_view text;  // without '\n', not trimmed
  bool blank() const { return utf8::Trim(text).empty(); }
};

std::vector<TextLine> LinesOf(std::string_view text) {
  std::vector<TextLine> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(TextLine{start, text.substr(start, end - start)});
    start = end + 1;
  }
  return lines;
}

using CueOwners = std::vector<std::pair<std::size_t, std::size_t>>;

// The cues of `set` (owned as `owners` say) that `region` fires, as indices
// into `owners`: one pass of the set. When RE2's DFA gives up (its memory is
// bounded), each cue on each line of `region` on its own (so a cue can then
// no longer match across a line end, which the set over a whole text may).
void FiredCues(const RE2::Set& set, const CueOwners& owners, const grammar::Rules& rules, std::string_view region,
               std::vector<int>* hits) {
  hits->clear();
  RE2::Set::ErrorInfo error{RE2::Set::kNoError};
  if (set.Match(region, hits, &error) || error.kind == RE2::Set::kNoError) return;
  hits->clear();
  const std::vector<TextLine> lines = LinesOf(region);
  for (std::size_t i = 0; i < owners.size(); ++i) {
    const RE2& cue = *rules.kinds[owners[i].first].cues[owners[i].second].pattern;
    for (const TextLine& line : lines) {
      if (RE2::PartialMatch(line.text, cue)) {
        hits->push_back(static_cast<int>(i));
        break;
      }
    }
  }
}

// The kind whose content cues score highest (ties: the one listed first in
// the grammar), else kNoKind. A cue counts once: a bounded one when one of
// the first N non-blank lines fires it, one pass of the grammar's line cues
// per line; an unbounded one when it matches anywhere, one pass of the text
// cues over the whole text.
std::string KindByCues(std::string_view text, const std::vector<TextLine>& lines, const grammar::Rules& rules) {
  std::vector<int> score(rules.kinds.size(), 0);
  std::vector<int> hits;
  auto add = [&](const std::pair<std::size_t, std::size_t>& owner) {
    score[owner.first] += rules.kinds[owner.first].cues[owner.second].weight;
  };
  if (rules.text_cues != nullptr) {
    FiredCues(*rules.text_cues, rules.text_cue_owner, rules, text, &hits);
    for (const int hit : hits) add(rules.text_cue_owner[static_cast<std::size_t>(hit)]);
  }
  if (rules.line_cues != nullptr) {
    int bound = 0;
    for (const auto& [k, c] : rules.line_cue_owner) bound = std::max(bound, rules.kinds[k].cues[c].within_lines);
    std::vector<bool> fired(rules.line_cue_owner.size(), false);
    int non_blank = 0;
    for (const TextLine& line : lines) {
      if (line.blank()) continue;
      if (non_blank >= bound) break;
      FiredCues(*rules.line_cues, rules.line_cue_owner, rules, line.text, &hits);
      for (const int hit : hits) {
        const auto index = static_cast<std::size_t>(hit);
        const auto [k, c] = rules.line_cue_owner[index];
        if (fired[index] || non_blank >= rules.kinds[k].cues[c].within_lines) continue;
        fired[index] = true;
        add(rules.line_cue_owner[index]);
      }
      ++non_blank;
    }
  }
  std::string best(kNoKind);
  int best_score = std::max(rules.kind_threshold, 1) - 1;
  for (std::size_t k = 0; k < rules.kinds.size(); ++k) {
    if (score[k] > best_score) {
      best = rules.kinds[k].kind;
      best_score = score[k];
    }
  }
  return best;
}

std::string Collapse(std::string_view text) { return utf8::CollapseSpaces(text); }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A piece of a line: its text (trimmed) and where it starts in the document.
struct Piece {
  std::string_view text;
  std::size_t begin = 0;
};

Piece Trimmed(std::string_view text, std::size_t begin) {
  std::size_t from = 0, to = text.size();
  while (from < to && IsSpace(text[from])) ++from;
  while (to > from && IsSpace(text[to - 1])) --to;
  return Piece{text.substr(from, to - from), begin + from};
}

// A label at the start of `text`: the field it names and how many bytes it
// takes with its colon and the white space after. A label must end at the
// end of the text, a colon or white space ("TOP" is no label of "TOPs").
struct LabelAt {
  const IdentityField* field = nullptr;
  std::string_view written;  // the label as written, with its colon
  std::size_t length = 0;    // bytes up to the value
};

std::optional<LabelAt> LabelAtStart(std::string_view text, const IdentityRules& rules) {
  if (rules.any_label == nullptr || !rules.any_label->Match(text, 0, text.size(), RE2::ANCHOR_START, nullptr, 0)) {
    return std::nullopt;  // most lines and words start no label: one match says so
  }
  std::optional<LabelAt> best;
  for (const IdentityField& field : rules.fields) {
    re2::StringPiece match;
    if (!field.label->Match(text, 0, text.size(), RE2::ANCHOR_START, &match, 1)) continue;
    std::size_t end = match.size();
    if (end == 0) continue;
    while (end < text.size() && text[end] == ' ' && end + 1 < text.size() && text[end + 1] == ':') ++end;
    const bool colon = end < text.size() && text[end] == ':';
    if (colon) ++end;
    if (!colon && end < text.size() && !IsSpace(text[end])) continue;
    if (best && best->written.size() >= end) continue;
    LabelAt label{&field, text.substr(0, end), end};
    while (label.length < text.size() && IsSpace(text[label.length])) ++label.length;
    best = label;
  }
  return best;
}

bool FullMatch(const RE2* re, std::string_view text) { return re != nullptr && RE2::FullMatch(text, *re); }

// The match of `re` in `text` (at its start with RE2::ANCHOR_START). Asks
// first whether there is one at all, which RE2 answers with its DFA alone:
// most lines have none, and finding where a match lies costs far more.
bool Find(const RE2* re, std::string_view text, RE2::Anchor anchor, re2::StringPiece* match) {
  return re != nullptr && re->Match(text, 0, text.size(), anchor, nullptr, 0) &&
         re->Match(text, 0, text.size(), anchor, match, 1);
}

class FormReader {
 public:
  FormReader(const grammar::Rules& rules, DocumentIdentity* out)
      : rules_(rules), identity_(rules.identity), out_(out) {}

  void Read(const std::vector<TextLine>& lines) {
    int non_blank = 0;
    for (const TextLine& line : lines) {
      if (line.blank()) {
        EndTitle();
        continues_value_ = value_open_ = false;
        for (Waiting& waiting : pending_) waiting.blank_below = waiting.maybe_empty;
        before_form_open_ = false;
        inline_values_ = false;
        if (!wrapped_cell_.empty()) {  // a row waiting for its wrapped first cell ends here
          row_.clear();
          wrapped_cell_.clear();
          wrapped_lines_ = 0;
        }
        continue;
      }
      if (non_blank++ >= identity_.within_lines) break;
      // A paragraph of running text (normalisation joins a paragraph's lines)
      // holds no label, value or title: it ends a block, nothing more.
      if (line.text.size() > identity_.max_line_bytes) {
        EndTitle();
        continues_value_ = value_open_ = inline_values_ = false;
        continue;
      }
      // Done when the title is read and nothing waits, and the number and
      // date are found (the Beratungsfolge below the title has the date).
      if (title_done_ && pending_.empty() && columns_.empty() && row_.empty() && !out_->number.empty() &&
          !out_->date.empty()) {
        break;
      }
      ReadLine(line);
    }
    EndTitle();
    // No line ended the title: the first block after the form, else the first
    // line before it (a title above the form).
    if (out_->title.empty() && !blocks_.empty()) out_->title = ChosenBlock();
    if (out_->title.empty() && !before_form_.empty()) out_->title = before_form_;
    ResolveAmendment();
  }

 private:
  struct Waiting {
    const IdentityField* field;
    std::string_view written;
    // "Dienststelle:" (a label without a shape) with nothing after it, below
    // "Label: value" lines, is an empty field when a blank line and then a
    // line of no label follow: that line is not its value. A block of labels
    // goes on with a label; a shaped label still takes a value of its shape
    // below the blank ("Vorlage Nr.:" ⏎ ⏎ "2020/0044").
    bool maybe_empty = false;
    bool blank_below = false;
  };

  void ReadLine(const TextLine& line) {
    std::vector<Piece> cells;
    std::size_t start = 0;
    while (start <= line.text.size()) {
      std::size_t end = line.text.find('\t', start);
      if (end == std::string_view::npos) end = line.text.size();
      cells.push_back(Trimmed(line.text.substr(start, end - start), line.begin + start));
      start = end + 1;
    }
    if (cells.size() > 1) {
      ReadRow(cells);
      return;
    }
    ReadPiece(cells[0]);
  }

  // A row of tab-separated cells: labels (remembered by column), values under
  // the labels of the row above, or else pieces one after the other.
  void ReadRow(const std::vector<Piece>& cells) {
    std::vector<const IdentityField*> labels(cells.size(), nullptr);
    std::size_t label_cells = 0, filled = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].text.empty()) continue;
      ++filled;
      const std::optional<LabelAt> label = LabelAtStart(cells[i].text, identity_);
      if (label && label->length == cells[i].text.size()) {
        labels[i] = label->field;
        ++label_cells;
      } else if (FullMatch(identity_.aside.get(), cells[i].text)) {
        ++label_cells;  // "öffentlich" in a row of labels
      }
    }
    if (filled > 0 && label_cells == filled &&
        std::any_of(labels.begin(), labels.end(), [](const IdentityField* f) { return f != nullptr; })) {
      columns_ = std::move(labels);
      EndTitle();
      started_ = true;
      return;
    }
    if (!columns_.empty()) {
      for (std::size_t i = 0; i < cells.size() && i < columns_.size(); ++i) {
        if (columns_[i] != nullptr && !cells[i].text.empty()) Fill(*columns_[i], cells[i], "");
      }
      columns_.clear();
      return;
    }
    for (const Piece& cell : cells) {
      if (!cell.text.empty()) ReadPiece(cell);
    }
  }

  void ReadPiece(const Piece& piece) {
    // Labels at the start of the piece: "Gremium Termin TOP" is a row of
    // labels; "Vorlage Nr.: 2019/1196" a label and its value.
    std::vector<LabelAt> labels;
    std::size_t pos = 0;
    while (pos < piece.text.size()) {
      const std::optional<LabelAt> label = LabelAtStart(piece.text.substr(pos), identity_);
      if (!label) {
        // Words set aside between labels ("Gremium Termin TOP ö nö Ergebnis"),
        // followed by a label or the end of the line.
        if (labels.empty()) break;
        std::size_t after = pos;
        while (const std::size_t word = AsideWordAt(piece.text, after)) after += word;
        if (after == pos) break;
        if (after < piece.text.size() && !LabelAtStart(piece.text.substr(after), identity_)) break;
        pos = after;
        continue;
      }
      labels.push_back(*label);
      pos += label->length;
      while (pos < piece.text.size() && IsSpace(piece.text[pos])) ++pos;
      // "Label: value": the value follows.
      if (!labels.back().written.empty() && labels.back().written.back() == ':') break;
    }
    Piece rest = Trimmed(piece.text.substr(pos), piece.begin + pos);
    // "Datum: 02.12.2021 Nummer: F0207/21": the value ends where the next
    // "Label:" begins; the rest is read as a piece of its own.
    std::optional<Piece> next;
    if (!labels.empty() && labels.back().written.back() == ':' && rest.text.find(':') != std::string_view::npos) {
      for (std::size_t at = 1; at < rest.text.size(); ++at) {
        if (!IsSpace(rest.text[at - 1]) || IsSpace(rest.text[at])) continue;
        const std::optional<LabelAt> label = LabelAtStart(rest.text.substr(at), identity_);
        if (label && label->written.back() == ':') {
          next = Trimmed(rest.text.substr(at), rest.begin + at);
          rest = Trimmed(rest.text.substr(0, at), rest.begin);
          break;
        }
      }
    }
    if (!labels.empty()) {
      started_ = true;
      continues_value_ = value_open_ = false;
      EndTitle();
      // More labels below an empty one: a block of labels whose values follow.
      for (Waiting& waiting : pending_) waiting.maybe_empty = waiting.blank_below = false;
      if (rest.text.empty() || FullMatch(identity_.aside.get(), rest.text) || AllAside(rest.text)) {
        if (labels.size() > 1) {
          row_ = labels;  // the next line holds their values, by shape
          wrapped_cell_.clear();
          wrapped_lines_ = 0;
        } else {
          const bool colon = labels[0].written.back() == ':';
          pending_.push_back(Waiting{labels[0].field, labels[0].written, colon && inline_values_, false});
        }
        inline_values_ = false;
        return;
      }
      // The last label takes the rest; labels before it wait (several labels, one value).
      for (std::size_t i = 0; i + 1 < labels.size(); ++i) pending_.push_back(Waiting{labels[i].field, labels[i].written});
      // A rest without the label's shape ("eingegangen am: …" under a label
      // "eingegangen") is no value, and no title either: the label waits.
      if (!Fill(*labels.back().field, rest, labels.back().written) &&
          !Fill(*labels.back().field, ShapedStart(*labels.back().field, rest), labels.back().written)) {
        pending_.push_back(Waiting{labels.back().field, labels.back().written});
        inline_values_ = false;
      } else {
        continues_value_ = labels.back().field->value == nullptr;
        value_open_ = continues_value_ && FullMatch(identity_.value_continues.get(), rest.text);
        inline_values_ = labels.back().written.back() == ':';
      }
      if (next) ReadPiece(*next);
      return;
    }
    ReadValue(piece);
  }

  // The length of the word at `pos` with the white space after it when the
  // word is set aside; 0 otherwise.
  std::size_t AsideWordAt(std::string_view text, std::size_t pos) const {
    if (identity_.aside == nullptr) return 0;
    std::size_t end = pos;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    if (end == pos || !RE2::FullMatch(text.substr(pos, end - pos), *identity_.aside)) return 0;
    while (end < text.size() && IsSpace(text[end])) ++end;
    return end - pos;
  }

  // Words all set aside ("ö nö").
  bool AllAside(std::string_view text) const {
    if (identity_.aside == nullptr) return false;
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t end = pos;
      while (end < text.size() && !IsSpace(text[end])) ++end;
      if (!RE2::FullMatch(text.substr(pos, end - pos), *identity_.aside)) return false;
      pos = end;
      while (pos < text.size() && IsSpace(text[pos])) ++pos;
    }
    return true;
  }

  // A line of no label.
  void ReadValue(const Piece& value) {
    if (!row_.empty()) {
      ReadRowByShape(value);
      return;
    }
    // Most lines are of no use: below a title that is read, with no label
    // waiting; above the form once its title line is read. Say so before
    // any pattern runs.
    const bool value_goes_on = continues_value_ && value_open_;
    if (pending_.empty() && !value_goes_on) {
      if (title_done_ || (started_ && !out_->title.empty())) return;
      if (!started_ && !before_form_.empty() && !before_form_open_) return;
    }
    if (FullMatch(identity_.aside.get(), value.text) || AllAside(value.text)) return;
    // What ends the title is no label's value ("Dienststelle:" left empty,
    // then "Vorstellung … Beratungsfolge dieser Vorlage").
    re2::StringPiece end;
    const bool ends_title =
        (started_ || !pending_.empty()) && Find(identity_.title_end.get(), value.text, RE2::UNANCHORED, &end);
    std::erase_if(pending_, [](const Waiting& w) { return w.blank_below && w.field->value == nullptr; });
    if (!pending_.empty() && !ends_title) {
      // The first waiting label whose shape the value has, else the first
      // waiting label without a shape.
      auto taker = std::find_if(pending_.begin(), pending_.end(),
                                [&](const Waiting& w) { return FullMatch(w.field->value.get(), value.text); });
      if (taker == pending_.end()) {
        taker = std::find_if(pending_.begin(), pending_.end(), [](const Waiting& w) { return w.field->value == nullptr; });
      }
      if (taker != pending_.end()) {
        const Waiting waiting = *taker;
        // Shaped labels before it got no value (an empty cell); labels
        // without a shape before it still wait ("Adressat", an empty cell,
        // "Datum 17.11.2022", then the Adressat's value).
        const auto index = taker - pending_.begin();
        std::deque<Waiting> still;
        for (auto it = pending_.begin(); it != pending_.end(); ++it) {
          if (it - pending_.begin() < index ? it->field->value == nullptr : it - pending_.begin() > index) {
            still.push_back(*it);
          }
        }
        pending_ = std::move(still);
        Fill(*waiting.field, value, waiting.written);
        return;
      }
    }
    // "Dienststelle: Schul- und" ⏎ "Sportamt": the value goes on.
    if (value_goes_on) {
      if (open_value_ != nullptr) {
        *open_value_ += " " + Collapse(value.text);
        const auto title = out_->fields.find(grammar::schema::kFieldTitle);
        if (title != out_->fields.end() && open_value_ == &title->second) out_->title = *open_value_;
      }
      value_open_ = FullMatch(identity_.value_continues.get(), value.text);
      continues_value_ = value_open_;
      return;
    }
    if (started_ && HasNumberShape(value.text)) loose_numbers_.push_back(value);
    if (title_done_ || (started_ && !out_->title.empty())) return;  // nothing left for a line of no label
    // Letterhead, also joined to the line after it by normalisation: the rest.
    if (FullMatch(identity_.skip.get(), value.text)) return;
    re2::StringPiece letterhead;
    if (Find(identity_.skip.get(), value.text, RE2::ANCHOR_START, &letterhead) && !letterhead.empty() &&
        letterhead.size() < value.text.size()) {
      if (IsSpace(value.text[letterhead.size()])) {
        ReadValue(Trimmed(value.text.substr(letterhead.size()), value.begin + letterhead.size()));
        return;
      }
    }
    // "Spielplätze … (Anfrage F0087/12 von Stadtrat …)": a labelled value
    // in brackets fills its field; the title is the text before them.
    const Piece bracketed = BeforeBracketedValue(value);
    if (!bracketed.text.empty()) {
      ReadValue(bracketed);
      return;
    }
    if (!started_) {
      // The first line above the form that may be a title, and the next one
      // when the grammar says the title goes on there.
      if (before_form_.empty()) {
        if (MayBeTitle(value.text)) {
          before_form_ = Collapse(value.text);
          before_form_open_ = FullMatch(identity_.title_continues.get(), utf8::Trim(value.text));
        }
      } else if (before_form_open_ && MayBeTitle(value.text)) {
        before_form_ += " " + Collapse(value.text);
        before_form_open_ = false;
      }
      return;
    }
    // What ends the title may stand on the title's own line when
    // normalisation joined the lines of a paragraph.
    if (ends_title) {
      const std::size_t at = static_cast<std::size_t>(end.data() - value.text.data());
      const std::string_view before = utf8::Trim(value.text.substr(0, at));
      if (!before.empty() && block_.empty() && MayBeTitle(before)) {
        block_tentative_ = continues_value_;
        block_ = before;
        block_text_ = Collapse(before);
      }
      EndTitle();
      if (!blocks_.empty()) out_->title = ChosenBlock();
      title_done_ = true;
      return;
    }
    // A line right below "Label: value" of a free-text field may continue
    // the value ("Dienststelle: OV" ⏎ "Wettersbach"): its block is the title
    // only when no other block is.
    if (continues_value_ && block_.empty()) block_tentative_ = true;
    // The title is the first block after the form that may be a title: its
    // first line, and the next one when the grammar says the title goes on
    // there (a wrapped line, not a subtitle).
    if (block_.empty()) {
      if (MayBeTitle(value.text)) {
        block_ = value.text;
        block_text_ = Collapse(value.text);
      }
    } else if (!block_continued_ && FullMatch(identity_.title_continues.get(), utf8::Trim(block_)) &&
               MayBeTitle(value.text)) {
      block_text_ += " " + Collapse(value.text);
      block_continued_ = true;
    }
  }

  // Not the kind's word, not what the grammar says a title never looks like
  // (a sentence, a numbered item, a row of the Beratungsfolge).
  bool MayBeTitle(std::string_view line) const {
    return !FullMatch(identity_.not_title.get(), utf8::Trim(line)) && !IsKindLine(line);
  }

  // A line with the word that gave the kind ("ANTRAG", "Beschlussvorlage").
  bool IsKindLine(std::string_view line) const {
    std::vector<int> hits;
    for (const auto& [set, owners] : {std::pair{rules_.line_cues.get(), &rules_.line_cue_owner},
                                      std::pair{rules_.text_cues.get(), &rules_.text_cue_owner}}) {
      if (set == nullptr) continue;
      FiredCues(*set, *owners, rules_, line, &hits);
      if (!hits.empty()) return true;
    }
    return false;
  }

  // Values of a row of labels written without tabs ("Gemeinderat 19.11.2019
  // 18" under "Gremium Termin TOP ö nö"): each shaped label takes the first
  // match of its shape after the values before it; a label without a shape
  // takes the text up to the next shaped value.
  // A line without any shaped value is the first cell wrapped ("Ausschuss
  // für öffentliche" ⏎ "Einrichtungen" ⏎ "29.11.2022 10 X"): the row waits
  // for the next line, up to a few lines.
  void ReadRowByShape(const Piece& value) {
    std::vector<LabelAt> labels = std::move(row_);
    row_.clear();
    std::size_t pos = 0;
    bool filled = false;
    const LabelAt* unshaped = nullptr;
    for (const LabelAt& label : labels) {
      const RE2* shape = label.field->value.get();
      if (shape == nullptr) {
        if (unshaped == nullptr) unshaped = &label;
        continue;
      }
      re2::StringPiece match;
      std::size_t at = pos;
      while (at < value.text.size() && shape->Match(value.text, at, value.text.size(), RE2::UNANCHORED, &match, 1)) {
        const std::size_t begin = static_cast<std::size_t>(match.data() - value.text.data());
        const std::size_t end = begin + match.size();
        const bool bounded = (begin == 0 || IsSpace(value.text[begin - 1])) &&
                             (end == value.text.size() || IsSpace(value.text[end]));
        if (bounded && match.size() > 0) {
          if (unshaped != nullptr) {
            const Piece before = Trimmed(value.text.substr(pos, begin - pos), value.begin + pos);
            if (wrapped_cell_.empty()) {
              Fill(*unshaped->field, before, unshaped->written);
            } else {
              const std::string cell = wrapped_cell_ + (before.text.empty() ? "" : " " + Collapse(before.text));
              Fill(*unshaped->field, Piece{cell, wrapped_begin_}, unshaped->written);
            }
            unshaped = nullptr;
          }
          Fill(*label.field, Piece{value.text.substr(begin, match.size()), value.begin + begin}, label.written);
          filled = true;
          pos = end;
          break;
        }
        at = begin + 1;
      }
    }
    const bool shaped = std::any_of(labels.begin(), labels.end(), [](const LabelAt& l) { return l.field->value != nullptr; });
    if (!filled && shaped && ++wrapped_lines_ < kMaxWrappedCellLines) {
      row_ = std::move(labels);
      if (wrapped_cell_.empty()) wrapped_begin_ = value.begin;
      wrapped_cell_ += (wrapped_cell_.empty() ? "" : " ") + Collapse(value.text);
      return;
    }
    wrapped_cell_.clear();
    wrapped_lines_ = 0;
  }

  // The text before "(Label value …" in `line` when a label of the grammar
  // opens the bracket and a value of its shape follows it (the field is then
  // filled); empty otherwise.
  Piece BeforeBracketedValue(const Piece& line) {
    for (std::size_t open = line.text.find('(', 1); open != std::string_view::npos; open = line.text.find('(', open + 1)) {
      const std::string_view inside = line.text.substr(open + 1);
      const std::optional<LabelAt> label = LabelAtStart(inside, identity_);
      if (!label || label->field->value == nullptr) continue;
      const std::size_t at = open + 1 + label->length;
      const Piece shaped = ShapedStart(*label->field, Piece{line.text.substr(at), line.begin + at});
      if (shaped.text.empty()) continue;
      const Piece before = Trimmed(line.text.substr(0, open), line.begin);
      if (before.text.empty() || !Fill(*label->field, shaped, label->written)) return {};
      return before;
    }
    return {};
  }

  // A value the `number` field's shape accepts.
  bool HasNumberShape(std::string_view text) const {
    for (const IdentityField& field : identity_.fields) {
      if (field.name == grammar::schema::kFieldNumber && FullMatch(field.value.get(), text)) return true;
    }
    return false;
  }

  // An amendment's number extends the number of the paper it amends
  // ("DS0301/24/1" amends "DS0301/24"). When the form gave the amended paper
  // as the own number and the amendment as the subject, or the amendment as
  // the subject and left the amended paper's number to no label, the
  // extended number is the own number.
  void ResolveAmendment() {
    const auto subject = out_->fields.find(grammar::schema::kFieldSubject);
    if (subject == out_->fields.end() || subject_text_.empty()) return;
    const std::string extended = Squeezed(FirstWord(subject_text_));
    if (!HasNumberShape(extended)) return;
    auto extends = [&](std::string_view base) {
      return !base.empty() && extended.size() > base.size() + 1 && extended.compare(0, base.size(), base) == 0 &&
             extended[base.size()] == '/';
    };
    std::string base;
    if (extends(out_->number)) {
      base = out_->number;
    } else if (out_->number.empty()) {
      for (const Piece& loose : loose_numbers_) {
        if (extends(Squeezed(loose.text))) {
          base = Squeezed(loose.text);
          break;
        }
      }
    }
    if (base.empty()) return;
    const std::string_view word = FirstWord(subject_text_);
    out_->number = extended;
    out_->number_label = subject_label_;
    out_->number_span = Span{subject_begin_, subject_begin_ + word.size()};
    out_->fields[grammar::schema::kFieldNumber] = extended;
    subject->second = base;
  }

  static std::string_view FirstWord(std::string_view text) {
    std::size_t end = 0;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    return text.substr(0, end);
  }

  // The start of `rest` that has the field's shape, up to white space or a
  // separator ("16.12.2022 / 20.12.2022", "06.09.2023: CDU-Fraktion"); empty
  // when there is none or the field has no shape.
  static Piece ShapedStart(const IdentityField& field, const Piece& rest) {
    if (field.value == nullptr) return {};
    re2::StringPiece match;
    if (!field.value->Match(rest.text, 0, rest.text.size(), RE2::ANCHOR_START, &match, 1) || match.empty()) return {};
    const std::size_t end = match.size();
    if (end < rest.text.size() && !IsSpace(rest.text[end]) && std::string_view(":/,;").find(rest.text[end]) == std::string_view::npos) {
      return {};
    }
    return Piece{rest.text.substr(0, end), rest.begin};
  }

  // `value` as the value of `field`; false when it does not have the field's shape.
  bool Fill(const IdentityField& field, const Piece& value, std::string_view label) {
    if (value.text.empty()) return false;
    if (field.value != nullptr && !RE2::FullMatch(value.text, *field.value)) return false;
    const std::string collapsed = Collapse(value.text);
    if (field.name == grammar::schema::kFieldNumber) {
      if (out_->number.empty()) {
        out_->number = Squeezed(value.text);
        out_->number_label = std::string(label);
        out_->number_span = Span{value.begin, value.begin + value.text.size()};
      }
    } else if (field.name == grammar::schema::kFieldDate) {
      if (out_->date.empty()) out_->date = IsoDate(field.value.get(), value.text);

    } else if (field.name == grammar::schema::kFieldTitle) {
      if (out_->title.empty()) out_->title = collapsed;
    } else if (field.name == grammar::schema::kFieldSubject) {
      if (subject_text_.empty()) {
        subject_text_ = std::string(value.text);
        subject_begin_ = value.begin;
        subject_label_ = std::string(label);
      }
    }
    open_value_ = nullptr;
    if (field.name != grammar::schema::kFieldOther) {
      const auto [entry, inserted] = out_->fields.emplace(field.name, collapsed);
      if (inserted) open_value_ = &entry->second;
    }
    return true;
  }

  static std::string Squeezed(std::string_view text) {
    std::string out;
    for (const char c : text) {
      if (!IsSpace(c)) out += c;
    }
    return out;
  }

  // The date `text` as ISO 8601 by the groups d, m and y of `shape` (the
  // field's value pattern, else the grammar's <date>); "" when it has none
  // or the date is not in the calendar.
  std::string IsoDate(const RE2* shape, std::string_view text) const {
    const RE2* date = shape != nullptr ? shape : rules_.date.get();
    if (date == nullptr) return "";
    const auto& names = date->NamedCapturingGroups();
    if (!names.count("d") || !names.count("m") || !names.count("y")) return "";
    const int count = date->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> groups(static_cast<std::size_t>(count));
    if (!date->Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(), count)) return "";
    auto group = [&](const char* name) {
      const re2::StringPiece& g = groups[static_cast<std::size_t>(names.at(name))];
      return std::string_view(g.data(), g.size());
    };
    return numbers::IsoDate(group("d"), group("m"), group("y")).value_or("");
  }

  // Ends the block of title lines being read.
  void EndTitle() {
    if (!block_.empty()) blocks_.push_back(Block{std::move(block_text_), block_tentative_});
    block_ = {};
    block_text_.clear();
    block_continued_ = false;
    block_tentative_ = false;
  }

  // The first block that is surely no wrapped value, else the first block.
  std::string ChosenBlock() const {
    for (const Block& block : blocks_) {
      if (!block.tentative) return block.title;
    }
    return blocks_.empty() ? std::string() : blocks_.front().title;
  }

  const grammar::Rules& rules_;
  const IdentityRules& identity_;
  DocumentIdentity* out_;
  std::deque<Waiting> pending_;
  std::vector<const IdentityField*> columns_;
  std::vector<LabelAt> row_;
  static constexpr int kMaxWrappedCellLines = 3;
  std::string wrapped_cell_;  // the lines of a wrapped first cell below row_, so far
  std::size_t wrapped_begin_ = 0;  // where its first line starts
  int wrapped_lines_ = 0;
  std::string_view block_;           // first line of the block being read
  std::string block_text_;           // its title: the first line, perhaps with the next
  bool block_continued_ = false;     // the next line was joined
  struct Block {
    std::string title;
    bool tentative = false;  // right below "Label: value": perhaps the value's second line
  };
  bool block_tentative_ = false;
  std::vector<Block> blocks_;  // the blocks after the form
  std::string before_form_;      // the title above the form: its first line, perhaps with the next
  bool before_form_open_ = false;  // the next line continues it
  bool started_ = false;
  bool title_done_ = false;
  bool continues_value_ = false;  // the line above was "Label: value" of a free-text field
  bool inline_values_ = false;    // the last label line was "Label: value"
  bool value_open_ = false;       // ... and its value goes on in the next line (<value-continues>)
  std::string* open_value_ = nullptr;  // the field the last value filled, if it kept it
  std::string subject_text_;      // the first value of the field `subject`, as written
  std::size_t subject_begin_ = 0;  // where it stands in the text
  std::string subject_label_;
  std::vector<Piece> loose_numbers_;  // values of no label with the number's shape
};

}  // namespace

namespace {

// The file's name without folder and extension, through the grammar's
// `file-name` rewrite list, every match of each step replaced.
std::string FileNameText(std::string_view path, const grammar::Rules& rules) {
  const auto steps = rules.rewrites.find(grammar::schema::kFileName.name);
  if (steps == rules.rewrites.end() || path.empty()) return "";
  std::string_view name = path.substr(path.find_last_of("/\\") == std::string_view::npos ? 0 : path.find_last_of("/\\") + 1);
  if (const std::size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  std::string text(name);
  for (const grammar::Rewrite& step : steps->second) RE2::GlobalReplace(&text, *step.pattern, step.replace);
  return text;
}

}  // namespace

DocumentIdentity Identify(const NormalizedText& text, const Grammar& grammar, std::string_view file_name) {
  const grammar::Rules& rules = grammar.rules();
  const std::vector<TextLine> lines = LinesOf(text.text);
  DocumentIdentity identity;
  identity.kind = KindByCues(text.text, lines, rules);
  identity.file_name_text = FileNameText(file_name, rules);
  if (!rules.identity.present) return identity;
  FormReader(rules, &identity).Read(lines);
  return identity;
}

}  // namespace ratsdoc
