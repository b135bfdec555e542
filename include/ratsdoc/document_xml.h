// Emit: writes ratsdoc's graph XML (SPEC.md "Output: the graph XML";
// reference: docs/graph-xml.md; schema: schema/ratsdoc-graph.rng). Output goes
// through a pugi::xml_writer sink, so tests capture it in a string and the
// command line writes it to a file or stream.
//
// Thread-safety: pure functions; any thread.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "ratsdoc/graph.h"
#include "ratsdoc/ingest.h"

namespace ratsdoc {

// The XML namespace of every ratsdoc graph element.
inline constexpr const char* kGraphNamespace = "urn:ratsdoc:graph:1";

// The ID of a document without an own number: "sha256:" plus the first 16 hex
// digits of its content hash, or, for a file that could not be read at all,
// "path:" plus those of its path's hash.
std::string ContentId(const SourceDocument& source);

// Appends a <document> element for `document` to `parent`.
void AppendDocumentXml(const DocumentRecord& document, pugi::xml_node parent);

// Writes a standalone XML document whose root is the <document> element
// (what `ratsdoc parse` prints).
void WriteDocumentXml(const DocumentRecord& document, pugi::xml_writer& sink);

// Writes the whole graph: <graph> with its documents, nodes and edges.
void WriteGraphXml(const Graph& graph, pugi::xml_writer& sink);

// Writes a graph or fragment file piece by piece, byte for byte as
// WriteGraphXml would, so that a graph can be written without holding its
// documents in memory. Call Document for each document, then Links (graphs
// only), then Close; the file is complete only after Close.
class GraphXmlWriter {
 public:
  // Writes the XML declaration and the start tag of `root`: "graph" or
  // "fragments" (the output of `ratsdoc extract`).
  GraphXmlWriter(pugi::xml_writer& sink, const char* root, std::string_view grammar, std::string_view fingerprint);

  // REQUIRES: `fragment_xml` is a Fragment's xml (fragment.h).
  void Document(std::string_view fragment_xml);
  void Links(const ratsdoc::Links& links);
  void Close();

 private:
  pugi::xml_writer& sink_;
  std::string root_;
};

// `text` with characters that XML 1.0 forbids removed and invalid UTF-8
// replaced by U+FFFD, so any string can be written as an attribute or element.
std::string XmlSafe(std::string_view text);

}  // namespace ratsdoc
