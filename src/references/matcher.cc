#include "references/matcher.h"

#include <algorithm>

namespace ratsdoc::references {
namespace {

// All matches of one rule, left to right, non-overlapping.
void MatchRule(std::string_view text, const grammar::ReferenceRule& rule, std::vector<Candidate>* out) {
  const RE2& re = *rule.pattern;
  const int group_count = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(group_count));
  std::size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(text, pos, text.size(), RE2::UNANCHORED, groups.data(), group_count)) {
    const std::size_t begin = static_cast<std::size_t>(groups[0].data() - text.data());
    const std::size_t end = begin + groups[0].size();
    if (end > begin) {
      Candidate candidate;
      candidate.rule = &rule;
      candidate.span = Span{begin, end};
      for (const re2::StringPiece& group : groups) candidate.groups.emplace_back(group.data(), group.size());
      out->push_back(std::move(candidate));
    }
    pos = end > pos ? end : pos + 1;
  }
}

// Splits a list match ("Maßnahmen 4.5, 4.9 und 4.12 der Anlage 2") into one
// candidate per item. The first item's span starts with the match, the last
// one's ends with it, so the qualifier after the list stays with the text.
void SplitList(std::string_view text, const Candidate& match, std::vector<Candidate>* out) {
  const grammar::ReferenceRule& rule = *match.rule;
  const std::optional<std::string_view> list = match.Group(rule.list_group);
  if (!list) {
    out->push_back(match);
    return;
  }
  std::vector<Candidate> items;
  std::string_view rest = *list;
  re2::StringPiece found;
  while (!rest.empty() && rule.list_item->Match(rest, 0, rest.size(), RE2::UNANCHORED, &found, 1)) {
    const std::string_view item(found.data(), found.size());
    if (item.empty()) break;
    Candidate candidate = match;
    candidate.item = item;
    const std::size_t begin = static_cast<std::size_t>(item.data() - text.data());
    candidate.span = Span{begin, begin + item.size()};
    items.push_back(std::move(candidate));
    const std::size_t consumed = static_cast<std::size_t>(item.data() + item.size() - rest.data());
    rest.remove_prefix(consumed);
  }
  if (items.empty()) return;
  items.front().span.begin = match.span.begin;
  items.back().span.end = match.span.end;
  for (Candidate& candidate : items) out->push_back(std::move(candidate));
}

}  // namespace

std::optional<std::string_view> Candidate::Group(const std::string& name) const {
  const auto& names = rule->pattern->NamedCapturingGroups();
  const auto found = names.find(name);
  if (found == names.end()) return std::nullopt;
  const std::string_view value = groups[static_cast<std::size_t>(found->second)];
  if (value.data() == nullptr) return std::nullopt;
  return value;
}

std::vector<Candidate> FindCandidates(std::string_view text, const grammar::Rules& rules) {
  std::vector<Candidate> matches;
  if (!rules.reference_set) return matches;
  std::vector<int> firing;
  if (!rules.reference_set->Match(text, &firing)) return matches;
  std::sort(firing.begin(), firing.end());
  for (int index : firing) MatchRule(text, rules.references[static_cast<std::size_t>(index)], &matches);

  // Earliest first; at the same start the longest. A match inside or across
  // an earlier kept one is part of it ("DS0583/21" inside "Anlage 2 zur
  // DS0583/21"), so it is dropped.
  std::stable_sort(matches.begin(), matches.end(), [](const Candidate& a, const Candidate& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.span.end > b.span.end;
  });
  std::vector<Candidate> out;
  std::size_t covered = 0;
  for (const Candidate& match : matches) {
    if (match.span.begin < covered) continue;
    covered = match.span.end;
    if (match.rule->list_item) {
      SplitList(text, match, &out);
    } else {
      out.push_back(match);
    }
  }
  return out;
}

}  // namespace ratsdoc::references
