// Finds the raw matches of a grammar's reference rules in a text: one RE2::Set
// pass to learn which rules can fire, then each of those rules over the text;
// overlapping matches are settled (the longest wins) and lists are split into
// one candidate per item.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "grammar/rules.h"
#include "ratsdoc/normalize.h"

namespace ratsdoc::references {

struct Candidate {
  const grammar::ReferenceRule* rule = nullptr;
  Span span;  // this reference's part of the text (a list item's share of the match)
  // Capture groups of the whole match by group number (0 = the match); an
  // entry with data() == nullptr did not take part.
  std::vector<std::string_view> groups;
  std::string_view item;  // the list item ({item}); empty without a list

  // A named group's text, or nullopt when it did not take part.
  std::optional<std::string_view> Group(const std::string& name) const;
};

// Every reference candidate in `text`, in document order, none overlapping.
std::vector<Candidate> FindCandidates(std::string_view text, const grammar::Rules& rules);

}  // namespace ratsdoc::references
