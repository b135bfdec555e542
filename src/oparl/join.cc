// Joining an OParl dump to the local files: which File each file is, and so
// which paper, role, meeting and identity (docs/oparl.md, "Matching").
#include <algorithm>
#include <filesystem>

#include <re2/re2.h>

#include "common/numbers.h"
#include "common/utf8.h"
#include "grammar/rules.h"
#include "oparl/url.h"
#include "ratsdoc/oparl.h"

namespace ratsdoc {

std::string_view FileRoleName(FileRole role) {
  switch (role) {
    case FileRole::kMain: return "main";
    case FileRole::kAttachment: return "attachment";
    case FileRole::kStatement: return "statement";
    case FileRole::kMinutes: return "minutes";
    case FileRole::kOther: return "other";
  }
  return "other";
}

std::optional<FileRole> ParseFileRole(std::string_view name) {
  for (const FileRole role :
       {FileRole::kMain, FileRole::kAttachment, FileRole::kStatement, FileRole::kMinutes, FileRole::kOther}) {
    if (FileRoleName(role) == name) return role;
  }
  return std::nullopt;
}

std::string FileMetadata::DocumentId() const {
  if (role == FileRole::kMinutes && !meeting_id.empty()) return meeting_id;
  if (role == FileRole::kAttachment && !attachment_id.empty()) return attachment_id;
  return paper_id;
}

std::string FileMetadata::Fingerprint() const {
  std::string out(FileRoleName(role));
  for (const MetadataAttribute& attribute : kMetadataAttributes) out += '\x1f' + this->*attribute.field;
  return out + '\x1f' + attachment_id;
}

namespace oparl {
namespace {

namespace fs = std::filesystem;

// The last `count` path segments of a URL or path, without query or
// fragment ("https://h/dl/2024/a.pdf", 2 → "2024/a.pdf"); "" when it has fewer.
std::string Tail(std::string_view url, int count) {
  url = url.substr(0, std::min(url.find('?'), url.find('#')));
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  std::size_t begin = url.size();
  for (int i = 0; i < count; ++i) {
    const std::size_t slash = begin == 0 ? std::string_view::npos : url.rfind('/', begin - 1);
    if (slash == std::string_view::npos) return i + 1 == count && begin > 0 ? std::string(url) : "";
    begin = slash;
  }
  return std::string(url.substr(begin + 1));
}
std::string LastSegment(std::string_view url) { return Tail(url, 1); }

// How many trailing path segments a URL tail may match a local path by.
constexpr int kTailSegments = 4;

// `key` → the File it names; a key two Files share names neither.
class Index {
 public:
  void Add(const std::string& key, const File* file) {
    if (key.empty()) return;
    const auto [it, inserted] = files_.try_emplace(key, file);
    if (!inserted && it->second != file && it->second != nullptr) {
      it->second = nullptr;
      ++ambiguous_;
    }
  }
  const File* Find(const std::string& key) const {
    const auto found = files_.find(key);
    return found == files_.end() ? nullptr : found->second;
  }
  std::size_t ambiguous() const { return ambiguous_; }

