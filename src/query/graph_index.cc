#include "ratsdoc/query.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <pugixml.hpp>

#include "ratsdoc/document_xml.h"

namespace ratsdoc {

Status GraphIndex::Load(const std::string& path, GraphIndex* out) {
  pugi::xml_document xml;
  const pugi::xml_parse_result parsed = xml.load_file(path.c_str());
  if (parsed.status == pugi::status_file_not_found || parsed.status == pugi::status_io_error) {
    return Status(ErrorCode::kUnreadable, "cannot read the graph file " + path);
  }
  if (!parsed) {
    return Status(ErrorCode::kInvalidArgument, path + " is not well-formed XML (" + parsed.description() + " at byte " +
                                                   std::to_string(parsed.offset) + ")");
  }
  const pugi::xml_node root = xml.document_element();
  if (std::string(root.name()) != "graph" || std::string(root.attribute("xmlns").as_string()) != kGraphNamespace) {
    return Status(ErrorCode::kInvalidArgument, path + " is not a ratsdoc graph (its root is not <graph xmlns=\"" +
                                                   std::string(kGraphNamespace) + "\">)");
  }
  GraphIndex index;
  index.grammar_ = root.attribute("grammar").as_string();
  std::set<std::tuple<std::string, std::string, std::string>> seen;  // target, document, unit
  for (pugi::xml_node document : root.children("document")) {
    const std::string id = document.attribute("id").as_string();
    for (pugi::xml_node reference : document.children("reference")) {
      if (std::string(reference.attribute("resolved").as_string("true")) == "false") continue;
      Citation citation;
      citation.document = id;
      citation.kind = document.attribute("kind").as_string();
      citation.date = document.child("date").text().as_string();
      citation.source = document.attribute("source").as_string();
      citation.unit = reference.attribute("unit").as_string();
      citation.relation = reference.attribute("relation").as_string();
      citation.text = reference.attribute("text").as_string();
      citation.page = reference.attribute("page").as_int();
      citation.context = reference.child("context").text().as_string();
      const std::string target = reference.attribute("target").as_string();
      if (!seen.emplace(target, citation.document, citation.unit).second) continue;
      index.by_target_[target].push_back(std::move(citation));
    }
  }
  for (auto& [target, citations] : index.by_target_) {
    std::stable_sort(citations.begin(), citations.end(), [](const Citation& a, const Citation& b) {
      return std::tie(a.document, a.unit) < std::tie(b.document, b.unit);
    });
  }
  *out = std::move(index);
  return Status::Ok();
}

std::vector<Citation> GraphIndex::CitationsOf(const std::string& target) const {
  const auto found = by_target_.find(target);
  return found == by_target_.end() ? std::vector<Citation>() : found->second;
}

}  // namespace ratsdoc
