// Reading an OParl 1.1 dump: every JSON file under a directory, objects found
// wherever they stand (a file per object, arrays, list pages, embedded in
// other objects), flaws counted instead of fatal.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "ratsdoc/oparl.h"

namespace ratsdoc::oparl {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The kinds of flaw, as the summary names them.
constexpr const char* kUnparsable = "JSON files that do not parse";
constexpr const char* kNoType = "objects without a type (skipped)";
constexpr const char* kDeletedNoType = "deleted entries without a type (skipped)";
constexpr const char* kNoId = "objects without an id (skipped)";
constexpr const char* kEmptyString = "empty strings for absent values (read as absent)";
constexpr const char* kSingleForList = "single objects or URLs where a list belongs (read as a list of one)";
constexpr const char* kTwice = "objects given twice with different fields (the first kept)";
constexpr const char* kDangling = "links to objects not in the dump";
constexpr const char* kWrongValue = "values of the wrong JSON type (ignored)";
constexpr const char* kUnreadableFolder = "folders that could not be read to the end";
constexpr const char* kTooDeep = "values nested deeper than 64 levels (skipped)";
// Objects and lists nest this deep at most in a real dump (a list page of
// Papers with embedded Files is four); deeper ones are skipped, so that a
// hostile file cannot exhaust the stack.
constexpr int kMaxDepth = 64;

// The OParl type name of `type` ("https://schema.oparl.org/1.1/Paper" → "Paper").
std::string TypeName(const std::string& type) {
  const std::size_t slash = type.find_last_of('/');
  return slash == std::string::npos ? type : type.substr(slash + 1);
}

// The type an object embedded under `key` has when it says none.
std::string TypeOfKey(const std::string& key) {
  if (key == "mainFile" || key == "auxiliaryFile" || key == "invitation" || key == "resultsProtocol" ||
      key == "verbatimProtocol" || key == "resolutionFile" || key == "derivativeFile") {
    return "File";
  }
  if (key == "agendaItem") return "AgendaItem";
  if (key == "consultation") return "Consultation";
  if (key == "membership") return "Membership";
  if (key == "location") return "Location";
  return "";
}

class Reader {
 public:
  explicit Reader(Dump* dump) : dump_(*dump) {}

  void Flaw(const char* kind, const std::string& example) {
    if (dump_.flaws[kind]++ == 0) dump_.flaw_examples[kind] = example;
  }

  // A string field; an empty string is absent (a flaw), a non-string is ignored.
  std::string Text(const json& object, const char* key, const std::string& where) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return "";
    if (!found->is_string()) {
      Flaw(kWrongValue, where + " " + key);
      return "";
    }
    std::string value = found->get<std::string>();
    if (value.empty()) Flaw(kEmptyString, where + " " + key);
    return value;
  }

  // A list of URLs (or of embedded objects, by their id); a single URL or
  // object where a list belongs is a list of one.
  std::vector<std::string> Urls(const json& object, const char* key, const std::string& where) {
    std::vector<std::string> out;
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return out;
    auto add = [&](const json& item) {
      if (item.is_string()) {
        if (item.get<std::string>().empty()) {
          Flaw(kEmptyString, where + " " + key);
        } else {
          out.push_back(item.get<std::string>());
        }
      } else if (item.is_object()) {
        const auto id = item.find("id");
        if (id != item.end() && id->is_string() && !id->get<std::string>().empty()) out.push_back(id->get<std::string>());
      } else {
        Flaw(kWrongValue, where + " " + key);
      }
    };
    if (found->is_array()) {
      for (const json& item : *found) add(item);
    } else {
      Flaw(kSingleForList, where + " " + key);
      add(*found);
    }
    return out;
  }

  // One URL field (an embedded object counts by its id).
  std::string Url(const json& object, const char* key, const std::string& where) {
    const auto found = object.find(key);
    if (found != object.end() && found->is_object()) {
      const auto id = found->find("id");
      return id != found->end() && id->is_string() ? id->get<std::string>() : "";
    }
    return Text(object, key, where);
  }

