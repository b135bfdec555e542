// The cross-reference graph: every input file as a DocumentRecord (what the
// graph keeps of it once its text is released), linked into documents, nodes
// and edges (SPEC.md, "Output: the graph XML"; docs/graph-xml.md).
//
//   AnalyzeDocument   one file through ingest → normalize → references
//   LinkDocuments     documents' facts → nodes and edges, each edge once
//   Link              records → graph (the same, for records in memory)
//
// Thread-safety: AnalyzeDocument may run on many files at once with a shared
// Grammar, once PrepareForThreads has run; Link is a pure function.
#pragma once

#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ratsdoc/grammar.h"
#include "ratsdoc/ingest.h"
#include "ratsdoc/metadata.h"
#include "ratsdoc/normalize.h"
#include "ratsdoc/references.h"
#include "ratsdoc/status.h"
#include "ratsdoc/structure.h"

namespace ratsdoc {

// What the graph keeps of one input file: no text, only what it yields.
struct DocumentRecord {
  std::string id;      // own number, or ContentId() when it has none
  std::string kind;    // "stellungnahme", …, "sonstiges"
  std::string source;  // the path as given
  std::string sha256;  // of the bytes; empty when the file could not be read
  SourceFormat format = SourceFormat::kUnknown;
  std::string encoding;  // text files: the detected encoding
  std::uint64_t bytes = 0;
  Status status;                      // not ok: the file could not be read
  std::vector<std::string> warnings;  // read, but with something to say
  int pages = 0;
  std::size_t text_bytes = 0;       // size of the normalised text
  std::vector<std::pair<int, Span>> page_ranges;  // page number → its range of the normalised text
  std::map<int, double> ocr_pages;  // pages read by OCR → their mean word confidence (0–100)
  std::string date;                 // ISO 8601, or empty
  DocumentStructure structure;      // fields of its kind, and its units
  std::vector<Reference> references;
  // What the RIS says the file is (process --oparl); then also the ID of a
  // file that could not be read.
  std::optional<FileMetadata> metadata;
};

// A person named by a document, and how (participant, signed-by, submitted-by).
struct PersonLink {
  std::string name;
  Relation relation = Relation::kSignedBy;
};

// What the link stage, the run summary and the citation index need of one
// document; read from its XML by ReadFacts (fragment.h).
struct DocumentFacts {
  std::string id;
  std::string kind;
  std::string source;
  std::string date;   // ISO 8601, or empty
  std::string error;  // the error code name ("pdf-encrypted"); empty when the document was read
  std::vector<Unit> vertices;           // units that are graph vertices (measures, agenda items); no spans
  std::vector<Reference> references;    // every reference, resolved or not; no spans
  std::vector<PersonLink> persons;      // in document order
  int ocr_pages = 0;                     // pages whose text OCR recognised
  std::optional<FileMetadata> metadata;  // from the document's <oparl> element
};

// Reads, normalises and extracts one file. Never fails and never throws: a
// file that cannot be read gives a record with its error status, and whatever
// escapes a stage (an exception of ours or of the standard library,
// std::bad_alloc) gives a record with ErrorCode::kInternal naming the stage.
// The boundary is the document: nothing one file does reaches the next.
// With `metadata` (what the RIS says the file is, metadata.h) the document
// takes its identity from it as `trust` says, before relations are typed.
DocumentRecord AnalyzeDocument(const std::string& path, const Grammar& grammar, const IngestOptions& options = {},
                               const FileMetadata* metadata = nullptr, Trust trust = Trust::kMetadata);

// The same for a document already read (for example from bytes in memory).
DocumentRecord AnalyzeSource(const SourceDocument& source, const Grammar& grammar,
                             const FileMetadata* metadata = nullptr, Trust trust = Trust::kMetadata);

// The record of a document whose analysis failed inside ratsdoc: ID from the
// content hash (or the path when `sha256` is empty), status kInternal with a
// message naming `stage` and `what` and asking for a bug report. Used by
// AnalyzeDocument and by the callers that wrap more than analysis (the
// archive's cache, the CLI's XML output) so that every failure reads alike.
DocumentRecord FailedAnalysis(const std::string& path, const std::string& sha256, std::string_view stage,
                              std::string_view what);
// The same, with `what` taken from a caught exception (std::current_exception()).
DocumentRecord FailedAnalysis(const std::string& path, const std::string& sha256, std::string_view stage,
                              const std::exception_ptr& thrown);

// Test-only: called with the stage's name ("normalise", "identity", "references",
// "structure", "units") before each stage of every analysis, on the thread
// doing it. A hook that throws simulates a bug in that stage. nullptr (the
// default) turns it off. Not for production use.
using StageHook = void (*)(std::string_view stage, const SourceDocument& source);
void SetStageHookForTesting(StageHook hook);

// Runs a tiny PDF and a Latin-1 text through every stage once, so that the
// lazily initialised globals of Poppler and ICU (colour-management profiles,
// font tables, the NFC normaliser, charset converters) exist before several
// threads analyse documents at once. Call once before starting such threads.
void PrepareForThreads(const Grammar& grammar);

// A graph vertex that is not an input document: an attachment or measure, or
// a paper cited but not in the archive.
// Person vertices have the ID kPersonPrefix + name: "person:Abdoul Coulibaly".
inline constexpr std::string_view kPersonPrefix = "person:";

struct Node {
  std::string id;
  std::string kind;
  // true when the archive holds it: a measure row of an input Anlage, an
  // attachment or measure of an input paper, a paper or meeting the OParl
  // dump lists. false: known only from citations.
  bool resolved = false;
  // From an OParl dump (oparl.h): the object's id, name, date and paperType; empty otherwise.
  std::string oparl{}, name{}, date{}, paper_type{};
};

struct Edge {
  std::string from;  // a document, unit or node ID
  std::string to;
  Relation relation = Relation::kCites;
};

// The vertices and edges linking a set of documents.
struct Links {
  std::vector<Node> nodes;  // sorted by ID
  std::vector<Edge> edges;  // sorted; each (from, to, relation) once
};

// Links documents. REQUIRES: `documents` sorted by source path. Two documents
// with the same ID (a paper's PDF and its text export) are one vertex; an
// unresolved reference makes no edge. Cost: O(references · log edges).
Links LinkDocuments(const std::vector<DocumentFacts>& documents, const Grammar& grammar);

struct Graph {
  std::string grammar;              // name of the grammar used
  std::string grammar_fingerprint;
  std::vector<DocumentRecord> documents;  // sorted by source path
  std::vector<Node> nodes;                // sorted by ID
  std::vector<Edge> edges;                // sorted; each (from, to, relation) once
};

// Links records into a graph. Two files with the same own number (a paper's
// PDF and its text export) keep the same ID; an unresolved reference makes no
// edge.
Graph Link(std::vector<DocumentRecord> documents, const Grammar& grammar);

}  // namespace ratsdoc
