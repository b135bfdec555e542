// OParl in: a council information system's metadata (an OParl 1.1 dump) as
// the identity of the archive's files, and its own links beside the text's.
//
//   ReadDump      a directory of OParl JSON → Dump (+ its flaws, counted)
//   Join          Dump + local files → FileMetadata per file (metadata.h)
//   ApplyTo…      FileMetadata → the document's identity, own number, date (the analysis calls these)
//   AddDumpLinks  Dump + the documents → OParl's links as edges, the dump's papers as nodes
//   CompareLinks  how OParl's super-/subordinated links and the text's links agree
//
// The matching rule, the roles and the relations are in docs/oparl.md.
//
// Thread-safety: ReadDump and Join build; afterwards Dump and Join are
// read-only and may be shared by the analysis threads.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "ratsdoc/grammar.h"
#include "ratsdoc/graph.h"
#include "ratsdoc/metadata.h"
#include "ratsdoc/references.h"
#include "ratsdoc/status.h"

namespace ratsdoc::oparl {

// The objects of a dump that ratsdoc reads, each with the fields it uses.
// Absent values are empty strings (the dump's empty strings are absent too).
struct File {
  std::string id, name, file_name, access_url, download_url, date, mime_type;
  std::vector<std::string> papers;  // Paper ids listing it (mainFile, auxiliaryFile, File.paper)
  std::string meeting;              // Meeting id listing it (invitation, protocols, auxiliaryFile)
  std::string main_paper;           // the Paper listing it as its mainFile; empty when none
};

struct Paper {
  std::string id, reference, name, paper_type, date;
  std::vector<std::string> files;  // File ids: mainFile first, then auxiliaryFile in order
  std::vector<std::string> superordinated, subordinated, related;  // Paper ids
  std::vector<std::string> consultations;                          // Consultation ids
};

struct Meeting {
  std::string id, name, start;  // start: date-time as written
  std::string ratsdoc_id;       // the vendor key ratsdoc:id of a dump ratsdoc wrote (export oparl)
  std::vector<std::string> agenda_items, organizations;
};

struct AgendaItem {
  std::string id, meeting, number, name, consultation;
};

struct Consultation {
  std::string id, paper, meeting, agenda_item;
};

struct Dump {
  std::unordered_map<std::string, Paper> papers;
  std::unordered_map<std::string, File> files;
  std::unordered_map<std::string, Meeting> meetings;
  std::unordered_map<std::string, AgendaItem> agenda_items;
  std::unordered_map<std::string, Consultation> consultations;
  std::size_t persons = 0, organizations = 0, memberships = 0, other_objects = 0;
  std::size_t json_files = 0;
  // Kind of flaw ("JSON files that do not parse") → how often; with one example each.
  std::map<std::string, std::size_t> flaws;
  std::map<std::string, std::string> flaw_examples;
};

// Reads every *.json file under `directory` (recursively): one object per
// file, arrays of objects, OParl list pages ({"data": [...]}), objects
// embedded in others, in any nesting. Imperfect dumps are read as far as
// they go: each kind of flaw is counted in `dump->flaws`, never fatal.
// Fails only when `directory` is not a readable directory.
Status ReadDump(const std::string& directory, Dump* dump);

// The ISO date of an OParl date ("2023-11-09") or date-time ("2023-11-09T16:00:00+01:00").
std::string DateOf(const std::string& date_or_time);

// The dump's flaws as lines for a person, one per kind, with its count and an example.
std::vector<std::string> DescribeFlaws(const Dump& dump);

// The dump joined to the local files. A local file belongs to the OParl File
//   1. whose id's last path segment equals the file's base name without extension
//      ("…/files/143887" ↔ texts/143887.txt), else
//   2. whose fileName equals the file's name ("00028753.pdf"), else
//   3. whose accessUrl's or downloadUrl's path ends in the same segments as
//      the file's path, the most segments first ("…/dl/2024/Anlage.pdf" ↔
//      archive/2024/Anlage.pdf before any other Anlage.pdf), at least the name.
// A key two Files share matches neither of them (counted in ambiguous_keys).
class Join {
 public:
  // `files`: the local paths. `dump` and `grammar` must outlive the Join; the
  // pointers Find returns live as long as it. The grammar maps paperTypes to kinds and File
  // names to roles (<oparl>), and writes paper and attachment IDs.
  Join(const Dump& dump, const Grammar& grammar, const std::vector<std::string>& files);

