#include "normalize/reflow.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include <unicode/unistr.h>

#include "common/utf8.h"
#include "normalize/characters.h"

namespace ratsdoc::normalize {
namespace {

// Hard-wrapped text has most lines at most this long (in characters).
constexpr std::size_t kMaxWrapWidth = 130;
// Narrower "wrapping", or fewer lines, is no evidence of a hard wrap.
constexpr std::size_t kMinWrapWidth = 40;
constexpr std::size_t kMinWrappedLines = 5;
// ... and a line at least this fraction of the usual width was wrapped.
constexpr double kWrappedFraction = 0.7;

std::string Lower(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

bool IsWordChar(char32_t cp) { return utf8::IsLetter(cp) || utf8::IsDigit(cp); }

// The letters directly before byte `end` of `s`.
std::string_view LettersBefore(std::string_view s, std::size_t end) {
  std::size_t begin = end;
  while (begin > 0) {
    std::size_t start = 0;
    if (!utf8::IsLetter(utf8::Previous(s, begin, &start))) break;
    begin = start;
  }
  return s.substr(begin, end - begin);
}

std::string_view LettersFrom(std::string_view s, std::size_t begin) {
  std::size_t end = begin;
  while (end < s.size()) {
    std::size_t next = end;
    if (!utf8::IsLetter(utf8::Next(s, &next))) break;
    end = next;
  }
  return s.substr(begin, end - begin);
}

std::size_t CodePoints(std::string_view s) {
  std::size_t count = 0;
  for (char c : s) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Every "letters-letters" pair written with a hyphen inside a line, folded:
// evidence that a compound is spelled with a hyphen in this document.
std::unordered_set<std::string> HyphenatedPairs(const std::vector<Line>& lines) {
  std::unordered_set<std::string> pairs;
  for (const Line& line : lines) {
    if (line.removed || line.blank) continue;
    const std::string_view s = line.text.text();
    for (std::size_t pos = s.find('-'); pos != std::string_view::npos; pos = s.find('-', pos + 1)) {
      const std::string_view before = LettersBefore(s, pos);
      const std::string_view after = LettersFrom(s, pos + 1);
      if (before.empty() || after.empty()) continue;
      pairs.insert(Lower(std::string(before) + "-" + std::string(after)));
    }
  }
  return pairs;
}

struct WrapWidth {
  bool hard_wrapped = false;
  std::size_t threshold = 0;  // a line this long (characters) was wrapped
};

WrapWidth DetectHardWrap(const std::vector<Line>& lines) {
  std::vector<std::size_t> lengths;
  for (const Line& line : lines) {
    if (!line.removed && !line.blank && !line.table_row) lengths.push_back(CodePoints(line.text.text()));
  }
  if (lengths.size() < kMinWrappedLines) return {};
  std::sort(lengths.begin(), lengths.end());
  const std::size_t p90 = lengths[lengths.size() * 9 / 10];
  if (p90 > kMaxWrapWidth || p90 < kMinWrapWidth) return {};
  return {true, static_cast<std::size_t>(kWrappedFraction * static_cast<double>(p90))};
}

bool StartsWithListMarker(std::string_view s) {
  for (std::string_view bullet : {"- ", "– ", "• ", "* ", "· ", "→ ", "➢ ", "▪ ", "◦ "}) {
    if (s.starts_with(bullet)) return true;
  }
  // "1. ", "12) ", "a) "
  std::size_t digits = 0;
  while (digits < s.size() && digits < 3 && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < s.size() && (s[digits] == '.' || s[digits] == ')') && s[digits + 1] == ' ') return true;
  return s.size() >= 3 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && s[2] == ' ';
}

bool StartsWithWordChar(std::string_view s) {
  if (s.empty()) return false;
  std::size_t pos = 0;
  return IsWordChar(utf8::Next(s, &pos));
}

// "…Wort-" with a letter or digit before the hyphen.
bool EndsWithWordHyphen(std::string_view s) {
  if (s.size() < 2 || s.back() != '-') return false;
  std::size_t start = 0;
  return IsWordChar(utf8::Previous(s, s.size() - 1, &start));
}

bool EndsWithWordSlash(std::string_view s) {
  if (s.size() < 2 || s.back() != '/') return false;
  std::size_t start = 0;
  return IsWordChar(utf8::Previous(s, s.size() - 1, &start));
}

bool EndsWithSoftHyphen(std::string_view s) { return s.ends_with(kSoftHyphen); }

// In converter text, a paragraph can be cut by blank lines: one after every
// line ("IQ-⏎⏎Netzwerk"), or around a running header left in the middle of a
// sentence ("…, einer⏎⏎BEIRAT …⏎⏎strategischen Ebene"). The gap starting at
// line `i` is bridged when the next text line continues `para`: after a word
// hyphen with a single blank line, or, across removed furniture, when `para`
// stops mid-sentence and the next line starts in lower case.
bool ContinuesAcrossGap(const std::vector<Line>& lines, std::size_t i, const MappedText& para) {
  if (para.empty()) return false;
  std::size_t next = i;
  bool furniture = false;
  while (next < lines.size() && (lines[next].blank || lines[next].removed)) {
    furniture = furniture || lines[next].removed;
    ++next;
  }
  if (next == lines.size() || lines[next].table_row) return false;
  const std::string_view head = para.text();
  const std::string_view following = lines[next].text.text();
  if (EndsWithWordHyphen(head)) return (next == i + 1 || furniture) && StartsWithWordChar(following);
  if (!furniture) return false;
  std::size_t start = 0;
  const char32_t last = utf8::Previous(head, head.size(), &start);
  std::size_t pos = 0;
  const char32_t first = following.empty() ? 0 : utf8::Next(following, &pos);
  return (utf8::IsLetter(last) || last == ',') && utf8::IsLower(first);
}

class Joiner {
 public:
  Joiner(const std::vector<Line>& lines, const grammar::Rules& rules)
      : hyphenated_(HyphenatedPairs(lines)), rules_(rules) {}

  // Appends source[from, to) to `para`, as the continuation of its last line.
  void Join(MappedText* para, const MappedText& source, std::size_t from, std::size_t to) const {
    const std::string_view head = para->text();
    const std::string_view next = std::string_view(source.text()).substr(from, to - from);
    if (next.empty()) return;
    if (para->empty()) {
      para->AppendFrom(source, from, to);
    } else if (EndsWithSoftHyphen(head)) {
      para->Truncate(head.size() - kSoftHyphen.size());
      para->AppendFrom(source, from, to);
    } else if (EndsWithWordHyphen(head) && StartsWithWordChar(next)) {
      if (IsSuspensionWord(next)) {
        para->Append(" ", source.SourceAt(from));
      } else if (!KeepsHyphen(head, next)) {
        para->Truncate(head.size() - 1);
      }
      para->AppendFrom(source, from, to);
    } else if (EndsWithWordSlash(head) && StartsWithWordChar(next)) {
      para->AppendFrom(source, from, to);
    } else {
      para->Append(" ", source.SourceAt(from));
      para->AppendFrom(source, from, to);
    }
  }

 private:
  bool IsSuspensionWord(std::string_view next) const {
    next = next.substr(0, next.find_first_of(" \t,;"));
    return std::find(rules_.suspension_words.begin(), rules_.suspension_words.end(), next) !=
           rules_.suspension_words.end();
  }

  // `head` ends with "-": is it a real hyphen rather than hyphenation?
  bool KeepsHyphen(std::string_view head, std::string_view next) const {
    std::size_t start = 0;
    const char32_t before = utf8::Previous(head, head.size() - 1, &start);
    std::size_t pos = 0;
    const char32_t after = utf8::Next(next, &pos);
    if (utf8::IsDigit(before) || utf8::IsDigit(after) || utf8::IsUpper(after)) return true;
    const std::string_view prefix = LettersBefore(head, head.size() - 1);
    const std::string_view suffix = LettersFrom(next, 0);
    return hyphenated_.count(Lower(std::string(prefix) + "-" + std::string(suffix))) > 0;
  }

  std::unordered_set<std::string> hyphenated_;
  const grammar::Rules& rules_;
};

// Cell ranges [begin, end) of a '\t'-separated row.
std::vector<std::pair<std::size_t, std::size_t>> Cells(std::string_view row) {
  std::vector<std::pair<std::size_t, std::size_t>> cells;
  std::size_t begin = 0;
  while (true) {
    const std::size_t tab = row.find('\t', begin);
    cells.emplace_back(begin, tab == std::string_view::npos ? row.size() : tab);
    if (tab == std::string_view::npos) return cells;
    begin = tab + 1;
  }
}

// A table row that a page break cut in two: the part on the next page has an
// empty first cell. Each of its cells continues the same cell of `row`.
MappedText MergeRows(const Joiner& joiner, const MappedText& row, const MappedText& continuation) {
  const auto head = Cells(row.text());
  const auto tail = Cells(continuation.text());
  MappedText merged;
  for (std::size_t c = 0; c < std::max(head.size(), tail.size()); ++c) {
    if (c > 0) merged.Append("\t", merged.SourceAt(merged.size() - 1));
    const std::size_t cell_start = merged.size();
    if (c < head.size()) merged.AppendFrom(row, head[c].first, head[c].second);
    if (c >= tail.size() || tail[c].first == tail[c].second) continue;
    if (merged.size() == cell_start) {
      merged.AppendFrom(continuation, tail[c].first, tail[c].second);
    } else {
      joiner.Join(&merged, continuation, tail[c].first, tail[c].second);
    }
  }
  return merged;
}

// Appends `line` to `para`, joining the fragments of table cells split by
// U+2028.
void AppendLine(const Joiner& joiner, const MappedText& line, MappedText* para) {
  const std::string_view s = line.text();
  std::size_t from = 0;
  while (from <= s.size()) {
    std::size_t to = s.find(kCellBreak, from);
    if (to == std::string_view::npos) to = s.size();
    joiner.Join(para, line, from, to);
    from = to + kCellBreak.size();
    if (to == s.size()) break;
  }
}

}  // namespace

ReflowResult Reflow(const std::vector<Line>& lines, bool has_layout, const grammar::Rules& rules) {
  const Joiner joiner(lines, rules);
  const WrapWidth wrap = has_layout ? WrapWidth{} : DetectHardWrap(lines);
  ReflowResult result;

  MappedText para;
  const Line* last = nullptr;  // last line added to `para`
  bool para_heading = false;
  bool para_after_blank = false;  // a blank line precedes `para`
  bool blank_seen = false;        // a blank line since `para` was closed
  bool bridged = false;           // the blank lines just skipped lie inside `para`

  auto close = [&] {
    if (para.empty()) return;
    if (!result.text.empty()) {
      result.text.Append("\n", para.SourceAt(0));
      if (para_after_blank) result.text.Append("\n", para.SourceAt(0));
    }
    const std::size_t begin = result.text.size();
    result.text.Append(para);
    const Span span{begin, result.text.size()};
    if (para_heading) result.headings.push_back(span);
    if (last->table_row) result.table_rows.push_back(span);
    para = MappedText();
  };

  auto joins = [&](const Line& line) {
    if (last == nullptr || para.empty() || last->table_row || line.table_row) return false;
    const std::string_view head = para.text();
    const std::string_view next = line.text.text();
    if (bridged || EndsWithSoftHyphen(head)) return true;
    if ((EndsWithWordHyphen(head) || EndsWithWordSlash(head)) && StartsWithWordChar(next)) return true;
    if (last->heading != line.heading) return false;
    if (last->heading) return has_layout && last->continues;
    if (StartsWithListMarker(next)) return false;
    if (has_layout) return last->continues;
    return wrap.hard_wrapped && CodePoints(last->text.text()) >= wrap.threshold;
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.removed) continue;
    if (line.blank) {
      // Converters sometimes put a blank line after every line: a word
      // hyphenated across it ("IQ-⏎⏎Netzwerk") still belongs together.
      if (bridged || (!has_layout && ContinuesAcrossGap(lines, i, para))) {
        bridged = true;
        continue;
      }
      close();
      blank_seen = true;
      continue;
    }
    if (line.table_row && last != nullptr && last->table_row && !para.empty() && line.page > last->page &&
        line.text.text().starts_with('\t')) {
      MappedText continuation;
      AppendLine(joiner, line.text, &continuation);
      para = MergeRows(joiner, para, continuation);
      last = &line;
      continue;
    }
    if (!joins(line)) {
      close();
      para_heading = line.heading;
      para_after_blank = blank_seen;
      blank_seen = false;
    }
    AppendLine(joiner, line.text, &para);
    last = &line;
    bridged = false;
  }
  close();
  if (!result.text.empty()) result.text.Append("\n", result.text.SourceAt(result.text.size() - 1));
  return result;
}

}  // namespace ratsdoc::normalize
