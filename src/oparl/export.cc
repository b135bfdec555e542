// The graph as an OParl 1.1 dump (include/ratsdoc/oparl_export.h). Three
// passes: read the graph into plain records, decide the objects (which papers,
// meetings, persons exist and their URLs), then render each object once as
// JSON and place it in its own file and on its list's pages.
#include "ratsdoc/oparl_export.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#include <nlohmann/json.hpp>

#include "grammar/rules.h"
#include "grammar/schema.h"
#include "oparl/url.h"
#include "ratsdoc/grammar.h"
#include "ratsdoc/graph.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;  // keys in insertion order: readable, and the same every run

constexpr std::string_view kSchema = "https://schema.oparl.org/1.1/";
constexpr std::string_view kVendor = "ratsdoc:";  // OParl 1.1 vendor extensions: a prefix and a colon
constexpr std::string_view kManifest = ".ratsdoc-oparl-files";

// A kind is a paper when the grammar parses it as one (every layout but
// minutes and none), minutes when it parses it as minutes; so the export
// knows no kind names of its own.
bool IsPaperLayout(grammar::schema::Layout layout) {
  using grammar::schema::Layout;
  return layout == Layout::kAnswer || layout == Layout::kRequest || layout == Layout::kDecision ||
         layout == Layout::kProposal || layout == Layout::kAnnex;
}

// Edge relations that make the `from` paper subordinate to the `to` paper.
bool IsSubordinateRelation(std::string_view relation) {
  return relation == "answers" || relation == "decides" || relation == "attachment-of" ||
         relation == "oparl-subordinate-of";
}

std::string Attr(pugi::xml_node node, const char* name) { return node.attribute(name).as_string(); }

bool IsDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "YYYY-MM-DD" with plausible month and day.
bool IsIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  if (!IsDigits(date.substr(0, 4)) || !IsDigits(date.substr(5, 2)) || !IsDigits(date.substr(8, 2))) return false;
  const int month = std::stoi(std::string(date.substr(5, 2)));
  const int day = std::stoi(std::string(date.substr(8, 2)));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// "hh:mm" or "hh:mm:ss" → "hh:mm:ss"; empty when it is neither.
std::string IsoTime(std::string_view time) {
  if (time.size() == 4 && time[1] == ':') return IsoTime("0" + std::string(time));
  if (time.size() != 5 && time.size() != 8) return "";
  if (!IsDigits(time.substr(0, 2)) || time[2] != ':' || !IsDigits(time.substr(3, 2))) return "";
  if (time.size() == 8 && (time[5] != ':' || !IsDigits(time.substr(6, 2)))) return "";
  if (std::stoi(std::string(time.substr(0, 2))) > 23 || std::stoi(std::string(time.substr(3, 2))) > 59) return "";
  return time.size() == 8 ? std::string(time) : std::string(time) + ":00";
}

// Day of the week, 0 = Sunday (Sakamoto's method).
int Weekday(int year, int month, int day) {
  static const int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (month < 3) year -= 1;
  return (year + year / 4 - year / 100 + year / 400 + offsets[month - 1] + day) % 7;
}

int LastSunday(int year, int month) {  // of March or October (31 days)
  return 31 - Weekday(year, month, 31);
}

// The UTC offset of a local time in Germany, where the archives come from:
// CET, and CEST from the last Sunday of March, 02:00, to the last Sunday of
// October, 03:00 (the EU rule, in force since 1996).
std::string GermanOffset(std::string_view date, std::string_view time) {
  const int year = std::stoi(std::string(date.substr(0, 4)));
  const int month = std::stoi(std::string(date.substr(5, 2)));
  const int day = std::stoi(std::string(date.substr(8, 2)));
  const int hour = std::stoi(std::string(time.substr(0, 2)));
  bool summer = month > 3 && month < 10;
  if (month == 3) summer = day > LastSunday(year, 3) || (day == LastSunday(year, 3) && hour >= 2);
  if (month == 10) summer = day < LastSunday(year, 10) || (day == LastSunday(year, 10) && hour < 3);
  return summer ? "+02:00" : "+01:00";
}

