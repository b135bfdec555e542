// OParl's own links beside the text's, the dump's papers as a gazetteer, and
// how the two kinds of link agree (docs/oparl.md, "Links").
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "grammar/rules.h"
#include "ratsdoc/oparl.h"
#include "ratsdoc/structure.h"

namespace ratsdoc::oparl {
namespace {


// The papers (by OParl id) the read documents belong to.
std::unordered_set<std::string> PapersRead(const std::vector<DocumentFacts>& documents) {
  std::unordered_set<std::string> papers;
  for (const DocumentFacts& document : documents) {
    if (document.error.empty() && document.metadata && !document.metadata->paper_url.empty()) {
      papers.insert(document.metadata->paper_url);
    }
  }
  return papers;
}

class DumpLinker {
 public:
  DumpLinker(const Dump& dump, const Join& join, const Grammar& grammar, const std::vector<DocumentFacts>& documents,
             Links* links)
      : dump_(dump), join_(join), grammar_(grammar), documents_(documents), links_(*links) {
    for (const DocumentFacts& document : documents) {
      if (document.error.empty()) read_.insert(document.id);
    }
    for (Node& node : links->nodes) nodes_.emplace(node.id, std::move(node));
    edges_.insert(links->edges.begin(), links->edges.end());
    for (const auto& [url, paper] : dump.papers) {
      const std::string& id = join.PaperId(url);
      if (!id.empty()) papers_by_id_.emplace(id, &paper);
    }
  }

  void Run() {
    for (const std::string& url : PapersRead(documents_)) {
      const auto paper = dump_.papers.find(url);
      if (paper == dump_.papers.end()) continue;
      const std::string& id = join_.PaperId(url);
      if (id.empty()) continue;
      for (const std::string& super : paper->second.superordinated) Link(id, Paper(super), Relation::kOparlSubordinateOf);
      for (const std::string& sub : paper->second.subordinated) Link(Paper(sub), id, Relation::kOparlSubordinateOf);
      for (const std::string& consultation : paper->second.consultations) Consulted(id, consultation);
    }
    for (const DocumentFacts& document : documents_) {
      if (!document.error.empty() || !document.metadata) continue;
      const FileMetadata& metadata = *document.metadata;
      // Only a document that is the Anlage (not one whose own number won, --oparl-trust text).
      if (metadata.role == FileRole::kAttachment && !metadata.paper_id.empty() && !metadata.attachment.empty() &&
          document.id == AttachmentIdOf(metadata.paper_id, metadata.attachment, grammar_)) {
        Link(document.id, Paper(metadata.paper_url), Relation::kAttachmentOf);
      }
    }
    // The gazetteer: a paper the text cites that the dump knows.
    for (auto& [id, node] : nodes_) {
      const auto paper = papers_by_id_.find(id);
      if (paper != papers_by_id_.end()) Describe(*paper->second, &node);
    }
    links_.nodes.clear();
    for (auto& [id, node] : nodes_) links_.nodes.push_back(std::move(node));
    links_.edges.assign(edges_.begin(), edges_.end());
  }

 private:
  struct EdgeLess {
    bool operator()(const Edge& a, const Edge& b) const {
      return std::tie(a.from, a.to, a.relation) < std::tie(b.from, b.to, b.relation);
    }
  };

  void Describe(const oparl::Paper& paper, Node* node) const {
    node->resolved = true;
    node->oparl = paper.id;
    node->name = paper.name;
    node->date = paper.date;
    node->paper_type = paper.paper_type;
    const std::string kind = join_.KindOf(paper);
    if (!kind.empty() && (node->kind.empty() || node->kind == kNoKind)) node->kind = kind;
  }

  // The ID of the dump's paper `url`, as a vertex: a document read, or a node
  // with its metadata. Empty when the dump lacks it or it has no reference.
  std::string Paper(const std::string& url) {
    const auto paper = dump_.papers.find(url);
    if (paper == dump_.papers.end()) return "";
    const std::string& id = join_.PaperId(url);
    if (id.empty() || read_.count(id) > 0) return id;
    auto [it, inserted] = nodes_.try_emplace(id, Node{.id = id, .kind = "", .resolved = true});
    if (inserted) {
      const std::string kind = join_.KindOf(paper->second);
      it->second.kind = kind.empty() ? KindOfId(id, grammar_) : kind;
    }
    Describe(paper->second, &it->second);
    return id;
  }

  // paper → the agenda item it was consulted at; the agenda item part-of its meeting.
  void Consulted(const std::string& paper, const std::string& consultation_url) {
    const auto consultation = dump_.consultations.find(consultation_url);
    if (consultation == dump_.consultations.end()) return;
    const auto meeting = dump_.meetings.find(consultation->second.meeting);
    if (meeting == dump_.meetings.end()) return;
    const std::string meeting_id = join_.MeetingId(meeting->second);
    if (read_.count(meeting_id) == 0) {
      const std::string kind = grammar_.rules().KindWithLayout(grammar::schema::Layout::kMinutes);
      auto [it, inserted] = nodes_.try_emplace(
          meeting_id, Node{.id = meeting_id, .kind = kind.empty() ? std::string(kNoKind) : kind, .resolved = true});
      it->second.oparl = meeting->second.id;
      it->second.name = meeting->second.name;
      it->second.date = DateOf(meeting->second.start);
    }
    const auto item = dump_.agenda_items.find(consultation->second.agenda_item);
    if (item == dump_.agenda_items.end() || item->second.number.empty()) {
      Link(paper, meeting_id, Relation::kOparlConsultedAt);
      return;
    }
    const std::string item_id = AgendaItemIdOf(meeting_id, item->second.number, grammar_);
    if (read_.count(item_id) == 0) {
      auto [it, inserted] = nodes_.try_emplace(item_id, Node{.id = item_id, .kind = kAgendaItemUnit, .resolved = true});
      it->second.oparl = item->second.id;
      it->second.name = item->second.name;
      it->second.date = DateOf(meeting->second.start);
    }
    Link(paper, item_id, Relation::kOparlConsultedAt);
    Link(item_id, meeting_id, Relation::kPartOf);
  }

