// The RIS's metadata as a document's identity, with a warning wherever the
// text says otherwise (docs/oparl.md, "Who wins").
#include "grammar/rules.h"
#include "ratsdoc/oparl.h"
#include "ratsdoc/structure.h"

namespace ratsdoc::oparl {
namespace {

// The kind the metadata gives a file of `role`; empty: the text decides.
std::string KindOf(const FileMetadata& metadata, const Grammar& grammar) {
  switch (metadata.role) {
    case FileRole::kMain: return metadata.kind;
    case FileRole::kStatement: return grammar.rules().KindWithLayout(grammar::schema::Layout::kAnswer);
    case FileRole::kAttachment: {
      const std::string kind = AttachmentKind(grammar);
      return kind == kNoKind ? "" : kind;
    }
    case FileRole::kMinutes: return grammar.rules().KindWithLayout(grammar::schema::Layout::kMinutes);
    case FileRole::kOther: return "";
  }
  return "";
}

// Whether the text's own number `text_id` is another paper than the RIS's.
bool Disagrees(const FileMetadata& metadata, const std::string& text_id) {
  if (text_id.empty() || metadata.paper_id.empty()) return false;
  if (metadata.role == FileRole::kMinutes || metadata.role == FileRole::kOther) return false;
  return text_id != metadata.paper_id && text_id != metadata.attachment_id;
}

}  // namespace

void ApplyToIdentity(const FileMetadata& metadata, Trust trust, const Grammar& grammar, DocumentIdentity* identity) {
  const std::string kind = KindOf(metadata, grammar);
  if (!kind.empty() && (trust == Trust::kMetadata || identity->kind.empty() || identity->kind == kNoKind)) {
    identity->kind = kind;
  }
  if (metadata.role == FileRole::kMain && !metadata.paper_name.empty() &&
      (trust == Trust::kMetadata || identity->title.empty())) {
    identity->title = metadata.paper_name;
  }
}

void ApplyToReferences(const FileMetadata& metadata, Trust trust, const Grammar& grammar, DocumentReferences* found) {
  const std::string id = metadata.DocumentId();
  const bool take_metadata = trust == Trust::kMetadata;
  const std::string kind = KindOf(metadata, grammar);
  if (!kind.empty() && (take_metadata || found->kind.empty() || found->kind == kNoKind)) found->kind = kind;
  if (Disagrees(metadata, found->id)) {
    found->warnings.push_back("The RIS says " + metadata.paper_id + ", the text says " + found->id + "; the " +
                              (take_metadata ? "RIS's" : "text's") + " number is kept.");
  }
  if (!id.empty() && (take_metadata || found->id.empty())) {
    found->id = id;
    if (metadata.role == FileRole::kAttachment && id == metadata.attachment_id) found->parent = metadata.paper_id;
  }
  std::string date;
  switch (metadata.role) {
    case FileRole::kMain: date = metadata.paper_date; break;
    case FileRole::kAttachment: date = found->date.empty() ? metadata.paper_date : ""; break;
    case FileRole::kMinutes: date = metadata.meeting_date; break;
    case FileRole::kStatement:
    case FileRole::kOther: break;
  }
  if (date.empty()) return;
  if (metadata.role == FileRole::kMain && !found->date.empty() && found->date != date) {
    found->warnings.push_back("The RIS dates it " + date + ", the text " + found->date + "; the " +
                              (take_metadata ? "RIS's" : "text's") + " date is kept.");
  }
  if (take_metadata || found->date.empty()) found->date = date;
}

void ApplyToStructure(const FileMetadata& metadata, Trust trust, DocumentStructure* structure) {
  const bool take_metadata = trust == Trust::kMetadata;
  if (metadata.role == FileRole::kMain && !metadata.paper_name.empty() && (take_metadata || structure->title.empty())) {
    structure->title = metadata.paper_name;
  } else if (metadata.role == FileRole::kAttachment && structure->title.empty()) {
    structure->title = metadata.file_name;
  }
}

}  // namespace ratsdoc::oparl