  // Any JSON value: arrays and list pages are walked, objects registered.
  void Visit(const json& value, const std::string& type_hint, const std::string& where, int depth = 0) {
    if (depth > kMaxDepth) {
      Flaw(kTooDeep, where);
      return;
    }
    if (value.is_array()) {
      for (const json& item : value) {
        if (item.is_object() || item.is_array()) {
          Visit(item, type_hint, where, depth + 1);
        } else {
          Flaw(kWrongValue, where + " (a list item that is not an object)");
        }
      }
      return;
    }
    if (!value.is_object()) return;
    const auto data = value.find("data");
    if (data != value.end() && data->is_array() && value.find("type") == value.end()) {
      Visit(*data, type_hint, where, depth + 1);  // a list page
      return;
    }
    Object(value, type_hint, where, depth);
  }

  void Object(const json& object, const std::string& type_hint, const std::string& where, int depth) {
    std::string type;
    const auto type_field = object.find("type");
    if (type_field != object.end() && type_field->is_string()) type = TypeName(type_field->get<std::string>());
    if (type.empty()) type = type_hint;
    const auto deleted = object.find("deleted");
    const bool is_deleted = deleted != object.end() && deleted->is_boolean() && deleted->get<bool>();
    if (type.empty()) {
      Flaw(is_deleted ? kDeletedNoType : kNoType, where);
      return;
    }
    if (is_deleted) return;  // a deleted entry says only that it is gone
    const std::string id = Text(object, "id", where);
    if (id.empty()) {
      Flaw(kNoId, where + " (" + type + ")");
      return;
    }
    const std::string at = type + " " + id;
    if (type == "Paper") {
      Paper paper;
      paper.id = id;
      paper.reference = Text(object, "reference", at);
      paper.name = Text(object, "name", at);
      paper.paper_type = Text(object, "paperType", at);
      paper.date = Text(object, "date", at);
      const std::string main_file = Url(object, "mainFile", at);
      const bool has_main = !main_file.empty();
      if (has_main) paper.files.push_back(main_file);
      for (std::string& file : Urls(object, "auxiliaryFile", at)) paper.files.push_back(std::move(file));
      paper.superordinated = Urls(object, "superordinatedPaper", at);
      paper.subordinated = Urls(object, "subordinatedPaper", at);
      paper.related = Urls(object, "relatedPaper", at);
      paper.consultations = Urls(object, "consultation", at);
      for (std::size_t i = 0; i < paper.files.size(); ++i) {
        FileLinks& links = file_links_[paper.files[i]];
        links.papers.push_back(id);
        if (i == 0 && has_main) links.main_paper = id;
      }
      Embedded(object, {"mainFile", "auxiliaryFile", "consultation"}, at, depth);
      Keep(&dump_.papers, std::move(paper), at);
    } else if (type == "File") {
      File file;
      file.id = id;
      file.name = Text(object, "name", at);
      file.file_name = Text(object, "fileName", at);
      file.access_url = Text(object, "accessUrl", at);
      file.download_url = Text(object, "downloadUrl", at);
      file.date = Text(object, "date", at);
      file.mime_type = Text(object, "mimeType", at);
      for (std::string& paper : Urls(object, "paper", at)) file_links_[id].papers.push_back(std::move(paper));
      // OParl 1.1 lists a File's meetings; a single URL is read too.
      const auto meetings = object.find("meeting");
      const std::vector<std::string> meeting =
          meetings != object.end() && meetings->is_string() ? std::vector<std::string>{Text(object, "meeting", at)}
                                                            : Urls(object, "meeting", at);
      if (!meeting.empty() && !meeting.front().empty()) file_links_[id].meeting = meeting.front();
      Keep(&dump_.files, std::move(file), at);
    } else if (type == "Meeting") {
      Meeting meeting;
      meeting.id = id;
      meeting.name = Text(object, "name", at);
      meeting.ratsdoc_id = Text(object, "ratsdoc:id", at);
      meeting.start = Text(object, "start", at);
      meeting.agenda_items = Urls(object, "agendaItem", at);
      meeting.organizations = Urls(object, "organization", at);
      for (const char* key : {"invitation", "resultsProtocol", "verbatimProtocol"}) {
        const std::string file = Url(object, key, at);
        if (!file.empty()) file_links_[file].meeting = id;
      }
      for (const std::string& file : Urls(object, "auxiliaryFile", at)) file_links_[file].meeting = id;
      for (const std::string& item : meeting.agenda_items) item_meetings_[item] = id;
      Embedded(object, {"agendaItem", "invitation", "resultsProtocol", "verbatimProtocol", "auxiliaryFile"}, at, depth);
      Keep(&dump_.meetings, std::move(meeting), at);
    } else if (type == "AgendaItem") {
      AgendaItem item;
      item.id = id;
      item.meeting = Url(object, "meeting", at);
      item.number = Text(object, "number", at);
      item.name = Text(object, "name", at);
      item.consultation = Url(object, "consultation", at);
      Embedded(object, {"resolutionFile", "auxiliaryFile"}, at, depth);
      Keep(&dump_.agenda_items, std::move(item), at);
    } else if (type == "Consultation") {
      Consultation consultation;
      consultation.id = id;
      consultation.paper = Url(object, "paper", at);
      consultation.meeting = Url(object, "meeting", at);
      consultation.agenda_item = Url(object, "agendaItem", at);
      Keep(&dump_.consultations, std::move(consultation), at);
    } else if (type == "Person") {
      ++dump_.persons;
      Embedded(object, {"membership", "location"}, at, depth);
    } else if (type == "Organization") {
      ++dump_.organizations;
      Embedded(object, {"membership", "location"}, at, depth);
    } else if (type == "Membership") {
      ++dump_.memberships;
    } else {
      ++dump_.other_objects;  // System, Body, LegislativeTerm, Location, …: nothing ratsdoc reads
    }
  }