 private:
  std::unordered_map<std::string, const File*> files_;
  std::size_t ambiguous_ = 0;
};

// The groups of a whole match of `pattern` on `text`, by name; nullopt when it does not match.
std::optional<std::map<std::string, std::string>> FullGroups(const RE2& pattern, const std::string& text) {
  const int count = pattern.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(count) + 1);
  if (!pattern.Match(text, 0, text.size(), RE2::ANCHOR_BOTH, groups.data(), count + 1)) return std::nullopt;
  std::map<std::string, std::string> out;
  for (const auto& [name, index] : pattern.NamedCapturingGroups()) {
    const re2::StringPiece& group = groups[static_cast<std::size_t>(index)];
    if (group.data() != nullptr) out[name] = std::string(group.data(), group.size());
  }
  return out;
}

std::string Group(const std::map<std::string, std::string>& groups, std::string_view name) {
  const auto found = groups.find(std::string(name));
  return found == groups.end() ? "" : found->second;
}

// The reference as the grammar writes an ID ("DS 583/21" → "DS0583/21"):
// kept as written (white space removed) unless the grammar reads all of it
// as one paper ("DS0583/21/Anlage2" is not DS0583/21).
std::string PaperIdOf(const std::string& reference, const Grammar& grammar) {
  std::string squeezed;
  for (const char c : reference) {
    if (c != ' ' && c != '\t' && c != '\n') squeezed += c;
  }
  if (squeezed.empty()) return squeezed;
  if (std::optional<std::string> id = WholePaperId(reference, grammar)) return *id;
  return squeezed;
}

}  // namespace

std::string DateOf(const std::string& date_or_time) {
  return date_or_time.substr(0, std::min<std::size_t>(date_or_time.size(), 10));
}

Join::Join(const Dump& dump, const Grammar& grammar, const std::vector<std::string>& files)
    : dump_(dump), grammar_(grammar) {
  for (const auto& [url, paper] : dump.papers) {
    if (!paper.reference.empty()) paper_ids_[url] = PaperIdOf(paper.reference, grammar);
  }
  Index by_id, by_file_name, by_url[kTailSegments];
  for (const auto& [url, file] : dump.files) {
    by_id.Add(LastSegment(file.id), &file);
    by_file_name.Add(file.file_name, &file);
    for (int segments = 1; segments <= kTailSegments; ++segments) {
      const std::string access = PercentDecode(Tail(file.access_url, segments));
      const std::string download = PercentDecode(Tail(file.download_url, segments));
      by_url[segments - 1].Add(access, &file);
      if (download != access) by_url[segments - 1].Add(download, &file);
    }
  }
  ambiguous_keys_ = by_id.ambiguous() + by_file_name.ambiguous() + by_url[0].ambiguous();
  std::unordered_map<std::string, bool> used;
  for (const std::string& path : files) {
    const fs::path p(path);
    const File* file = by_id.Find(p.stem().string());
    if (file == nullptr) file = by_file_name.Find(p.filename().string());
    for (int segments = kTailSegments; file == nullptr && segments >= 1; --segments) {
      const std::string tail = Tail(p.generic_string(), segments);
      if (!tail.empty()) file = by_url[segments - 1].Find(tail);
    }
    if (file == nullptr) {
      unmatched_files_.push_back(path);
      continue;
    }
    used[file->id] = true;
    by_path_.emplace(path, MetadataOf(*file));
  }
  for (const auto& [url, file] : dump.files) {
    if (used.count(url) == 0) ++files_without_local_;
  }
}

const FileMetadata* Join::Find(const std::string& path) const {
  const auto found = by_path_.find(path);
  return found == by_path_.end() ? nullptr : &found->second;
}

const std::string& Join::PaperId(const std::string& paper_url) const {
  static const std::string kNone;
  const auto found = paper_ids_.find(paper_url);
  return found == paper_ids_.end() ? kNone : found->second;
}

std::string Join::MeetingId(const Meeting& meeting) const {
  if (!meeting.ratsdoc_id.empty()) return meeting.ratsdoc_id;
  const std::string date = DateOf(meeting.start);
  const std::string name = meeting.name.empty() ? LastSegment(meeting.id) : utf8::CollapseSpaces(meeting.name);
  return date.empty() ? name : name + "/" + date;
}

std::string Join::KindOf(const Paper& paper) const {
  const std::string name = utf8::CollapseSpaces(paper.name);
  for (const grammar::PaperTypeRule& rule : grammar_.rules().oparl.paper_types) {
    if (rule.paper_type != paper.paper_type) continue;
    if (rule.name && !RE2::FullMatch(name, *rule.name)) continue;
    if (rule.reference && !RE2::FullMatch(paper.reference, *rule.reference)) continue;
    return rule.kind;
  }
  return "";
}

FileMetadata Join::MetadataOf(const File& file) const {
  FileMetadata out;
  out.file_url = file.id;
  out.file_name = std::string(utf8::Trim(file.name));
  std::map<std::string, std::string> groups;
  if (!file.main_paper.empty()) {
    out.role = FileRole::kMain;
  } else {
    for (const grammar::FileRoleRule& rule : grammar_.rules().oparl.file_roles) {
      if (std::optional<std::map<std::string, std::string>> matched = FullGroups(*rule.pattern, out.file_name)) {
        out.role = rule.role;
        groups = std::move(*matched);
        break;
      }
    }
  }
  // The paper whose mainFile it is, else the first (in the dump's order) that lists it.
  const Paper* paper = nullptr;
  if (const auto main = dump_.papers.find(file.main_paper); main != dump_.papers.end()) paper = &main->second;
  for (const std::string& url : file.papers) {
    if (paper != nullptr) break;
    const auto found = dump_.papers.find(url);
    if (found != dump_.papers.end()) {
      paper = &found->second;
      break;
    }
  }
  if (paper == nullptr) {
    // A meeting's own file (its invitation or protocol) is its minutes.
    const auto meeting = dump_.meetings.find(file.meeting);
    if (meeting != dump_.meetings.end()) {
      out.role = FileRole::kMinutes;
      out.meeting_url = meeting->first;
      out.meeting_id = MeetingId(meeting->second);
      out.meeting_date = DateOf(meeting->second.start);
    }
    return out;
  }
  out.paper_url = paper->id;
  out.reference = paper->reference;
  out.paper_id = PaperId(paper->id);
  out.paper_type = paper->paper_type;
  out.paper_name = utf8::CollapseSpaces(paper->name);
  out.paper_date = paper->date;
  out.kind = KindOf(*paper);
  namespace role_group = grammar::schema::file_role;
  if (out.role == FileRole::kAttachment) {
    out.attachment = Group(groups, role_group::kNumber.name);
    if (!out.attachment.empty() && !out.paper_id.empty()) {
      out.attachment_id = AttachmentIdOf(out.paper_id, out.attachment, grammar_);
    }
  }
  if (out.role == FileRole::kMinutes) {
    out.item = Group(groups, role_group::kItem.name);
    const std::string d = Group(groups, role_group::kDay.name), m = Group(groups, role_group::kMonth.name),
                      y = Group(groups, role_group::kYear.name);
    if (!d.empty() && !m.empty() && !y.empty()) out.meeting_date = numbers::IsoDate(d, m, y).value_or("");
    PickMeeting(*paper, &out);
  }
  return out;
}

// The meeting a minutes extract of `paper` is of: of the paper's
// consultations, those whose agenda item has the extract's TOP number and
// whose meeting is on the extract's day (when its name says them); when
// exactly one remains it is the one. Otherwise the extract has no meeting.
void Join::PickMeeting(const Paper& paper, FileMetadata* metadata) const {
  const Meeting* picked = nullptr;
  const AgendaItem* picked_item = nullptr;
  int candidates = 0;  // distinct meetings
  for (const std::string& id : paper.consultations) {
    const auto consultation = dump_.consultations.find(id);
    if (consultation == dump_.consultations.end()) continue;
    const auto meeting = dump_.meetings.find(consultation->second.meeting);
    if (meeting == dump_.meetings.end()) continue;
    const auto item = dump_.agenda_items.find(consultation->second.agenda_item);
    const AgendaItem* agenda_item = item == dump_.agenda_items.end() ? nullptr : &item->second;
    if (!metadata->item.empty() && (agenda_item == nullptr || agenda_item->number != metadata->item)) continue;
    if (!metadata->meeting_date.empty() && meeting->second.start.rfind(metadata->meeting_date, 0) != 0) continue;
    if (picked == &meeting->second) {
      picked_item = nullptr;  // two items at one meeting: the meeting, not an item
      continue;
    }
    ++candidates;
    picked = &meeting->second;
    picked_item = agenda_item;
  }
  if (candidates != 1) return;
  metadata->meeting_url = picked->id;
  metadata->meeting_id = MeetingId(*picked);
  metadata->meeting_date = DateOf(picked->start);
  if (picked_item != nullptr) metadata->item = picked_item->number;
}

}  // namespace oparl
}  // namespace ratsdoc
