// Query: answers "who cites TARGET?" from a graph XML file written by
// `ratsdoc process`. The graph is read once (pugixml); each lookup is then a
// hash-map probe.
//
// Thread-safety: a loaded GraphIndex is immutable; share it between threads.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "ratsdoc/status.h"

namespace ratsdoc {

// One citing document or unit.
struct Citation {
  std::string document;  // citing document ID
  std::string kind;      // its kind
  std::string date;      // its date (ISO), or empty
  std::string source;    // its file
  std::string unit;      // the citing unit (a measure), or empty for the document itself
  std::string relation;  // "cites", "answers", …
  std::string text;      // the reference as written
  int page = 0;
  std::string context;   // the citing sentence
};

class GraphIndex {
 public:
  // Reads a graph file. Returns kUnreadable when it cannot be read, kInvalidArgument
  // when it is not a ratsdoc graph.
  static Status Load(const std::string& path, GraphIndex* out);

  // Name of the grammar the graph was made with ("magdeburg").
  const std::string& grammar() const { return grammar_; }

  // Every document or unit citing `target` (a canonical ID), once each (the
  // first reference of each; two files of the same paper count once), in
  // document-ID order.
  std::vector<Citation> CitationsOf(const std::string& target) const;

 private:
  std::string grammar_;
  std::unordered_map<std::string, std::vector<Citation>> by_target_;
};

}  // namespace ratsdoc