  void Link(const std::string& from, const std::string& to, Relation relation) {
    if (from.empty() || to.empty() || from == to) return;
    edges_.insert(Edge{from, to, relation});
  }

  const Dump& dump_;
  const Join& join_;
  const Grammar& grammar_;
  const std::vector<DocumentFacts>& documents_;
  Links& links_;
  std::unordered_set<std::string> read_;
  std::map<std::string, Node> nodes_;
  std::set<Edge, EdgeLess> edges_;
  std::unordered_map<std::string, const oparl::Paper*> papers_by_id_;
};

// An unordered pair of paper IDs.
std::pair<std::string, std::string> Pair(const std::string& a, const std::string& b) {
  return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
}

std::string Thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Share(std::size_t part, std::size_t whole) {
  if (whole == 0) return "–";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(part) / static_cast<double>(whole));
  return buffer;
}

}  // namespace

void AddDumpLinks(const Dump& dump, const Join& join, const Grammar& grammar, const std::vector<DocumentFacts>& documents,
                  Links* links) {
  DumpLinker(dump, join, grammar, documents, links).Run();
}

LinkComparison CompareLinks(const Dump& dump, const Join& join, const std::vector<DocumentFacts>& documents) {
  std::unordered_set<std::string> dump_ids;
  for (const auto& [url, paper] : dump.papers) {
    if (!join.PaperId(url).empty()) dump_ids.insert(join.PaperId(url));
  }
  std::set<std::pair<std::string, std::string>> oparl_links, oparl_related, text_links;
  for (const std::string& url : PapersRead(documents)) {
    const auto paper = dump.papers.find(url);
    const std::string& id = join.PaperId(url);
    if (paper == dump.papers.end() || id.empty()) continue;
    for (const std::vector<std::string>* list : {&paper->second.superordinated, &paper->second.subordinated}) {
      for (const std::string& other : *list) {
        const std::string& other_id = join.PaperId(other);
        if (!other_id.empty() && other_id != id) oparl_links.insert(Pair(id, other_id));
      }
    }
    for (const std::string& other : paper->second.related) {
      const std::string& other_id = join.PaperId(other);
      if (!other_id.empty() && other_id != id) oparl_related.insert(Pair(id, other_id));
    }
  }
  for (const DocumentFacts& document : documents) {
    // A minutes extract is the meeting's, not its paper's: what it cites is not the paper's link.
    if (!document.error.empty() || !document.metadata || document.metadata->paper_id.empty() ||
        document.metadata->role == FileRole::kMinutes) {
      continue;
    }
    const std::string& id = document.metadata->paper_id;
    for (const Reference& reference : document.references) {
      if (!reference.resolved) continue;
      const std::string& target = reference.part == Reference::Part::kPaper ? reference.target : reference.paper;
      if (target.empty() || target == id || dump_ids.count(target) == 0) continue;
      text_links.insert(Pair(id, target));
    }
  }
  LinkComparison out;
  out.oparl_pairs = oparl_links.size();
  out.text_pairs = text_links.size();
  for (const auto& pair : oparl_links) out.oparl_in_text += text_links.count(pair);
  for (const auto& pair : text_links) {
    if (oparl_links.count(pair) == 0 && oparl_related.count(pair) == 0) ++out.text_not_in_oparl;
  }
  return out;
}

std::vector<std::string> FormatReport(const Dump& dump, const Join& join, const LinkComparison& comparison) {
  std::vector<std::string> lines;
  lines.push_back("OParl dump: " + Thousands(dump.papers.size()) + " papers, " + Thousands(dump.files.size()) +
                  " files, " + Thousands(dump.meetings.size()) + " meetings from " + Thousands(dump.json_files) +
                  " JSON files.");
  lines.push_back("OParl join: " + Thousands(join.matched()) + " local files matched a File; " +
                  Thousands(join.unmatched_files().size()) + " match none; " + Thousands(join.files_without_local()) +
                  " Files have no local file.");
  if (!join.unmatched_files().empty()) lines.push_back("  e.g. no File for " + join.unmatched_files().front());
  if (join.ambiguous_keys() > 0) {
    lines.push_back("  " + Thousands(join.ambiguous_keys()) + " names two Files share were not used to match.");
  }
  for (const std::string& flaw : DescribeFlaws(dump)) lines.push_back("OParl dump flaw: " + flaw);
  lines.push_back("OParl links: of " + Thousands(comparison.oparl_pairs) +
                  " super-/subordinated links of the papers read, the text shows " +
                  Thousands(comparison.oparl_in_text) + " (" + Share(comparison.oparl_in_text, comparison.oparl_pairs) +
                  "); the text links " + Thousands(comparison.text_pairs) + " pairs of the dump's papers, " +
                  Thousands(comparison.text_not_in_oparl) + " of them not linked in OParl.");
  return lines;
}

}  // namespace ratsdoc::oparl