  // Objects embedded under `keys` (a Paper's auxiliaryFile, a Meeting's agendaItem).
  void Embedded(const json& object, std::initializer_list<const char*> keys, const std::string& where, int depth) {
    for (const char* key : keys) {
      const auto found = object.find(key);
      if (found == object.end()) continue;
      if (found->is_object()) {
        Visit(*found, TypeOfKey(key), where + " " + key, depth + 1);
      } else if (found->is_array()) {
        for (const json& item : *found) {
          if (item.is_object()) Visit(item, TypeOfKey(key), where + " " + key, depth + 1);
        }
      }
    }
  }

  template <typename T>
  void Keep(std::unordered_map<std::string, T>* objects, T object, const std::string& where) {
    const auto [it, inserted] = objects->try_emplace(object.id, std::move(object));
    if (!inserted && !Same(it->second, object)) Flaw(kTwice, where);
  }
  // Whether a second copy says the same (an embedded File and its own file do).
  static bool Same(const Paper& a, const Paper& b) {
    return a.reference == b.reference && a.name == b.name && a.paper_type == b.paper_type && a.date == b.date;
  }
  static bool Same(const File& a, const File& b) { return a.name == b.name && a.file_name == b.file_name; }
  static bool Same(const Meeting& a, const Meeting& b) { return a.name == b.name && a.start == b.start; }
  static bool Same(const AgendaItem& a, const AgendaItem& b) { return a.number == b.number && a.name == b.name; }
  static bool Same(const Consultation& a, const Consultation& b) {
    return a.paper == b.paper && a.meeting == b.meeting && a.agenda_item == b.agenda_item;
  }

