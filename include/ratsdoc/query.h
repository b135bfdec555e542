// Query: answers "who cites TARGET?" for a graph file written by `ratsdoc
// process` or `ratsdoc link`. Which citations exist is decided in one place,
// CitationsByTarget, from the facts of the graph's documents (fragment.h).
// Its answer is kept in two forms:
//
//   the citation index  graph.xml.cites, written next to the graph by
//                       WriteCitationIndex (format: docs/cites-index.md). A
//                       lookup reads a few kilobytes of it: O(log n) reads.
//   the graph itself    read whole with pugixml; seconds for a large archive.
//
// GraphIndex::Load uses the index when it belongs to exactly that graph file
// and is intact, and otherwise reads the graph, so an index that is missing,
// stale or damaged costs time, never a wrong answer.
//
// Thread-safety: a loaded GraphIndex is immutable; share it between threads.
// The free functions are pure, WriteCitationIndex apart from its file.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ratsdoc/graph.h"
#include "ratsdoc/status.h"

namespace ratsdoc {

// One citing document or unit.
struct Citation {
  std::string document;  // citing document ID
  std::string kind;      // its kind
  std::string date;      // its date (ISO), or empty
  std::string source;    // its file
  std::string unit;      // the citing unit (question, agenda item, measure), or empty for the document itself
  std::string relation;  // "cites", "answers", … (RelationName)
  std::string text;      // the reference as written
  int page = 0;
  std::string context;  // the citing sentence

  friend bool operator==(const Citation&, const Citation&) = default;
};

// Every citation made by `documents` (in graph order: sorted by source path),
// as (target, citation): one for each resolved reference, but only the first
// in that order of each (target, document ID, unit), so the PDF and the text
// of one paper count once. Sorted by (target, document ID, unit). Unresolved
// references (`resolved="false"`) cite nothing.
// Cost: O(r log r) for r references; the result copies the strings it needs.
std::vector<std::pair<std::string, Citation>> CitationsByTarget(const std::vector<DocumentFacts>& documents);

// The path of the citation index of the graph file `graph_path`: graph_path + ".cites".
std::string CitationIndexPath(const std::string& graph_path);

// Writes the citation index of `documents` — the documents of the graph file
// `graph_path`, in the same order — to CitationIndexPath(graph_path), through
// a temporary file renamed into place. The index records the graph's size and
// a hash of its first 64 KiB and last MiB, so it answers only for that graph
// file. `grammar` is the graph's grammar name. Returns kUnreadable when the
// graph cannot be read or the index cannot be written; no index is left at
// CitationIndexPath(graph_path) then, not even an older one.
// REQUIRES: the graph file is completely written, in its final place.
// A caller replacing a graph removes the old index before renaming the new
// graph into place: the hash covers only part of the graph, so an old index
// could pass for a new graph of the same size and the same tail.
// Cost: CitationsByTarget plus one sequential write (about a third of the
// graph's size); 1 MiB of the graph is read. Not synced: a torn index is
// detected when read and ignored.
Status WriteCitationIndex(const std::string& graph_path, const std::string& grammar,
                          const std::vector<DocumentFacts>& documents);

class GraphIndex {
 public:
  // An empty index: no grammar, no citations.
  GraphIndex();
  ~GraphIndex();
  GraphIndex(GraphIndex&&) noexcept;
  GraphIndex& operator=(GraphIndex&&) noexcept;
  GraphIndex(const GraphIndex&) = delete;
  GraphIndex& operator=(const GraphIndex&) = delete;

  // Opens the graph file `path` for queries: through its citation index when
  // that belongs to this file and is intact (milliseconds; both files stay
  // open), else by reading the graph (seconds for a 1 GB graph). Returns
  // kUnreadable when the graph cannot be read, kInvalidArgument when it is not
  // a ratsdoc graph.
  static Status Load(const std::string& path, GraphIndex* out);

  // Name of the grammar the graph was made with ("magdeburg").
  const std::string& grammar() const;

  // True when queries are answered from the citation index (for tests and
  // diagnostics; the answers are the same either way).
  bool uses_citation_index() const;

  // Why not, for a diagnostic such as "reading the whole graph: …": ok while
  // the index is used; kUnreadable when there is none; kInvalidArgument,
  // saying why, when it is damaged or belongs to another graph file.
  Status citation_index_status() const;

  // Every document or unit citing `target` (a canonical ID), once each (the
  // first reference of each; two files of the same paper count once), in
  // (document ID, unit) order: CitationsByTarget's answer for `target`.
  // When a block of the index proves damaged the graph is read instead, once,
  // and kept; only if that fails too is an error returned (kUnreadable,
  // kInvalidArgument, as Load) and `citations` left empty.
  // Cost with the index: O(log n) block reads plus the citations found.
  Status Lookup(const std::string& target, std::vector<Citation>* citations) const;

  // Lookup without the status: empty when nothing cites `target` or the
  // lookup failed.
  std::vector<Citation> CitationsOf(const std::string& target) const;

 private:
  class Backend;
  std::unique_ptr<Backend> backend_;
};

}  // namespace ratsdoc
