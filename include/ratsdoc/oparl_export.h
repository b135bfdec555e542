// OParl export: a graph file (docs/graph-xml.md) written as a static OParl 1.1
// dump — one JSON file per object plus the Body's list pages — that a web
// server can serve as it is and a client can read back by walking the
// directory (docs/oparl.md, "Out: ratsdoc export oparl").
//
//   papers       every document but minutes (grouped by ID, or by <oparl
//                paper=…>), every node of a paper kind (the grammar's paper
//                layouts) that no document is, with mainFile/auxiliaryFile,
//                relatedPaper (text references) and super-/subordinatedPaper
//   meetings     every minutes document: its Meeting with AgendaItems and
//                Consultations (agenda items whose text cites a paper)
//   persons      attendance lists and submitters, their Organizations
//                (groups) and Memberships
//   the rest     measures, citations with sentence and position, attendance,
//                questions under vendor keys "ratsdoc:…"
//
// Object URLs are BaseUrl + type + "/" + the ratsdoc ID percent-encoded with
// '/' kept; the file of URL BaseUrl + P is DIR/percent-decode(P) + ".json".
// The same graph and options give byte-identical files.
//
// Thread-safety: pure functions of their arguments (and, for WriteOparlDump,
// the directory written); call from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "ratsdoc/status.h"

namespace ratsdoc {

struct OparlExportOptions {
  // Prefix of every URL. Default "https://ratsdoc.invalid/oparl/"; a missing
  // final '/' is added. Must start with "https://" or "http://".
  std::string base_url = "https://ratsdoc.invalid/oparl/";
  // `created` and `modified` of every object, an RFC 3339 date-time with a
  // zone and without fractions ("2024-03-01T00:00:00+01:00"). Default (empty):
  // the latest date the graph names, at 00:00:00Z — a graph has no clock, and
  // the same graph must give the same dump.
  std::string timestamp;
  // Body.name. Default (empty): the graph's grammar name ("magdeburg").
  std::string body_name;
  // The grammar (name or file) that says which kinds are papers and which
  // minutes. Default (empty): the graph's grammar.
  std::string grammar;
  // Objects per list page (OParl recommends pages for lists over 100). Default 100.
  std::size_t page_size = 100;
};

// One file of the dump: its path relative to DIR ("paper/DS0583/21.json") and
// its JSON text (UTF-8, ending in '\n').
struct OparlFile {
  std::string path;
  std::string json;
};

// What an export wrote, by OParl type.
struct OparlExportSummary {
  std::size_t papers = 0, files = 0, meetings = 0, agenda_items = 0, consultations = 0, persons = 0,
              organizations = 0, memberships = 0;
  std::size_t written = 0;  // files written, list pages included
};

// The URL of a ratsdoc ID as an object of `type` ("paper", "person", …) under
// `base_url` (with its final '/'): base_url + type + "/" + the ID with every
// byte but [A-Za-z0-9-._~/] percent-encoded; a path segment that is empty,
// "." or ".." is written "_", "_." or "_..", so each URL is a file path.
std::string OparlUrl(const std::string& base_url, const std::string& type, const std::string& id);

// Ok, or kInvalidArgument saying which option is unusable (a base URL not
// http(s) or with a query, a timestamp not in the form above, page_size 0).
Status CheckOparlExportOptions(const OparlExportOptions& options);

// Builds the dump of the graph document `graph` (a <graph> root as `ratsdoc
// process` writes it) into `files`, sorted by path. Returns kInvalidArgument,
// saying why, when `graph` is not a ratsdoc graph or an option is unusable,
// kInvalidGrammar when the grammar does not load.
// Unknown elements, attributes and edge relations are ignored. Documents with
// status "error" are left out (nothing is known of them but their path).
// Cost: linear in the graph, except for products that stay small in an
// archive: persons × memberships, agenda items × (consultations + references
// of their minutes), measures × references of their Anlage.
Status BuildOparlDump(const pugi::xml_document& graph, const OparlExportOptions& options,
                      std::vector<OparlFile>* files, OparlExportSummary* summary = nullptr);

// Reads the graph file `graph_path` and writes its dump into `directory`
// (created when missing). Files an earlier dump there wrote and this one does
// not are removed (DIR/.ratsdoc-oparl-files lists them); other files are left
// alone. Each file is written under a temporary name and renamed into place.
// The graph is read whole into memory (a pugixml DOM, a few times the file's
// size) and the dump built in memory before it is written. Returns kUnreadable
// when the graph cannot be read or the directory not written,
// kInvalidArgument and kInvalidGrammar as BuildOparlDump.
Status WriteOparlDump(const std::string& graph_path, const std::string& directory,
                      const OparlExportOptions& options, OparlExportSummary* summary = nullptr);

}  // namespace ratsdoc
