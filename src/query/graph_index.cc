// GraphIndex: a graph's citations, from its citation index when that is the
// graph's own and intact, else from the graph XML itself.
#include "ratsdoc/query.h"

#include <sys/stat.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <pugixml.hpp>

#include "query/citation_index.h"
#include "ratsdoc/document_xml.h"
#include "ratsdoc/fragment.h"

namespace ratsdoc {
namespace {

// A graph read whole: every citation in memory, by target.
struct CitationMap {
  std::string grammar;
  std::unordered_map<std::string, std::vector<Citation>> by_target;
};

// Reads the open graph file `fd` (named `path`) as XML.
Status ReadGraphXml(int fd, const std::string& path, CitationMap* out) {
  struct stat info;
  if (::fstat(fd, &info) != 0) return Status(ErrorCode::kUnreadable, "cannot read the graph file " + path);
  std::vector<DocumentFacts> documents;
  std::string grammar;
  {
    std::string bytes;
    Status status = query::ReadAt(fd, 0, static_cast<std::size_t>(info.st_size), path, &bytes);
    if (!status.ok()) return Status(ErrorCode::kUnreadable, "cannot read the graph file " + path);
    pugi::xml_document xml;
    const pugi::xml_parse_result parsed = xml.load_buffer_inplace(bytes.data(), bytes.size());
    if (!parsed) {
      return Status(ErrorCode::kInvalidArgument, path + " is not well-formed XML (" + parsed.description() +
                                                     " at byte " + std::to_string(parsed.offset) + ")");
    }
    const pugi::xml_node root = xml.document_element();
    if (std::string(root.name()) != "graph" || std::string(root.attribute("xmlns").as_string()) != kGraphNamespace) {
      return Status(ErrorCode::kInvalidArgument, path + " is not a ratsdoc graph (its root is not <graph xmlns=\"" +
                                                     std::string(kGraphNamespace) + "\">)");
    }
    grammar = root.attribute("grammar").as_string();
    for (pugi::xml_node element : root.children("document")) {
      DocumentFacts facts;
      status = ReadFacts(element, &facts);
      if (!status.ok()) {
        return Status(ErrorCode::kInvalidArgument, path + ": document " + std::to_string(documents.size() + 1) +
                                                       " is unusable: " + status.message());
      }
      documents.push_back(std::move(facts));
    }
  }  // the XML text and tree are released before the citations are gathered
  CitationMap map;
  map.grammar = std::move(grammar);
  for (auto& [target, citation] : CitationsByTarget(documents)) map.by_target[target].push_back(std::move(citation));
  *out = std::move(map);
  return Status::Ok();
}

}  // namespace

class GraphIndex::Backend {
 public:
  // Answered from the citation index, with the graph kept open in case a
  // block of the index proves damaged.
  Backend(query::CitationIndexReader index, query::FileDescriptor graph, std::string graph_path)
      : grammar_(index.grammar()),
        index_(std::move(index)),
        graph_(std::move(graph)),
        graph_path_(std::move(graph_path)) {}
  // Answered from the graph read whole; `index_status` says why not from its index.
  Backend(CitationMap map, Status index_status)
      : grammar_(map.grammar), map_(std::move(map)), index_status_(std::move(index_status)), fallback_ready_(true) {}

  const std::string& grammar() const { return grammar_; }
  bool uses_index() const { return index_.has_value() && !fallback_ready_.load(std::memory_order_acquire); }
  Status index_status() const {
    // Until a fall-back is published the index is in use, and index_status_ may be being written.
    return fallback_ready_.load(std::memory_order_acquire) ? index_status_ : Status::Ok();
  }

  Status Lookup(const std::string& target, std::vector<Citation>* citations) const {
    citations->clear();
    if (!fallback_ready_.load(std::memory_order_acquire)) {
      Status damage = index_->Lookup(target, citations);
      if (damage.ok()) return Status::Ok();
      citations->clear();
      // Damaged or unreadable: the graph itself answers from now on.
      std::call_once(fallback_once_, [this, &damage] {
        index_status_ = std::move(damage);
        fallback_status_ = ReadGraphXml(graph_.get(), graph_path_, &map_);
        fallback_ready_.store(true, std::memory_order_release);
      });
    }
    if (!fallback_status_.ok()) return fallback_status_;
    const auto found = map_.by_target.find(target);
    if (found != map_.by_target.end()) *citations = found->second;
    return Status::Ok();
  }

 private:
  std::string grammar_;
  std::optional<query::CitationIndexReader> index_;
  query::FileDescriptor graph_;
  std::string graph_path_;
  // Written once, under fallback_once_, before fallback_ready_ is set.
  mutable CitationMap map_;
  mutable Status index_status_;
  mutable Status fallback_status_;
  mutable std::once_flag fallback_once_;
  mutable std::atomic<bool> fallback_ready_{false};
};

GraphIndex::GraphIndex() = default;
GraphIndex::~GraphIndex() = default;
GraphIndex::GraphIndex(GraphIndex&&) noexcept = default;
GraphIndex& GraphIndex::operator=(GraphIndex&&) noexcept = default;

Status GraphIndex::Load(const std::string& path, GraphIndex* out) {
  query::FileDescriptor graph;
  if (!query::OpenForReading(path, &graph).ok()) {
    return Status(ErrorCode::kUnreadable, "cannot read the graph file " + path);
  }
  query::CitationIndexReader index;
  Status index_status = query::CitationIndexReader::Open(CitationIndexPath(path), graph.get(), path, &index);
  if (index_status.ok()) {
    out->backend_ = std::make_unique<Backend>(std::move(index), std::move(graph), path);
    return Status::Ok();
  }
  CitationMap map;
  Status status = ReadGraphXml(graph.get(), path, &map);
  if (!status.ok()) return status;
  out->backend_ = std::make_unique<Backend>(std::move(map), std::move(index_status));
  return Status::Ok();
}

const std::string& GraphIndex::grammar() const {
  static const std::string kNone;
  return backend_ ? backend_->grammar() : kNone;
}

bool GraphIndex::uses_citation_index() const { return backend_ && backend_->uses_index(); }

Status GraphIndex::citation_index_status() const {
  return backend_ ? backend_->index_status() : Status(ErrorCode::kUnreadable, "no graph is loaded");
}

Status GraphIndex::Lookup(const std::string& target, std::vector<Citation>* citations) const {
  if (!backend_) {
    citations->clear();
    return Status::Ok();
  }
  return backend_->Lookup(target, citations);
}

std::vector<Citation> GraphIndex::CitationsOf(const std::string& target) const {
  std::vector<Citation> citations;
  if (!Lookup(target, &citations).ok()) citations.clear();
  return citations;
}

}  // namespace ratsdoc
