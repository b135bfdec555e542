// Which citations a graph holds: the one place that decides it, for the
// citation index and for a graph read as XML alike.
#include <algorithm>
#include <string_view>
#include <tuple>

#include "query/citation_index.h"
#include "ratsdoc/query.h"

namespace ratsdoc {
namespace query {

Citation MakeCitation(const DocumentFacts& document, const Reference& reference) {
  Citation citation;
  citation.document = document.id;
  citation.kind = document.kind;
  citation.date = document.date;
  citation.source = document.source;
  citation.unit = reference.unit;
  citation.relation = std::string(RelationName(reference.relation));
  citation.text = reference.text;
  citation.page = reference.page;
  citation.context = reference.context;
  return citation;
}

std::vector<CitationSlot> SelectCitations(const std::vector<DocumentFacts>& documents) {
  std::vector<CitationSlot> slots;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const std::vector<Reference>& references = documents[d].references;
    for (std::size_t r = 0; r < references.size(); ++r) {
      // An unresolved target ("?#4.41") names nothing that could be asked for.
      if (references[r].resolved) slots.push_back(CitationSlot{references[r].target, d, r});
    }
  }
  // By (target, document ID, unit), then document order: the first of each
  // key comes first, so the PDF and the text of one paper give one citation.
  const auto compare_key = [&documents](const CitationSlot& a, const CitationSlot& b) {
    if (const int order = a.target.compare(b.target); order != 0) return order;
    const DocumentFacts& da = documents[a.document];
    const DocumentFacts& db = documents[b.document];
    if (const int order = da.id.compare(db.id); order != 0) return order;
    return da.references[a.reference].unit.compare(db.references[b.reference].unit);
  };
  std::sort(slots.begin(), slots.end(), [&compare_key](const CitationSlot& a, const CitationSlot& b) {
    const int order = compare_key(a, b);
    if (order != 0) return order < 0;
    return std::tie(a.document, a.reference) < std::tie(b.document, b.reference);
  });
  slots.erase(
      std::unique(slots.begin(), slots.end(),
                  [&compare_key](const CitationSlot& a, const CitationSlot& b) { return compare_key(a, b) == 0; }),
      slots.end());
  return slots;
}

}  // namespace query

std::vector<std::pair<std::string, Citation>> CitationsByTarget(const std::vector<DocumentFacts>& documents) {
  std::vector<std::pair<std::string, Citation>> citations;
  const std::vector<query::CitationSlot> slots = query::SelectCitations(documents);
  citations.reserve(slots.size());
  for (const query::CitationSlot& slot : slots) {
    const DocumentFacts& document = documents[slot.document];
    const Reference& reference = document.references[slot.reference];
    citations.emplace_back(reference.target, query::MakeCitation(document, reference));
  }
  return citations;
}

}  // namespace ratsdoc
