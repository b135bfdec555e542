// Fragments: one document as the graph holds it. A fragment is the document's
// <document> element (docs/graph-xml.md), printed exactly as it stands in a
// graph file, together with the facts the link stage, the end-of-run summary
// and the citation index need of it. The facts are always read back from the
// XML, never taken from the DocumentRecord directly, so a graph made in one go
// (`ratsdoc process`), from cached fragments (`--cache`) or from fragment files
// made on other machines (`ratsdoc extract` + `ratsdoc link`) is the same.
//
// Thread-safety: pure functions; call from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "ratsdoc/graph.h"
#include "ratsdoc/status.h"

namespace ratsdoc {

struct Fragment {
  DocumentFacts facts;
  std::string xml;  // the <document> element at depth 1 of a graph, ending in '\n'
};

// How to parse fragment, cache and graph files so that FragmentOf prints a
// document exactly as it was written: no line-end or attribute white-space
// conversion, and a text of only white space kept.
inline constexpr unsigned int kFragmentParseOptions =
    (pugi::parse_default & ~pugi::parse_eol & ~pugi::parse_wconv_attribute) | pugi::parse_ws_pcdata_single;

// The fragment of a document record.
Fragment MakeFragment(const DocumentRecord& record);

// The fragment of a <document> element read from a fragment, cache or graph
// file. Returns kInvalidArgument when the element is not a ratsdoc <document>
// with an id.
Status FragmentOf(pugi::xml_node document, Fragment* fragment);

// The facts of a <document> element; same failure as FragmentOf.
Status ReadFacts(pugi::xml_node document, DocumentFacts* facts);

}  // namespace ratsdoc
