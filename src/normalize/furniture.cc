#include "normalize/furniture.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include <unicode/unistr.h>

#include "common/utf8.h"

namespace ratsdoc::normalize {
namespace {

// Comparison key of a line: case-folded, digits as '#', single spaces; so
// "Seite 2" and "SEITE 3" or "Stand: 01.02.2023" on every page compare equal.
std::string FoldKey(std::string_view text) {
  std::string folded;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(folded);
  std::string key;
  key.reserve(folded.size());
  for (char c : folded) {
    if (c >= '0' && c <= '9') {
      key += '#';
    } else if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += c;
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

int CountWords(std::string_view key) {
  int words = 0;
  bool in_word = false;
  for (char c : key) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The enumeration a block starts with ("2." of "2. Bericht der Verwaltung",
// by the grammar's <enumeration>), empty when there is none.
std::string_view LeadingEnumeration(std::string_view text, const grammar::Rules& rules) {
  re2::StringPiece enumeration;
  if (rules.enumeration == nullptr ||
      !rules.enumeration->Match(text, 0, text.size(), RE2::ANCHOR_START, &enumeration, 1)) {
    return {};
  }
  return {enumeration.data(), enumeration.size()};
}

bool IsBlankOrRemoved(const Line& line) { return line.blank || line.removed; }

// In text without layout, a line stands "at a page edge" when it is isolated
// between blank lines, or first or last of a page ('\f' in pdftotext output).
bool TextEdge(const std::vector<Line>& lines, std::size_t i) {
  const bool blank_before = i == 0 || IsBlankOrRemoved(lines[i - 1]) || lines[i - 1].page != lines[i].page;
  const bool blank_after = i + 1 == lines.size() || IsBlankOrRemoved(lines[i + 1]) || lines[i + 1].page != lines[i].page;
  return blank_before && blank_after;
}

void ApplyRules(std::vector<Line>* lines, bool has_layout, const grammar::Rules& rules) {
  for (std::size_t i = 0; i < lines->size(); ++i) {
    Line& line = (*lines)[i];
    if (line.blank || line.removed || line.table_row) continue;
    const std::string_view text = utf8::Trim(line.text.text());
    for (const grammar::FurnitureRule& rule : rules.furniture) {
      if (rule.scope == grammar::FurnitureRule::Scope::kPageEdge &&
          !(has_layout ? line.page_edge : TextEdge(*lines, i))) {
        continue;
      }
      if (RE2::FullMatch(text, *rule.line)) {
        line.removed = true;
        break;
      }
    }
  }
}

// PDF: lines in the margin band whose key recurs on enough pages.
void RemoveRepeatedEdgeLines(std::vector<Line>* lines, int page_count, const NormalizeOptions& options,
                             std::set<std::string>* removed) {
  std::unordered_map<std::string, std::set<int>> pages_by_key;
  std::vector<std::string> keys(lines->size());
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const Line& line = (*lines)[i];
    if (!line.page_edge || line.blank || line.table_row) continue;
    keys[i] = FoldKey(line.text.text());
    pages_by_key[keys[i]].insert(line.page);
  }
  const auto needed = static_cast<std::size_t>(
      std::max(2.0, std::ceil(options.furniture_page_fraction * static_cast<double>(page_count))));
  for (std::size_t i = 0; i < lines->size(); ++i) {
    if (keys[i].empty() || pages_by_key[keys[i]].size() < needed) continue;
    Line& line = (*lines)[i];
    if (!line.removed) removed->insert(std::string(utf8::Trim(line.text.text())));
    line.removed = true;
  }
}

// Text: blocks of one or two lines between blank lines that recur verbatim
// (up to case and digits, but for a leading enumeration) — a converter's copy
// of the page header.
void RemoveRepeatedBlocks(std::vector<Line>* lines, const grammar::Rules& rules, const NormalizeOptions& options,
                          std::set<std::string>* removed) {
  struct Block {
    std::size_t first, last;  // line indexes, inclusive
  };
  std::unordered_map<std::string, std::vector<Block>> blocks_by_key;
  std::size_t i = 0;
  while (i < lines->size()) {
    if (IsBlankOrRemoved((*lines)[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < lines->size() && !IsBlankOrRemoved((*lines)[j + 1])) ++j;
    bool eligible = j - i < 2;
    std::string joined;
    for (std::size_t k = i; eligible && k <= j; ++k) {
      const Line& line = (*lines)[k];
      const std::string& text = line.text.text();
      const bool list_item = text.starts_with("- ") || text.starts_with("• ");
      if (line.table_row || list_item || text.find('\t') != std::string::npos) eligible = false;
      if (!joined.empty()) joined += ' ';
      joined += text;
    }
    if (eligible) {
      const std::string_view text = utf8::Trim(joined);
      blocks_by_key[std::string(LeadingEnumeration(text, rules)) + FoldKey(text)].push_back(Block{i, j});
    }
    i = j + 1;
  }
  for (const auto& [key, blocks] : blocks_by_key) {
    if (blocks.size() < static_cast<std::size_t>(options.furniture_min_repeats)) continue;
    if (CountWords(key) < options.furniture_min_words) continue;
    for (const Block& block : blocks) {
      std::string text;
      for (std::size_t k = block.first; k <= block.last; ++k) {
        (*lines)[k].removed = true;
        if (!text.empty()) text += ' ';
        text += (*lines)[k].text.text();
      }
      removed->insert(text);
    }
  }
}

// PDF: a table's heading row repeated at the top of a page.
void RemoveRepeatedTableHeadings(std::vector<Line>* lines) {
  std::set<std::string> seen_rows;
  int page = 0;
  for (Line& line : *lines) {
    if (line.blank || line.removed || line.page_edge) continue;
    const bool first_on_page = line.page != page;
    page = line.page;
    if (!line.table_row) continue;
    std::string key = FoldKey(line.text.text());
    if (first_on_page && seen_rows.count(key)) {
      line.removed = true;
    } else {
      seen_rows.insert(std::move(key));
    }
  }
}

}  // namespace

std::vector<std::string> RemoveFurniture(std::vector<Line>* lines, int page_count, bool has_layout,
                                         const grammar::Rules& rules, const NormalizeOptions& options) {
  std::set<std::string> removed;
  if (has_layout) {
    RemoveRepeatedEdgeLines(lines, page_count, options, &removed);
    RemoveRepeatedTableHeadings(lines);
  } else {
    RemoveRepeatedBlocks(lines, rules, options, &removed);
  }
  ApplyRules(lines, has_layout, rules);
  return {removed.begin(), removed.end()};
}

}  // namespace ratsdoc::normalize
