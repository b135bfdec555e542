// Fragments: a document's <document> element, printed as it stands in a graph,
// and the facts read back from it.
#include "ratsdoc/fragment.h"

#include <cstring>

#include "emit/xml_util.h"
#include "ratsdoc/document_xml.h"

namespace ratsdoc {
namespace {

std::string Attribute(pugi::xml_node node, const char* name) { return node.attribute(name).as_string(); }

void AddPerson(pugi::xml_node node, const char* attribute, Relation relation, DocumentFacts* facts) {
  const char* name = node.attribute(attribute).as_string();
  if (*name != '\0') facts->persons.push_back(PersonLink{name, relation});
}

}  // namespace

Status ReadFacts(pugi::xml_node document, DocumentFacts* facts) {
  DocumentFacts out;
  out.id = Attribute(document, "id");
  out.source = Attribute(document, "source");
  if (std::strcmp(document.name(), "document") != 0 || out.id.empty()) {
    return Status(ErrorCode::kInvalidArgument, "not a ratsdoc <document> element with an id");
  }
  out.kind = Attribute(document, "kind");
  out.date = document.child("date").text().as_string();
  if (const pugi::xml_node error = document.child("error")) out.error = Attribute(error, "code");
  // Children in document order; only the elements the graph needs are read.
  for (pugi::xml_node child : document.children()) {
    const char* name = child.name();
    if (std::strcmp(name, "reference") == 0) {
      Reference reference;
      reference.target = Attribute(child, "target");
      reference.kind = Attribute(child, "kind");
      reference.relation = ParseRelation(child.attribute("relation").as_string()).value_or(Relation::kCites);
      reference.resolved = child.attribute("resolved").as_bool(true);
      reference.paper = Attribute(child, "paper");
      reference.attachment = Attribute(child, "attachment");
      reference.part = !reference.attachment.empty() ? Reference::Part::kMeasure
                       : !reference.paper.empty()    ? Reference::Part::kAttachment
                                                     : Reference::Part::kPaper;
      reference.text = Attribute(child, "text");
      reference.page = child.attribute("page").as_int(1);
      reference.unit = Attribute(child, "unit");
      reference.context = child.child("context").text().as_string();
      out.references.push_back(std::move(reference));
    } else if (std::strcmp(name, "measure") == 0) {
      out.vertices.push_back(Unit{Attribute(child, "id"), kMeasureUnit, Attribute(child, "number"), {}, true});
    } else if (std::strcmp(name, "agendaItem") == 0 && child.attribute("id")) {
      out.vertices.push_back(Unit{Attribute(child, "id"), kAgendaItemUnit, Attribute(child, "number"), {}, true});
    } else if (std::strcmp(name, "participants") == 0) {
      for (pugi::xml_node person : child.children("person")) AddPerson(person, "name", Relation::kParticipant, &out);
    } else if (std::strcmp(name, "submitter") == 0) {
      AddPerson(child, "name", Relation::kSubmittedBy, &out);
    } else if (std::strcmp(name, "signature") == 0) {
      AddPerson(child, "name", Relation::kSignedBy, &out);
    } else if (std::strcmp(name, "meeting") == 0) {
      AddPerson(child, "minuteTaker", Relation::kSignedBy, &out);
    } else if (std::strcmp(name, "page") == 0) {
      if (std::strcmp(child.attribute("source").as_string(), "ocr") == 0) ++out.ocr_pages;
    } else if (std::strcmp(name, "oparl") == 0) {
      FileMetadata metadata;
      metadata.role = ParseFileRole(child.attribute("role").as_string()).value_or(FileRole::kOther);
      for (const MetadataAttribute& attribute : kMetadataAttributes) {
        metadata.*attribute.field = Attribute(child, attribute.name);
      }
      out.metadata = std::move(metadata);
    }
  }
  *facts = std::move(out);
  return Status::Ok();
}

Status FragmentOf(pugi::xml_node document, Fragment* fragment) {
  Fragment out;
  Status status = ReadFacts(document, &out.facts);
  if (!status.ok()) return status;
  emit::StringWriter writer(&out.xml);
  document.print(writer, "  ", pugi::format_default, pugi::encoding_utf8, /*depth=*/1);
  *fragment = std::move(out);
  return Status::Ok();
}

Fragment MakeFragment(const DocumentRecord& record) {
  pugi::xml_document xml;
  AppendDocumentXml(record, xml);
  Fragment fragment;
  // Cannot fail: AppendDocumentXml always writes an id and a source.
  FragmentOf(xml.document_element(), &fragment);
  return fragment;
}

}  // namespace ratsdoc