  // Links that go both ways are stored on both sides once everything is read;
  // a link to an object the dump lacks is a flaw (once per link).
  void Finish() {
    for (auto& [id, links] : file_links_) {
      const auto file = dump_.files.find(id);
      if (file == dump_.files.end()) {
        Flaw(kDangling, "File " + id);
        continue;
      }
      for (const std::string& paper : links.papers) {
        if (std::find(file->second.papers.begin(), file->second.papers.end(), paper) == file->second.papers.end()) {
          file->second.papers.push_back(paper);
        }
      }
      if (file->second.meeting.empty()) file->second.meeting = links.meeting;
      if (file->second.main_paper.empty()) file->second.main_paper = links.main_paper;
    }
    for (auto& [id, item] : dump_.agenda_items) {
      if (item.meeting.empty()) {
        const auto meeting = item_meetings_.find(id);
        if (meeting != item_meetings_.end()) item.meeting = meeting->second;
      }
    }
    for (auto& [id, paper] : dump_.papers) {
      for (const std::vector<std::string>* list : {&paper.superordinated, &paper.subordinated, &paper.related}) {
        for (const std::string& other : *list) {
          if (dump_.papers.count(other) == 0) Flaw(kDangling, "Paper " + other);
        }
      }
      for (const std::string& consultation : paper.consultations) {
        if (dump_.consultations.count(consultation) == 0) Flaw(kDangling, "Consultation " + consultation);
      }
    }
    for (auto& [id, consultation] : dump_.consultations) {
      // A Consultation naming only its agenda item is at that item's meeting.
      if (consultation.meeting.empty()) {
        const auto item = dump_.agenda_items.find(consultation.agenda_item);
        if (item != dump_.agenda_items.end()) consultation.meeting = item->second.meeting;
      }
      if (!consultation.meeting.empty() && dump_.meetings.count(consultation.meeting) == 0) {
        Flaw(kDangling, "Meeting " + consultation.meeting);
      }
      if (!consultation.agenda_item.empty() && dump_.agenda_items.count(consultation.agenda_item) == 0) {
        Flaw(kDangling, "AgendaItem " + consultation.agenda_item);
      }
    }
  }

 private:
  struct FileLinks {
    std::vector<std::string> papers;
    std::string meeting;
    std::string main_paper;  // the Paper listing it as its mainFile
  };
  Dump& dump_;
  std::unordered_map<std::string, FileLinks> file_links_;
  std::unordered_map<std::string, std::string> item_meetings_;
};

}  // namespace

Status ReadDump(const std::string& directory, Dump* dump) {
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    return Status(ErrorCode::kUnreadable, "the OParl dump " + directory + " is not a directory that can be read");
  }
  std::vector<fs::path> files;
  fs::recursive_directory_iterator walk(directory, fs::directory_options::skip_permission_denied, error);
  if (error) return Status(ErrorCode::kUnreadable, "the OParl dump " + directory + " cannot be read: " + error.message());
  for (const fs::recursive_directory_iterator end; walk != end; walk.increment(error)) {
    if (error) break;
    if (walk->is_regular_file(error) && walk->path().extension() == ".json") files.push_back(walk->path());
  }
  Reader reader(dump);
  if (error) reader.Flaw(kUnreadableFolder, directory + ": " + error.message());
  std::sort(files.begin(), files.end());  // the same dump reads the same in every run
  for (const fs::path& path : files) {
    ++dump->json_files;
    std::ifstream in(path, std::ios::binary);
    json value = json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
      reader.Flaw(kUnparsable, path.string());
      continue;
    }
    reader.Visit(value, "", path.string());
  }
  reader.Finish();
  return Status::Ok();
}

std::vector<std::string> DescribeFlaws(const Dump& dump) {
  std::vector<std::string> lines;
  for (const auto& [kind, count] : dump.flaws) {
    std::string line = std::to_string(count) + " " + kind;
    const auto example = dump.flaw_examples.find(kind);
    if (example != dump.flaw_examples.end()) line += ", e.g. " + example->second;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace ratsdoc::oparl