  // The metadata of local file `path`; nullptr when it matches no File.
  const FileMetadata* Find(const std::string& path) const;

  std::size_t matched() const { return by_path_.size(); }
  const std::vector<std::string>& unmatched_files() const { return unmatched_files_; }  // local, no File
  std::size_t files_without_local() const { return files_without_local_; }             // Files, no local file
  std::size_t ambiguous_keys() const { return ambiguous_keys_; }

  // The ID the grammar writes for a paper of the dump (by its reference);
  // empty when it has no reference.
  const std::string& PaperId(const std::string& paper_url) const;
  // The ratsdoc ID of a meeting: "<name>/<ISO date of its start>" (its
  // ratsdoc:id when the dump is one ratsdoc wrote).
  std::string MeetingId(const Meeting& meeting) const;
  // The kind the grammar maps a paper's paperType (and name) to; empty when none.
  std::string KindOf(const Paper& paper) const;

 private:
  FileMetadata MetadataOf(const File& file) const;
  void PickMeeting(const Paper& paper, FileMetadata* metadata) const;

  const Dump& dump_;
  const Grammar& grammar_;
  std::unordered_map<std::string, FileMetadata> by_path_;
  std::unordered_map<std::string, std::string> paper_ids_;  // Paper.id → canonical ID
  std::vector<std::string> unmatched_files_;
  std::size_t files_without_local_ = 0;
  std::size_t ambiguous_keys_ = 0;
};

// Before references are typed: the metadata's kind (and, trusted or where the
// text has none, its date and title) become the identity's, so that a
// Stellungnahme found only by the RIS still `answers`.
void ApplyToIdentity(const FileMetadata& metadata, Trust trust, const Grammar& grammar, DocumentIdentity* identity);

// After the references stage: the document's ID, kind and date by `trust`
// (the kind of a main file from its paperType, of a Stellungnahme, Anlage or
// minutes extract the grammar's kind of that layout);
// where the text's own number or date differs from the RIS's, a warning
// naming both ("The RIS says 2024/0262, the text says 2024/0626; …").
void ApplyToReferences(const FileMetadata& metadata, Trust trust, const Grammar& grammar, DocumentReferences* found);

// After the structure stage: the paper's name as the title of its main file
// (trusted, or where the text gives none).
void ApplyToStructure(const FileMetadata& metadata, Trust trust, DocumentStructure* structure);

// OParl's own links, beside the text's, for every paper one of `documents`
// belongs to (DocumentFacts::metadata->paper_url): `oparl-subordinate-of` (a paper → its
// superordinated paper, from either side's list), `oparl-consulted-at` (a
// paper → the agenda item it was consulted at; the agenda item `part-of` its
// meeting), `attachment-of` (an Anlage file → its paper). The far ends become
// nodes with the dump's metadata; so does every paper cited by the text that
// the dump knows but no local file carries (a gazetteer).
void AddDumpLinks(const Dump& dump, const Join& join, const Grammar& grammar,
                  const std::vector<DocumentFacts>& documents, Links* links);

// How the text's links and OParl's super-/subordinated links agree, counted
// over pairs of papers (unordered, each once) with at least one side read.
struct LinkComparison {
  std::size_t oparl_pairs = 0;       // OParl links a paper to another
  std::size_t oparl_in_text = 0;     // … and the text of one of them cites the other
  std::size_t text_pairs = 0;        // the text links two papers the dump knows
  std::size_t text_not_in_oparl = 0; // … and OParl has no link between them (super, sub or related)
};
LinkComparison CompareLinks(const Dump& dump, const Join& join, const std::vector<DocumentFacts>& documents);

// The join and the comparison as lines for the end-of-run summary.
std::vector<std::string> FormatReport(const Dump& dump, const Join& join, const LinkComparison& comparison);

}  // namespace ratsdoc::oparl
