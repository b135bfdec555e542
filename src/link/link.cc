// The link stage: document records → one graph.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "ratsdoc/graph.h"

namespace ratsdoc {
namespace {

class Linker {
 public:
  Linker(std::vector<DocumentRecord> documents, const Grammar& grammar)
      : grammar_(grammar), attachment_kind_(AttachmentKind(grammar)) {
    graph_.documents = std::move(documents);
    std::stable_sort(graph_.documents.begin(), graph_.documents.end(),
                     [](const DocumentRecord& a, const DocumentRecord& b) { return a.source < b.source; });
    for (const DocumentRecord& document : graph_.documents) {
      if (document.status.ok()) documents_.insert(document.id);
    }
  }

  Graph Run() {
    for (const DocumentRecord& document : graph_.documents) {
      for (const Unit& unit : document.structure.units) {
        if (!unit.is_vertex) continue;
        AddNode(unit.id, unit.kind, /*resolved=*/true);
        AddEdge(unit.id, document.id, Relation::kPartOf);
      }
    }
    for (const DocumentRecord& document : graph_.documents) {
      std::unordered_set<std::string> vertex_units;
      for (const Unit& unit : document.structure.units) {
        if (unit.is_vertex) vertex_units.insert(unit.id);
      }
      for (const Reference& reference : document.references) {
        if (!reference.resolved) continue;
        AddTarget(reference);
        const bool from_unit = vertex_units.count(reference.unit) > 0;
        AddEdge(from_unit ? reference.unit : document.id, reference.target, reference.relation);
      }
      AddPersons(document);
    }
    for (auto& [id, node] : nodes_) graph_.nodes.push_back(node);
    graph_.edges.assign(edges_.begin(), edges_.end());
    std::sort(graph_.edges.begin(), graph_.edges.end(), [](const Edge& a, const Edge& b) {
      return std::tie(a.from, a.to, a.relation) < std::tie(b.from, b.to, b.relation);
    });
    return std::move(graph_);
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
  void AddPersons(const DocumentRecord& document) {
    const DocumentStructure& s = document.structure;
    auto link = [&](const std::string& name, Relation relation) {
      if (name.empty()) return;
      const std::string id = std::string(kPersonPrefix) + name;
      AddNode(id, "person", true);
      AddEdge(document.id, id, relation);
    };
    for (const Person& person : s.participants) link(person.name, Relation::kParticipant);
    for (const Person& person : s.submitters) link(person.name, Relation::kSubmittedBy);
    for (const Person& person : s.signatures) link(person.name, Relation::kSignedBy);
    if (s.has_meeting) link(s.meeting.minute_taker, Relation::kSignedBy);
  }

  void AddNode(const std::string& id, const std::string& kind, bool resolved) {
    auto [it, inserted] = nodes_.try_emplace(id, Node{id, kind, resolved});
    if (!inserted && resolved) it->second.resolved = true;
  }

  void AddEdge(const std::string& from, const std::string& to, Relation relation) {
    if (from == to) return;
    edges_.insert(Edge{from, to, relation});
  }

 private:
  Graph graph_;
  std::unordered_set<std::string> documents_;
  std::map<std::string, Node> nodes_;
  std::set<Edge, EdgeLess> edges_;
  const Grammar& grammar_;
  const std::string attachment_kind_;
};

}  // namespace

Graph Link(std::vector<DocumentRecord> documents, const Grammar& grammar) {
  Linker linker(std::move(documents), grammar);
  Graph graph = linker.Run();
  graph.grammar = grammar.name();
  graph.grammar_fingerprint = grammar.fingerprint();
  return graph;
}

}  // namespace ratsdoc
