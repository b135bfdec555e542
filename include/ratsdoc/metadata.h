// What a council information system (RIS) says of one file: the paper it
// belongs to, the paper's number, type, name and date, and what the file is
// (the paper itself, an Anlage, a Stellungnahme, a minutes extract). ratsdoc
// reads it from an OParl dump (oparl.h) and the analysis takes it as the
// document's identity (graph.h, AnalyzeSource):
//
//   OParl dump ─► oparl::Join ─► FileMetadata ─► identity, own number, kind, date
//
// Where the text says otherwise, `Trust` decides who wins, and the document
// gets a warning naming both values. docs/oparl.md describes the rules.
//
// Thread-safety: plain data; const functions may run on any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ratsdoc {

// What a file is to its paper, from the File's name by the grammar's
// <oparl><file-role> patterns (or from where the dump lists it).
enum class FileRole {
  kMain,        // the paper itself (Paper.mainFile, or a name such as "Beschlussvorlage")
  kAttachment,  // an Anlage of the paper ("Anlage 2 Lageplan")
  kStatement,   // the administration's Stellungnahme to it, filed under its number
  kMinutes,     // a minutes extract (Protokoll, TOP, Abstimmungsergebnis), or a meeting's own file
  kOther,       // anything else the paper holds
};
std::string_view FileRoleName(FileRole role);  // "main", "attachment", "statement", "minutes", "other"
// The role FileRoleName calls `name`; nullopt for any other text.
std::optional<FileRole> ParseFileRole(std::string_view name);

// Who wins where the metadata and the text disagree (--oparl-trust).
enum class Trust {
  kMetadata,  // the default: the RIS's number, date, kind and title; the text's only where the RIS has none
  kText,      // the text's, where it shows one; the RIS's fill the gaps
};

struct FileMetadata {
  std::string file_url;    // the OParl File's id
  std::string file_name;   // File.name as the RIS shows it ("Anlage 1 Lageplan"); may be empty
  FileRole role = FileRole::kOther;
  // The paper the file belongs to; all empty for a meeting's own file.
  std::string paper_url;   // Paper.id
  std::string reference;   // Paper.reference as written ("2024/0262")
  std::string paper_id;    // that reference as the grammar writes an ID (canonical); empty when no reference
  std::string paper_type;  // Paper.paperType ("Beschlussvorlage")
  std::string paper_name;  // Paper.name (Karlsruhe's Kurztitel)
  std::string paper_date;  // Paper.date, ISO 8601
  std::string kind;        // the kind the grammar maps the paperType (and name) to; empty when it maps none
  std::string attachment;  // kAttachment: the Anlage's number from the name ("2"); may be empty
  // kMinutes: the meeting (and agenda item) the extract is of, when the dump
  // says which; the meeting's ID is "<Meeting.name>/<ISO date of its start>".
  std::string meeting_url;
  std::string meeting_id;
  std::string meeting_date;  // ISO 8601
  std::string item;          // the agenda item's number ("12", "2a")

  // The ID the document takes when the metadata wins: the paper's ID; an
  // Anlage with a number: that Anlage's ID (`attachment_id`, composed by the
  // caller from the grammar); a minutes extract with its meeting: the meeting's ID.
  std::string attachment_id;
  std::string DocumentId() const;

  // Every value above in one string, for the cache key: a file analysed with
  // other metadata is analysed again.
  std::string Fingerprint() const;
};

// The attributes of a document's <oparl> element (docs/graph-xml.md) and the
// field each holds; `role` is written besides them, `attachment_id` is the
// document's ID.
struct MetadataAttribute {
  const char* name;
  std::string FileMetadata::*field;
};
inline constexpr MetadataAttribute kMetadataAttributes[] = {
    {"file", &FileMetadata::file_url},           {"name", &FileMetadata::file_name},
    {"paper", &FileMetadata::paper_url},         {"reference", &FileMetadata::reference},
    {"paperId", &FileMetadata::paper_id},        {"paperType", &FileMetadata::paper_type},
    {"paperName", &FileMetadata::paper_name},    {"paperDate", &FileMetadata::paper_date},
    {"kind", &FileMetadata::kind},               {"attachment", &FileMetadata::attachment},
    {"meeting", &FileMetadata::meeting_url},     {"meetingId", &FileMetadata::meeting_id},
    {"meetingDate", &FileMetadata::meeting_date}, {"item", &FileMetadata::item},
};

}  // namespace ratsdoc
