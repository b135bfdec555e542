// The link stage: document records → one graph.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "ratsdoc/fragment.h"
#include "ratsdoc/graph.h"

namespace ratsdoc {
namespace {

class Linker {
 public:
  Linker(const std::vector<DocumentFacts>& documents, const Grammar& grammar)
      : documents_in_order_(documents), grammar_(grammar), attachment_kind_(AttachmentKind(grammar)) {
    for (const DocumentFacts& document : documents) {
      if (document.error.empty()) documents_.insert(document.id);
    }
  }

  Links Run() {
    for (const DocumentFacts& document : documents_in_order_) {
      for (const Unit& unit : document.vertices) {
        AddNode(unit.id, unit.kind, /*resolved=*/true);
        AddEdge(unit.id, document.id, Relation::kPartOf);
      }
    }
    for (const DocumentFacts& document : documents_in_order_) {
      std::unordered_set<std::string> vertex_units;
      for (const Unit& unit : document.vertices) vertex_units.insert(unit.id);
      for (const Reference& reference : document.references) {
        if (!reference.resolved) continue;
        AddTarget(reference);
        const bool from_unit = vertex_units.count(reference.unit) > 0;
        AddEdge(from_unit ? reference.unit : document.id, reference.target, reference.relation);
      }
      AddPersons(document);
    }
    Links links;
    links.nodes.reserve(nodes_.size());
    for (auto& [id, node] : nodes_) links.nodes.push_back(std::move(node));
    links.edges.assign(edges_.begin(), edges_.end());  // a std::set: already sorted
    return links;
  }

 private:
  struct EdgeLess {
    bool operator()(const Edge& a, const Edge& b) const {
      return std::tie(a.from, a.to, a.relation) < std::tie(b.from, b.to, b.relation);
    }
  };

  bool InArchive(const std::string& id) const {
    if (documents_.count(id) > 0) return true;
    const auto node = nodes_.find(id);
    return node != nodes_.end() && node->second.resolved;
  }

  // A target that is not an input document becomes a node; an attachment or
  // measure also links to what it is part of, which becomes a node in turn
  // when it is not in the archive.
  void AddTarget(const Reference& reference) {
    if (documents_.count(reference.target) > 0) return;
    if (reference.part == Reference::Part::kPaper) {
      AddNode(reference.target, reference.kind, false);
      return;
    }
    // The paper's kind costs a grammar scan: look it up once per paper.
    if (documents_.count(reference.paper) == 0 && nodes_.count(reference.paper) == 0) {
      AddNode(reference.paper, KindOfId(reference.paper, grammar_), false);
    }
    std::string attachment = reference.target;
    if (reference.part == Reference::Part::kMeasure) {
      attachment = reference.attachment;
      AddNode(reference.target, reference.kind, InArchive(reference.paper) || InArchive(attachment));
      AddEdge(reference.target, attachment, Relation::kPartOf);
    }
    if (documents_.count(attachment) == 0) {
      AddNode(attachment, attachment_kind_, InArchive(reference.paper));
      AddEdge(attachment, reference.paper, Relation::kAttachmentOf);
    }
  }

  // Persons named in a document become one vertex per name ("person:" + the
  // name as normalised by the structure stage). Names are not completed or
  // merged beyond that: "Arnold" and "Cornelia Arnold" stay two vertices.
  void AddPersons(const DocumentFacts& document) {
    for (const PersonLink& person : document.persons) {
      const std::string id = std::string(kPersonPrefix) + person.name;
      AddNode(id, "person", true);
      AddEdge(document.id, id, person.relation);
    }
  }

  void AddNode(const std::string& id, const std::string& kind, bool resolved) {
    auto [it, inserted] = nodes_.try_emplace(id, Node{.id = id, .kind = kind, .resolved = resolved});
    if (!inserted && resolved) it->second.resolved = true;
  }

  void AddEdge(const std::string& from, const std::string& to, Relation relation) {
    if (from == to) return;
    edges_.insert(Edge{from, to, relation});
  }

 private:
  const std::vector<DocumentFacts>& documents_in_order_;
  std::unordered_set<std::string> documents_;
  std::map<std::string, Node> nodes_;
  std::set<Edge, EdgeLess> edges_;
  const Grammar& grammar_;
  const std::string attachment_kind_;
};

}  // namespace

Links LinkDocuments(const std::vector<DocumentFacts>& documents, const Grammar& grammar) {
  return Linker(documents, grammar).Run();
}

Graph Link(std::vector<DocumentRecord> documents, const Grammar& grammar) {
  Graph graph;
  graph.grammar = grammar.name();
  graph.grammar_fingerprint = grammar.fingerprint();
  graph.documents = std::move(documents);
  std::stable_sort(graph.documents.begin(), graph.documents.end(),
                   [](const DocumentRecord& a, const DocumentRecord& b) { return a.source < b.source; });
  std::vector<DocumentFacts> facts;
  facts.reserve(graph.documents.size());
  for (const DocumentRecord& document : graph.documents) facts.push_back(MakeFragment(document).facts);
  Links links = LinkDocuments(facts, grammar);
  graph.nodes = std::move(links.nodes);
  graph.edges = std::move(links.edges);
  return graph;
}

}  // namespace ratsdoc