// "YYYY-MM-DDThh:mm:ss±hh:mm" or "…Z" without fractions.
bool IsDateTime(std::string_view text) {
  if (text.size() < 20 || !IsIsoDate(text.substr(0, 10)) || text[10] != 'T' || IsoTime(text.substr(11, 8)).empty() ||
      text.substr(11, 8).size() != 8) {
    return false;
  }
  const std::string_view zone = text.substr(19);
  if (zone == "Z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && IsDigits(zone.substr(1, 2)) && zone[3] == ':' &&
         IsDigits(zone.substr(4, 2));
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

std::string PercentEncode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// A path segment that would not name a file of its own.
std::string SafeSegment(std::string segment) {
  if (segment.empty() || segment == "." || segment == "..") return "_" + segment;
  return segment;
}

// Splits on '/', makes every segment safe, joins again.
std::string SafePath(std::string_view path) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    const std::string_view segment = path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (!out.empty() || start > 0) out += '/';
    out += SafeSegment(std::string(segment));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

// The file (relative to DIR) of `url`: see the header and docs/oparl.md.
std::string FileOfUrl(const std::string& base, const std::string& url) {
  // SafePath: an ID kept from another dump may hold "..", never a path out of DIR.
  if (url.compare(0, base.size(), base) == 0) return SafePath(oparl::PercentDecode(url.substr(base.size()))) + ".json";
  // An ID kept from another dump: by host and path, escapes left as they are.
  std::string rest = url;
  const std::size_t scheme = rest.find("://");
  if (scheme != std::string::npos) rest = rest.substr(scheme + 3);
  for (char& c : rest) {
    if (c == '?' || c == '#') c = '_';
  }
  return "_external/" + SafePath(rest) + ".json";
}

// ---------------------------------------------------------------------------
// What the graph says, as plain records.

struct OparlSource {  // <oparl> of a document
  std::string paper, file, reference, paper_type, paper_name, paper_date, role, name;
};

struct GraphDocument {
  pugi::xml_node xml;
  std::string id, kind, source, status, format, sha256, title, date;
  unsigned long long bytes = 0;
  bool has_bytes = false;
  OparlSource oparl;
};

struct GraphNode {
  std::string id, kind, oparl, name, date, paper_type;
  bool resolved = false;
};

struct GraphEdge {
  std::string from, to, relation;
};

// ---------------------------------------------------------------------------
// The objects of the dump.

struct PaperObject {
  std::string url;
  std::string key;               // ratsdoc ID it was made from (its first document's, or the node's)
  std::vector<std::size_t> docs;  // indices into documents, graph order
  const GraphNode* node = nullptr;
  std::set<std::string> related, superordinated, subordinated;  // paper URLs
  std::vector<std::string> consultations;                       // consultation URLs, sorted
  std::set<std::string> originator_persons, originator_organizations;
};

struct MeetingObject {
  std::string url, key;
  std::vector<std::size_t> docs;
};

struct ConsultationObject {
  std::string url, paper, agenda_item, meeting, organization;
};

struct MembershipObject {
  std::string url, person, organization, role;
};

class Exporter {
 public:
  Exporter(const OparlExportOptions& options, const Grammar& kinds, std::string grammar)
      : options_(options), kinds_(kinds), base_(options.base_url), grammar_(std::move(grammar)) {
    if (base_.empty() || base_.back() != '/') base_ += '/';
  }

  Status Read(const pugi::xml_node root);
  void Decide();
  void Render(std::vector<OparlFile>* files, OparlExportSummary* summary);

 private:
  std::string Url(const std::string& type, const std::string& id) const { return OparlUrl(base_, type, id); }
  std::string FileUrl(const GraphDocument& doc) const {
    return !doc.oparl.file.empty() ? doc.oparl.file : Url("file", doc.source);
  }
  // The ratsdoc ID owning a unit (a measure, question or agenda item) or itself.
  std::string Owner(const std::string& id) const;
  // The paper URL of a ratsdoc ID (a paper, or a unit or node of one); empty when none.
  std::string PaperOf(const std::string& id) const;
  std::string PersonUrl(const std::string& name) const { return Url("person", name); }
  std::string OrganizationUrl(const std::string& name) const { return Url("organization", name); }
  void AddPerson(const std::string& name, const std::string& title);
  void AddMembership(const std::string& name, const std::string& group, const std::string& role);
  void Common(Json& object, const std::string& type, const std::string& url) const;
  Json FileJson(const GraphDocument& doc, const std::string& paper_url, const std::string& meeting_url) const;
  Json CitationsJson(const std::vector<std::size_t>& docs, const std::string& unit_filter, bool units_only) const;
  Json PaperJson(const PaperObject& paper) const;
  Json MeetingJson(const MeetingObject& meeting, std::vector<Json>* agenda_items) const;
  Json ConsultationJson(const ConsultationObject& consultation) const;
  Json MembershipJson(const MembershipObject& membership) const;
  Json PersonJson(const std::string& url) const;
  Json OrganizationJson(const std::string& url) const;
  Json LocationJson(const std::string& url) const;
  std::vector<OparlFile> ListPages(const std::string& list_url, std::vector<Json> objects) const;
  void Place(const Json& object, std::vector<OparlFile>* files) const;

  bool IsPaperKind(std::string_view kind) const { return IsPaperLayout(kinds_.rules().LayoutOf(kind)); }
  bool IsMinutesKind(std::string_view kind) const {
    return kinds_.rules().LayoutOf(kind) == grammar::schema::Layout::kMinutes;
  }

  OparlExportOptions options_;
  const Grammar& kinds_;
  std::string base_;
  std::string grammar_;
  std::string timestamp_;
  std::vector<GraphDocument> documents_;
  std::vector<GraphNode> nodes_;
  std::vector<GraphEdge> edges_;

  std::map<std::string, std::string> owner_;         // unit ID → owning ratsdoc ID
  std::map<std::string, std::string> paper_of_id_;   // ratsdoc ID → paper URL
  std::map<std::string, PaperObject> papers_;        // by URL
  std::map<std::string, MeetingObject> meetings_;    // by URL
  std::map<std::string, std::string> meeting_of_id_;  // minutes ID → meeting URL
  std::map<std::string, std::pair<std::string, pugi::xml_node>> agenda_items_;  // unit ID → (meeting URL, element)
  std::map<std::string, ConsultationObject> consultations_;                     // by URL
  std::map<std::string, std::pair<std::string, std::string>> persons_;          // URL → (name, title)
  std::map<std::string, std::string> organizations_;                            // URL → name
  std::map<std::string, MembershipObject> memberships_;                         // by URL
  std::map<std::string, std::string> locations_;                                // URL → description
  std::map<std::string, std::set<std::string>> approves_;                       // meeting URL → minutes IDs
  std::map<std::string, std::set<std::string>> consulted_at_;                   // paper URL → foreign agenda items
  std::string body_url_, system_url_;
};

Status Exporter::Read(const pugi::xml_node root) {
  std::string latest;
  auto see_date = [&](const std::string& date) {
    if (IsIsoDate(date) && date > latest) latest = date;
  };
  for (pugi::xml_node child : root.children()) {
    const std::string_view name = child.name();
    if (name == "document") {
      GraphDocument doc;
      doc.xml = child;
      doc.id = Attr(child, "id");
      doc.kind = Attr(child, "kind");
      doc.source = Attr(child, "source");
      doc.status = Attr(child, "status");
      doc.format = Attr(child, "format");
      doc.sha256 = Attr(child, "sha256");
      doc.has_bytes = !child.attribute("bytes").empty();
      doc.bytes = child.attribute("bytes").as_ullong();
      doc.title = child.child("title").text().as_string();
      doc.date = child.child("date").text().as_string();
      if (const pugi::xml_node oparl = child.child("oparl")) {
        doc.oparl = {Attr(oparl, "paper"),      Attr(oparl, "file"),      Attr(oparl, "reference"),
                     Attr(oparl, "paperType"),  Attr(oparl, "paperName"), Attr(oparl, "paperDate"),
                     Attr(oparl, "role"),       Attr(oparl, "name")};
        see_date(doc.oparl.paper_date);
      }
      if (doc.id.empty() || doc.source.empty()) {
        return Status(ErrorCode::kInvalidArgument, "a <document> of the graph has no id or no source attribute");
      }
      see_date(doc.date);
      see_date(Attr(child.child("meeting"), "date"));
      documents_.push_back(std::move(doc));
    } else if (name == "node") {
      GraphNode node{Attr(child, "id"),   Attr(child, "kind"), Attr(child, "oparl"),
                     Attr(child, "name"), Attr(child, "date"), Attr(child, "paperType"),
                     child.attribute("resolved").as_bool()};
      see_date(node.date);
      nodes_.push_back(std::move(node));
    } else if (name == "edge") {
      edges_.push_back({Attr(child, "from"), Attr(child, "to"), Attr(child, "relation")});
    }
  }
  timestamp_ = !options_.timestamp.empty() ? options_.timestamp
                                           : (latest.empty() ? std::string("1970-01-01") : latest) + "T00:00:00Z";
  return Status::Ok();
}

std::string Exporter::Owner(const std::string& id) const {
  if (const auto it = owner_.find(id); it != owner_.end()) return it->second;
  if (const std::size_t hash = id.find('#'); hash != std::string::npos) return id.substr(0, hash);
  return id;
}

std::string Exporter::PaperOf(const std::string& id) const {
  std::string current = id;
  for (int step = 0; step < 4; ++step) {  // unit → attachment → … ; IDs nest only this deep
    if (const auto it = paper_of_id_.find(current); it != paper_of_id_.end()) return it->second;
    const std::string owner = Owner(current);
    if (owner == current) return "";
    current = owner;
  }
  return "";
}

void Exporter::AddPerson(const std::string& name, const std::string& title) {
  if (name.empty()) return;
  auto& person = persons_[PersonUrl(name)];
  if (person.first.empty()) person = {name, title};
  if (person.second.empty()) person.second = title;
}

void Exporter::AddMembership(const std::string& name, const std::string& group, const std::string& role) {
  if (name.empty() || group.empty()) return;
  organizations_.emplace(OrganizationUrl(group), group);
  const std::string url = Url("membership", name + "/" + group);
  memberships_.emplace(url, MembershipObject{url, PersonUrl(name), OrganizationUrl(group), role});
}

void Exporter::Decide() {
  system_url_ = base_ + "system";
  body_url_ = Url("body", grammar_.empty() ? std::string("ratsdoc") : grammar_);

  // Units and their documents.
  for (const GraphDocument& doc : documents_) {
    for (pugi::xml_node unit : doc.xml.children()) {
      const std::string unit_id = Attr(unit, "id");
      if (!unit_id.empty() && unit_id != doc.id) owner_.emplace(unit_id, doc.id);
    }
  }
  for (const GraphEdge& edge : edges_) {
    if (edge.relation == "part-of") owner_.emplace(edge.from, edge.to);
  }

  // Papers: documents grouped by their OParl paper, else by ratsdoc ID.
  for (std::size_t i = 0; i < documents_.size(); ++i) {
    const GraphDocument& doc = documents_[i];
    if (doc.status == "error") continue;
    if (IsMinutesKind(doc.kind) && doc.oparl.paper.empty()) continue;
    const std::string url = !doc.oparl.paper.empty() ? doc.oparl.paper : Url("paper", doc.id);
    PaperObject& paper = papers_[url];
    if (paper.url.empty()) {
      paper.url = url;
      paper.key = doc.id;
    }
    paper.docs.push_back(i);
    paper_of_id_.emplace(doc.id, url);
  }
  for (const GraphNode& node : nodes_) {
    if (paper_of_id_.count(node.id) > 0) continue;
    // A vertex of the OParl dump is a paper when it says its paperType.
    if (!IsPaperKind(node.kind) && (node.oparl.empty() || node.paper_type.empty())) continue;
    const std::string url = !node.oparl.empty() ? node.oparl : Url("paper", node.id);
    PaperObject& paper = papers_[url];
    if (paper.url.empty()) {
      paper.url = url;
      paper.key = node.id;
    }
    if (paper.docs.empty() && paper.node == nullptr) paper.node = &node;
    paper_of_id_.emplace(node.id, url);
  }

  // Meetings: minutes, one per ratsdoc ID.
  for (std::size_t i = 0; i < documents_.size(); ++i) {
    const GraphDocument& doc = documents_[i];
    if (doc.status == "error" || !IsMinutesKind(doc.kind)) continue;
    const std::string url = Url("meeting", doc.id);
    MeetingObject& meeting = meetings_[url];
    if (meeting.url.empty()) {
      meeting.url = url;
      meeting.key = doc.id;
    }
    meeting.docs.push_back(i);
    meeting_of_id_.emplace(doc.id, url);
  }
  for (auto& [url, meeting] : meetings_) {
    const pugi::xml_node first = documents_[meeting.docs.front()].xml;
    const pugi::xml_node header = first.child("meeting");
    if (!Attr(header, "body").empty()) organizations_.emplace(OrganizationUrl(Attr(header, "body")), Attr(header, "body"));
    if (!Attr(header, "location").empty()) {
      locations_.emplace(Url("location", Attr(header, "location")), Attr(header, "location"));
    }
    for (pugi::xml_node item : first.children("agendaItem")) {
      std::string item_id = Attr(item, "id");
      if (item_id.empty()) item_id = meeting.key + "#TOP" + Attr(item, "number");
      agenda_items_.emplace(item_id, std::make_pair(url, item));
    }
    for (pugi::xml_node person : first.child("participants").children("person")) {
      AddPerson(Attr(person, "name"), Attr(person, "title"));
      AddMembership(Attr(person, "name"), Attr(person, "group"), Attr(person, "role"));
    }
  }

  // Submitters.
  for (auto& [url, paper] : papers_) {
    for (const std::size_t i : paper.docs) {
      for (pugi::xml_node submitter : documents_[i].xml.children("submitter")) {
        const std::string name = Attr(submitter, "name");
        const std::string group = Attr(submitter, "group");
        if (!name.empty()) {
          AddPerson(name, Attr(submitter, "title"));
          AddMembership(name, group, Attr(submitter, "role"));
          paper.originator_persons.insert(PersonUrl(name));
        } else if (!group.empty()) {
          organizations_.emplace(OrganizationUrl(group), group);
          paper.originator_organizations.insert(OrganizationUrl(group));
        }
      }
    }
  }

  // Edges: related, super/sub, consultations, approvals.
  std::vector<std::pair<std::string, std::string>> attachments;  // (attachment paper, its paper)
  for (const GraphEdge& edge : edges_) {
    if (edge.relation == "part-of") continue;
    const auto agenda_item = agenda_items_.find(edge.from);
    const std::string to_paper = PaperOf(edge.to);
    if (agenda_item != agenda_items_.end() && !to_paper.empty() && edge.relation != "approves") {
      const auto& [meeting_url, item] = agenda_item->second;
      const std::string url = Url("consultation", edge.from + "/" + papers_.at(to_paper).key);
      const std::string body = Attr(documents_[meetings_.at(meeting_url).docs.front()].xml.child("meeting"), "body");
      consultations_.emplace(url, ConsultationObject{url, to_paper, Url("agendaItem", edge.from), meeting_url,
                                                     body.empty() ? "" : OrganizationUrl(body)});
      continue;
    }
    if (edge.relation == "approves") {
      const auto meeting = meeting_of_id_.find(Owner(edge.from));
      if (meeting != meeting_of_id_.end()) approves_[meeting->second].insert(edge.to);
      continue;
    }
    const std::string from_paper = PaperOf(edge.from);
    if (edge.relation == "oparl-consulted-at") {
      const auto item = agenda_items_.find(edge.to);
      if (from_paper.empty()) continue;
      if (item != agenda_items_.end()) {
        const std::string& meeting_url = item->second.first;
        const std::string url = Url("consultation", edge.to + "/" + papers_.at(from_paper).key);
        const std::string body = Attr(documents_[meetings_.at(meeting_url).docs.front()].xml.child("meeting"), "body");
        consultations_.emplace(url, ConsultationObject{url, from_paper, Url("agendaItem", edge.to), meeting_url,
                                                       body.empty() ? "" : OrganizationUrl(body)});
      } else {
        // An agenda item of the dump that no minutes here hold: named, not linked.
        const auto node = std::find_if(nodes_.begin(), nodes_.end(), [&](const GraphNode& n) { return n.id == edge.to; });
        consulted_at_[from_paper].insert(node != nodes_.end() && !node->oparl.empty() ? node->oparl : edge.to);
      }
      continue;
    }
    if (from_paper.empty() || to_paper.empty() || from_paper == to_paper) continue;
    if (edge.relation == "cites") {
      papers_.at(from_paper).related.insert(to_paper);
    } else if (IsSubordinateRelation(edge.relation)) {
      papers_.at(from_paper).superordinated.insert(to_paper);
      papers_.at(to_paper).subordinated.insert(from_paper);
      if (edge.relation == "attachment-of") attachments.emplace_back(from_paper, to_paper);
    }
    // Unknown relations (and signed-by, participant, …) link no papers.
  }
  // What an attachment cites, its paper cites too.
  for (const auto& [attachment, paper] : attachments) {
    for (const std::string& related : papers_.at(attachment).related) {
      if (related != paper) papers_.at(paper).related.insert(related);
    }
  }
  for (const auto& [url, consultation] : consultations_) papers_.at(consultation.paper).consultations.push_back(url);
}

void Exporter::Common(Json& object, const std::string& type, const std::string& url) const {
  object["id"] = url;
  object["type"] = std::string(kSchema) + type;
}

// Adds `value` under `key` unless it is empty: OParl wants absent values left out.
void Put(Json& object, const std::string& key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

void PutUrls(Json& object, const std::string& key, const std::set<std::string>& urls) {
  if (!urls.empty()) object[key] = Json(std::vector<std::string>(urls.begin(), urls.end()));
}

void Stamp(Json& object, const std::string& timestamp) {
  object["created"] = timestamp;
  object["modified"] = timestamp;
}

std::string BaseName(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Json Exporter::FileJson(const GraphDocument& doc, const std::string& paper_url, const std::string& meeting_url) const {
  Json file;
  Common(file, "File", FileUrl(doc));
  const std::string name = !doc.oparl.name.empty() ? doc.oparl.name : !doc.title.empty() ? doc.title : BaseName(doc.source);
  Put(file, "name", name);
  Put(file, "fileName", BaseName(doc.source));
  if (doc.format == "pdf") file["mimeType"] = "application/pdf";
  if (doc.format == "text") file["mimeType"] = "text/plain";
  if (IsIsoDate(doc.date)) file["date"] = doc.date;
  if (doc.has_bytes) file["size"] = doc.bytes;
  file["accessUrl"] = Url("source", doc.source);
  if (!paper_url.empty()) file["paper"] = Json::array({paper_url});
  if (!meeting_url.empty()) file["meeting"] = Json::array({meeting_url});
  Put(file, std::string(kVendor) + "sha256Checksum", doc.sha256);
  file[std::string(kVendor) + "source"] = doc.source;
  Put(file, std::string(kVendor) + "role", doc.oparl.role);
  Put(file, std::string(kVendor) + "status", doc.status);
  Stamp(file, timestamp_);
  return file;
}

// The references of `docs`, each (target, relation, unit, context) once.
// `unit_filter` non-empty: only references standing in that unit.
Json Exporter::CitationsJson(const std::vector<std::size_t>& docs, const std::string& unit_filter,
                             bool units_only) const {
  Json citations = Json::array();
  std::set<std::string> seen;
  for (const std::size_t i : docs) {
    const GraphDocument& doc = documents_[i];
    for (pugi::xml_node reference : doc.xml.children("reference")) {
      const std::string unit = Attr(reference, "unit");
      if (!unit_filter.empty() && unit != unit_filter) continue;
      if (units_only && unit.empty()) continue;
      const std::string target = Attr(reference, "target");
      const std::string context = reference.child("context").text().as_string();
      const std::string key = target + '\x1f' + Attr(reference, "relation") + '\x1f' + unit + '\x1f' + context;
      if (!seen.insert(key).second) continue;
      Json citation;
      Put(citation, "target", target);
      const bool resolved = reference.attribute("resolved").empty() || reference.attribute("resolved").as_bool();
      if (resolved) Put(citation, "paper", PaperOf(target));
      Put(citation, "relation", Attr(reference, "relation"));
      Put(citation, "kind", Attr(reference, "kind"));
      if (!resolved) citation["resolved"] = false;
      Put(citation, "text", Attr(reference, "text"));
      Put(citation, "unit", unit);
      Put(citation, "context", context);
      citation["file"] = FileUrl(doc);
      if (!reference.attribute("page").empty()) citation["page"] = reference.attribute("page").as_int();
      if (!reference.attribute("begin").empty()) citation["begin"] = reference.attribute("begin").as_ullong();
      if (!reference.attribute("end").empty()) citation["end"] = reference.attribute("end").as_ullong();
      citations.push_back(std::move(citation));
    }
  }
  return citations;
}

Json Exporter::PaperJson(const PaperObject& paper) const {
  Json object;
  Common(object, "Paper", paper.url);
  object["body"] = body_url_;
  std::string reference, name, paper_type, date;
  for (const std::size_t i : paper.docs) {  // the dump's metadata first, then the paper's own
    const OparlSource& oparl = documents_[i].oparl;
    if (reference.empty()) reference = oparl.reference;
    if (name.empty()) name = oparl.paper_name;
    if (paper_type.empty()) paper_type = oparl.paper_type;
    if (date.empty() && IsIsoDate(oparl.paper_date)) date = oparl.paper_date;
  }
  // The main document: role main, else (no roles) the first PDF, else the first.
  std::size_t main = documents_.size();
  bool any_role = false;
  for (const std::size_t i : paper.docs) {
    any_role = any_role || !documents_[i].oparl.role.empty();
    if (main == documents_.size() && documents_[i].oparl.role == "main") main = i;
  }
  if (main == documents_.size() && !any_role && !paper.docs.empty()) {
    main = paper.docs.front();
    for (const std::size_t i : paper.docs) {
      if (documents_[i].format == "pdf") {
        main = i;
        break;
      }
    }
  }
  const std::size_t primary = main != documents_.size() ? main : paper.docs.empty() ? main : paper.docs.front();
  if (primary != documents_.size()) {
    const GraphDocument& doc = documents_[primary];
    const bool own_number = doc.id.rfind("sha256:", 0) != 0 && doc.id.rfind("path:", 0) != 0;
    if (reference.empty() && own_number) reference = doc.id;
    if (name.empty()) name = doc.title;
    if (paper_type.empty()) paper_type = doc.kind;
    if (date.empty()) {
      for (const std::size_t i : paper.docs) {
        if (IsIsoDate(documents_[i].date)) {
          date = documents_[i].date;
          break;
        }
      }
    }
  } else if (paper.node != nullptr) {
    reference = paper.node->id;
    name = paper.node->name;
    paper_type = !paper.node->paper_type.empty() ? paper.node->paper_type : paper.node->kind;
    if (IsIsoDate(paper.node->date)) date = paper.node->date;
  }
  Put(object, "name", name);
  Put(object, "reference", reference);
  Put(object, "date", date);
  Put(object, "paperType", paper_type);
  PutUrls(object, "relatedPaper", paper.related);
  PutUrls(object, "superordinatedPaper", paper.superordinated);
  PutUrls(object, "subordinatedPaper", paper.subordinated);
  if (main != documents_.size()) object["mainFile"] = FileJson(documents_[main], paper.url, "");
  Json auxiliary = Json::array();
  std::set<std::string> files_seen;
  if (main != documents_.size()) files_seen.insert(FileUrl(documents_[main]));
  for (const std::size_t i : paper.docs) {
    if (i != main && files_seen.insert(FileUrl(documents_[i])).second) {
      auxiliary.push_back(FileJson(documents_[i], paper.url, ""));
    }
  }
  if (!auxiliary.empty()) object["auxiliaryFile"] = auxiliary;
  PutUrls(object, "originatorPerson", paper.originator_persons);
  PutUrls(object, "originatorOrganization", paper.originator_organizations);
  if (!paper.consultations.empty()) {
    Json consultations = Json::array();
    for (const std::string& url : paper.consultations) consultations.push_back(ConsultationJson(consultations_.at(url)));
    object["consultation"] = consultations;
  }
  Stamp(object, timestamp_);

  // What OParl has no field for.
  object[std::string(kVendor) + "id"] = paper.key;
  if (paper.docs.empty()) object[std::string(kVendor) + "inArchive"] = false;
  Json citations = CitationsJson(paper.docs, "", false);
  if (!citations.empty()) object[std::string(kVendor) + "citations"] = citations;
  if (primary != documents_.size()) {
    const pugi::xml_node xml = documents_[primary].xml;
    Json questions = Json::array();
    for (pugi::xml_node question : xml.children("question")) {
      Json entry;
      Put(entry, "number", Attr(question, "number"));
      Put(entry, "id", Attr(question, "id"));
      Put(entry, "text", question.child("text").text().as_string());
      Put(entry, "answer", question.child("answer").text().as_string());
      questions.push_back(std::move(entry));
    }
    if (!questions.empty()) object[std::string(kVendor) + "questions"] = questions;
    Json measures = Json::array();
    for (pugi::xml_node measure : xml.children("measure")) {
      Json entry;
      Put(entry, "id", Attr(measure, "id"));
      Put(entry, "number", Attr(measure, "number"));
      Put(entry, "text", measure.child("text").text().as_string());
      Json responsible = Json::array();
      for (pugi::xml_node unit : measure.children("responsible")) {
        const std::string text = unit.text().as_string();
        if (text.empty()) continue;
        responsible.push_back(text);
        if (unit.attribute("lead").as_bool()) entry["lead"] = text;
      }
      if (!responsible.empty()) entry["responsible"] = responsible;
      const Json cited = CitationsJson({primary}, Attr(measure, "id"), false);
      if (!Attr(measure, "id").empty() && !cited.empty()) {
        Json targets = Json::array();
        for (const Json& citation : cited) targets.push_back(citation["target"]);
        entry["cites"] = targets;
      }
      measures.push_back(std::move(entry));
    }
    if (!measures.empty()) object[std::string(kVendor) + "measures"] = measures;
  }
  if (const auto it = consulted_at_.find(paper.url); it != consulted_at_.end()) {
    object[std::string(kVendor) + "consultedAt"] = Json(std::vector<std::string>(it->second.begin(), it->second.end()));
  }
  return object;
}

Json Exporter::ConsultationJson(const ConsultationObject& consultation) const {
  Json object;
  Common(object, "Consultation", consultation.url);
  object["paper"] = consultation.paper;
  object["agendaItem"] = consultation.agenda_item;
  object["meeting"] = consultation.meeting;
  if (!consultation.organization.empty()) object["organization"] = Json::array({consultation.organization});
  Stamp(object, timestamp_);
  return object;
}

Json Exporter::MeetingJson(const MeetingObject& meeting, std::vector<Json>* agenda_items) const {
  const GraphDocument& first = documents_[meeting.docs.front()];
  const pugi::xml_node header = first.xml.child("meeting");
  Json object;
  Common(object, "Meeting", meeting.url);
  const std::string body = Attr(header, "body");
  Put(object, "name", !first.title.empty() ? first.title : body);
  const std::string date = IsIsoDate(Attr(header, "date")) ? Attr(header, "date") : IsIsoDate(first.date) ? first.date : "";
  const std::string start = IsoTime(Attr(header, "start"));
  const std::string end = IsoTime(Attr(header, "end"));
  if (!date.empty() && !start.empty()) object["start"] = date + "T" + start + GermanOffset(date, start);
  if (!date.empty() && !end.empty() && (start.empty() || end >= start)) {
    object["end"] = date + "T" + end + GermanOffset(date, end);
  }
  if (!Attr(header, "location").empty()) object["location"] = LocationJson(Url("location", Attr(header, "location")));
  if (!body.empty()) object["organization"] = Json::array({OrganizationUrl(body)});
  std::set<std::string> present;
  Json attendance = Json::array();
  for (pugi::xml_node person : first.xml.child("participants").children("person")) {
    const std::string name = Attr(person, "name");
    if (name.empty()) continue;
    if (Attr(person, "attendance") == "present") present.insert(PersonUrl(name));
    Json entry;
    entry["person"] = PersonUrl(name);
    entry["name"] = name;
    for (const char* key : {"title", "group", "role", "attendance", "substituteFor", "section"}) {
      Put(entry, key, Attr(person, key));
    }
    attendance.push_back(std::move(entry));
  }
  PutUrls(object, "participant", present);
  object["resultsProtocol"] = FileJson(first, "", meeting.url);
  Json auxiliary = Json::array();
  for (std::size_t k = 1; k < meeting.docs.size(); ++k) {
    auxiliary.push_back(FileJson(documents_[meeting.docs[k]], "", meeting.url));
  }
  if (!auxiliary.empty()) object["auxiliaryFile"] = auxiliary;
  Json items = Json::array();
  int order = 0;
  for (pugi::xml_node item : first.xml.children("agendaItem")) {
    std::string item_id = Attr(item, "id");
    if (item_id.empty()) item_id = meeting.key + "#TOP" + Attr(item, "number");
    Json entry;
    const std::string url = Url("agendaItem", item_id);
    Common(entry, "AgendaItem", url);
    entry["meeting"] = meeting.url;
    Put(entry, "number", Attr(item, "number"));
    entry["order"] = ++order;
    Put(entry, "name", item.child("name").text().as_string());
    if (!header.attribute("public").empty()) entry["public"] = header.attribute("public").as_bool();
    for (const auto& [consultation_url, consultation] : consultations_) {
      if (consultation.agenda_item == url) {
        entry["consultation"] = consultation_url;  // OParl allows one; the first by URL
        break;
      }
    }
    Stamp(entry, timestamp_);
    entry[std::string(kVendor) + "id"] = item_id;
    Put(entry, std::string(kVendor) + "text", item.child("text").text().as_string());
    const Json cited = CitationsJson(meeting.docs, item_id, false);
    if (!cited.empty()) entry[std::string(kVendor) + "citations"] = cited;
    agenda_items->push_back(entry);
    items.push_back(std::move(entry));
  }
  if (!items.empty()) object["agendaItem"] = items;
  Stamp(object, timestamp_);
  object[std::string(kVendor) + "id"] = meeting.key;
  Put(object, std::string(kVendor) + "number", Attr(header, "number"));
  for (const char* key : {"quorum", "closed", "minuteTaker"}) Put(object, std::string(kVendor) + key, Attr(header, key));
  if (!attendance.empty()) object[std::string(kVendor) + "attendance"] = attendance;
  if (const auto it = approves_.find(meeting.url); it != approves_.end()) {
    Json approved = Json::array();
    for (const std::string& id : it->second) {
      Json entry;
      entry["minutes"] = id;
      if (const auto m = meeting_of_id_.find(id); m != meeting_of_id_.end()) entry["meeting"] = m->second;
      approved.push_back(std::move(entry));
    }
    object[std::string(kVendor) + "approves"] = approved;
  }
  return object;
}

Json Exporter::MembershipJson(const MembershipObject& membership) const {
  Json object;
  Common(object, "Membership", membership.url);
  object["person"] = membership.person;
  object["organization"] = membership.organization;
  Put(object, "role", membership.role);
  Stamp(object, timestamp_);
  return object;
}

Json Exporter::PersonJson(const std::string& url) const {
  const auto& [name, title] = persons_.at(url);
  Json object;
  Common(object, "Person", url);
  object["body"] = body_url_;
  object["name"] = name;
  if (!title.empty()) object["title"] = Json::array({title});
  Json memberships = Json::array();
  for (const auto& [membership_url, membership] : memberships_) {
    if (membership.person == url) memberships.push_back(MembershipJson(membership));
  }
  if (!memberships.empty()) object["membership"] = memberships;
  Stamp(object, timestamp_);
  object[std::string(kVendor) + "id"] = std::string(kPersonPrefix) + name;
  return object;
}

Json Exporter::OrganizationJson(const std::string& url) const {
  Json object;
  Common(object, "Organization", url);
  object["body"] = body_url_;
  object["name"] = organizations_.at(url);
  std::set<std::string> members;
  for (const auto& [membership_url, membership] : memberships_) {
    if (membership.organization == url) members.insert(membership_url);
  }
  PutUrls(object, "membership", members);
  Stamp(object, timestamp_);
  return object;
}

Json Exporter::LocationJson(const std::string& url) const {
  Json object;
  Common(object, "Location", url);
  object["description"] = locations_.at(url);
  Stamp(object, timestamp_);
  return object;
}

// The list's pages: the first at `list_url`, page n at list_url + "/page/n".
std::vector<OparlFile> Exporter::ListPages(const std::string& list_url, std::vector<Json> objects) const {
  std::sort(objects.begin(), objects.end(),
            [](const Json& a, const Json& b) { return a["id"].get<std::string>() < b["id"].get<std::string>(); });
  const std::size_t per_page = std::max<std::size_t>(1, options_.page_size);
  const std::size_t pages = std::max<std::size_t>(1, (objects.size() + per_page - 1) / per_page);
  auto page_url = [&](std::size_t page) { return page == 1 ? list_url : list_url + "/page/" + std::to_string(page); };
  std::vector<OparlFile> files;
  for (std::size_t page = 1; page <= pages; ++page) {
    Json list;
    Json data = Json::array();
    for (std::size_t k = (page - 1) * per_page; k < std::min(objects.size(), page * per_page); ++k) {
      data.push_back(objects[k]);
    }
    list["data"] = data;
    list["pagination"] = {{"totalElements", objects.size()},
                          {"elementsPerPage", per_page},
                          {"currentPage", page},
                          {"totalPages", pages}};
    Json links;
    links["first"] = page_url(1);
    if (page > 1) links["prev"] = page_url(page - 1);
    links["self"] = page_url(page);
    if (page < pages) links["next"] = page_url(page + 1);
    links["last"] = page_url(pages);
    list["links"] = links;
    files.push_back({FileOfUrl(base_, page_url(page)), list.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"});
  }
  return files;
}

void Exporter::Place(const Json& object, std::vector<OparlFile>* files) const {
  files->push_back({FileOfUrl(base_, object["id"].get<std::string>()),
                    object.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"});
}

void Exporter::Render(std::vector<OparlFile>* files, OparlExportSummary* summary) {
  std::map<std::string, std::vector<Json>> lists;  // list name → objects
  auto add = [&](const std::string& list, const Json& object) {
    lists[list].push_back(object);
    Place(object, files);
  };
  std::set<std::string> files_seen;
  auto add_file = [&](const Json& file) {
    if (files_seen.insert(file["id"].get<std::string>()).second) add("file", file);
  };
  for (const auto& [url, paper] : papers_) {
    const Json object = PaperJson(paper);
    add("paper", object);
    if (object.contains("mainFile")) add_file(object["mainFile"]);
    if (object.contains("auxiliaryFile")) {
      for (const Json& file : object["auxiliaryFile"]) add_file(file);
    }
  }
  for (const auto& [url, meeting] : meetings_) {
    std::vector<Json> items;
    const Json object = MeetingJson(meeting, &items);
    add("meeting", object);
    add_file(object["resultsProtocol"]);
    if (object.contains("auxiliaryFile")) {
      for (const Json& file : object["auxiliaryFile"]) add_file(file);
    }
    for (const Json& item : items) add("agendaItem", item);
  }
  for (const auto& [url, consultation] : consultations_) add("consultation", ConsultationJson(consultation));
  for (const auto& [url, person] : persons_) add("person", PersonJson(url));
  for (const auto& [url, name] : organizations_) add("organization", OrganizationJson(url));
  for (const auto& [url, membership] : memberships_) add("membership", MembershipJson(membership));
  for (const auto& [url, description] : locations_) add("location", LocationJson(url));

  // The Body with every list OParl 1.1 requires, and the System.
  Json body;
  Common(body, "Body", body_url_);
  body["system"] = system_url_;
  body["name"] = !options_.body_name.empty() ? options_.body_name : grammar_.empty() ? "ratsdoc" : grammar_;
  const std::vector<std::pair<std::string, std::string>> body_lists = {
      {"organization", "organization"}, {"person", "person"},         {"meeting", "meeting"},
      {"paper", "paper"},               {"agendaItem", "agendaItem"}, {"consultation", "consultation"},
      {"file", "file"},                 {"locationList", "location"}, {"legislativeTermList", "legislativeTerm"},
      {"membership", "membership"}};
  for (const auto& [key, list] : body_lists) {
    const std::string list_url = body_url_ + "/" + list;
    body[key] = list_url;
    for (OparlFile& page : ListPages(list_url, lists[list])) files->push_back(std::move(page));
  }
  body["legislativeTerm"] = Json::array();  // required; a graph knows no terms
  Stamp(body, timestamp_);
  body[std::string(kVendor) + "grammar"] = grammar_;
  Place(body, files);
  for (OparlFile& page : ListPages(base_ + "bodies", {body})) files->push_back(std::move(page));

  Json system;
  Common(system, "System", system_url_);
  system["oparlVersion"] = std::string(kSchema);
  system["body"] = base_ + "bodies";
  system["name"] = "ratsdoc";
  Stamp(system, timestamp_);
  Place(system, files);

  std::sort(files->begin(), files->end(), [](const OparlFile& a, const OparlFile& b) { return a.path < b.path; });
  if (summary != nullptr) {
    summary->papers = papers_.size();
    summary->files = files_seen.size();
    summary->meetings = meetings_.size();
    summary->agenda_items = lists["agendaItem"].size();
    summary->consultations = consultations_.size();
    summary->persons = persons_.size();
    summary->organizations = organizations_.size();
    summary->memberships = memberships_.size();
    summary->written = files->size();
  }
}

}  // namespace

std::string OparlUrl(const std::string& base_url, const std::string& type, const std::string& id) {
  std::string path;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = id.find('/', start);
    const std::string segment = id.substr(start, slash == std::string::npos ? slash : slash - start);
    if (start > 0) path += '/';
    path += PercentEncode(SafeSegment(segment));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return base_url + type + "/" + path;
}

Status CheckOparlExportOptions(const OparlExportOptions& options) {
  const std::string& base = options.base_url;
  if (base.rfind("https://", 0) != 0 && base.rfind("http://", 0) != 0) {
    return Status(ErrorCode::kInvalidArgument, "the base URL " + base + " does not start with https:// or http://");
  }
  if (base.find_first_of("?# ") != std::string::npos) {
    return Status(ErrorCode::kInvalidArgument, "the base URL " + base + " has a query, fragment or space in it");
  }
  if (!options.timestamp.empty() && !IsDateTime(options.timestamp)) {
    return Status(ErrorCode::kInvalidArgument,
                  "the timestamp " + options.timestamp +
                      " is not a date-time with a zone and without fractions, e.g. 2024-03-01T00:00:00+01:00");
  }
  if (options.page_size == 0) return Status(ErrorCode::kInvalidArgument, "a list page must hold at least one object");
  return Status::Ok();
}

Status BuildOparlDump(const pugi::xml_document& graph, const OparlExportOptions& options,
                      std::vector<OparlFile>* files, OparlExportSummary* summary) {
  files->clear();
  if (Status status = CheckOparlExportOptions(options); !status.ok()) return status;
  const pugi::xml_node root = graph.document_element();
  if (std::string_view(root.name()) != "graph") {
    return Status(ErrorCode::kInvalidArgument,
                  std::string("this is not a ratsdoc graph: its root element is <") + root.name() + ">, not <graph>");
  }
  const std::string grammar_name =
      !options.grammar.empty() ? options.grammar : !Attr(root, "grammar").empty() ? Attr(root, "grammar") : "magdeburg";
  std::shared_ptr<const Grammar> grammar;
  if (Status status = Grammar::Load(grammar_name, &grammar); !status.ok()) return status;
  Exporter exporter(options, *grammar, Attr(root, "grammar"));
  if (Status status = exporter.Read(root); !status.ok()) return status;
  exporter.Decide();
  exporter.Render(files, summary);
  return Status::Ok();
}

namespace {

Status WriteFileAtomically(const fs::path& path, const std::string& content) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  if (error) {
    return Status(ErrorCode::kUnreadable,
                  "cannot create the directory " + path.parent_path().string() + ": " + error.message());
  }
  const fs::path temporary = path.string() + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
      fs::remove(temporary, error);
      return Status(ErrorCode::kUnreadable, "cannot write " + path.string());
    }
  }
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    return Status(ErrorCode::kUnreadable, "cannot write " + path.string() + ": " + error.message());
  }
  return Status::Ok();
}

}  // namespace

Status WriteOparlDump(const std::string& graph_path, const std::string& directory,
                      const OparlExportOptions& options, OparlExportSummary* summary) {
  if (Status status = CheckOparlExportOptions(options); !status.ok()) return status;
  std::error_code error;
  if (!fs::is_regular_file(graph_path, error)) {
    return Status(ErrorCode::kUnreadable, "cannot read the graph " + graph_path + ": no such file");
  }
  pugi::xml_document graph;
  const pugi::xml_parse_result parsed = graph.load_file(graph_path.c_str());
  if (parsed.status == pugi::status_file_not_found || parsed.status == pugi::status_io_error ||
      parsed.status == pugi::status_out_of_memory) {
    return Status(ErrorCode::kUnreadable, "cannot read the graph " + graph_path + ": " + parsed.description());
  }
  if (!parsed) {
    return Status(ErrorCode::kInvalidArgument, "the graph " + graph_path + " is not well-formed XML (" +
                                                   parsed.description() + " at byte " +
                                                   std::to_string(parsed.offset) + ")");
  }
  std::vector<OparlFile> files;
  if (Status status = BuildOparlDump(graph, options, &files, summary); !status.ok()) {
    return Status(status.code(), graph_path + ": " + status.message());
  }
  const fs::path root(directory);
  fs::create_directories(root, error);
  if (error || !fs::is_directory(root)) {
    return Status(ErrorCode::kUnreadable, "cannot write to " + directory + ": " +
                                              (error ? error.message() : std::string("not a directory")));
  }
  // Files of an earlier dump that this one does not write again are removed,
  // so the directory holds exactly one dump; other files are left alone.
  std::set<std::string> written;
  for (const OparlFile& file : files) written.insert(file.path);
  std::ifstream old_manifest(root / kManifest);
  for (std::string line; std::getline(old_manifest, line);) {
    if (!line.empty() && written.count(line) == 0 && line.find("..") == std::string::npos) fs::remove(root / line, error);
  }
  for (const OparlFile& file : files) {
    if (Status status = WriteFileAtomically(root / file.path, file.json); !status.ok()) return status;
  }
  std::string manifest;
  for (const OparlFile& file : files) manifest += file.path + "\n";
  return WriteFileAtomically(root / kManifest, manifest);
}

}  // namespace ratsdoc
