#include <cmath>
#include "ratsdoc/document_xml.h"

#include "ratsdoc/fragment.h"

#include "common/hash.h"
#include "emit/structure_xml.h"
#include "emit/xml_util.h"
#include "common/utf8.h"
#include "ratsdoc/version.h"

namespace ratsdoc {
namespace {

using emit::AppendText;
using emit::SetAttribute;
using emit::SetNumber;
using emit::SetOptional;
using emit::StringWriter;

std::string_view FormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::kPdf: return "pdf";
    case SourceFormat::kText: return "text";
    case SourceFormat::kUnknown: break;
  }
  return "unknown";
}

void AppendReference(const Reference& reference, pugi::xml_node parent) {
  pugi::xml_node node = parent.append_child("reference");
  SetAttribute(node, "target", reference.target);
  SetAttribute(node, "relation", RelationName(reference.relation));
  SetAttribute(node, "kind", reference.kind);
  if (!reference.resolved) SetAttribute(node, "resolved", "false");
  SetAttribute(node, "text", reference.text);
  SetNumber(node, "page", static_cast<std::uint64_t>(reference.page));
  SetNumber(node, "begin", reference.span.begin);
  SetNumber(node, "end", reference.span.end);
  if (!reference.unit.empty()) SetAttribute(node, "unit", reference.unit);
  if (reference.resolved && reference.part != Reference::Part::kPaper) {
    SetOptional(node, "paper", reference.paper);
    if (reference.part == Reference::Part::kMeasure) SetOptional(node, "attachment", reference.attachment);
  }
  AppendText(node, "context", reference.context);
}

pugi::xml_node NewDocument(pugi::xml_document* xml) {
  pugi::xml_node decl = xml->append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  return *xml;
}

}  // namespace

std::string XmlSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Runs of printable ASCII, most of any council paper, are copied whole.
    std::size_t run = pos;
    while (run < text.size() && ((text[run] >= 0x20 && text[run] < 0x7F) || text[run] == '\n' || text[run] == '\t')) {
      ++run;
    }
    out.append(text, pos, run - pos);
    pos = run;
    if (pos == text.size()) break;
    const char32_t cp = utf8::Next(text, &pos);
    const bool legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                       (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (legal) utf8::Append(&out, cp);
  }
  return out;
}

std::string ContentId(const SourceDocument& source) {
  if (!source.sha256.empty()) return "sha256:" + source.sha256.substr(0, 16);
  return "path:" + Sha256Hex(source.path).substr(0, 16);
}

namespace {

// <oparl …/>: what the RIS says the file is; every attribute only when it has a value.
void AppendMetadataXml(const FileMetadata& metadata, pugi::xml_node parent) {
  pugi::xml_node element = parent.append_child("oparl");
  SetAttribute(element, "role", FileRoleName(metadata.role));
  for (const MetadataAttribute& attribute : kMetadataAttributes) {
    const std::string& value = metadata.*attribute.field;
    if (!value.empty()) SetAttribute(element, attribute.name, value);
  }
}

}  // namespace

void AppendDocumentXml(const DocumentRecord& document, pugi::xml_node parent) {
  pugi::xml_node doc = parent.append_child("document");
  SetAttribute(doc, "id", document.id);
  SetAttribute(doc, "kind", document.kind);
  const std::string_view status = !document.status.ok() ? "error" : document.warnings.empty() ? "ok" : "warning";
  SetAttribute(doc, "status", status);
  SetAttribute(doc, "source", document.source);
  if (!document.sha256.empty()) SetAttribute(doc, "sha256", document.sha256);
  SetAttribute(doc, "format", FormatName(document.format));
  if (!document.encoding.empty() && document.format == SourceFormat::kText) SetAttribute(doc, "encoding", document.encoding);
  SetNumber(doc, "bytes", document.bytes);
  if (!document.status.ok()) {
    pugi::xml_node error = doc.append_child("error");
    SetAttribute(error, "code", ErrorCodeName(document.status.code()));
    error.text().set(XmlSafe(document.status.message()).c_str());
    if (document.metadata) AppendMetadataXml(*document.metadata, doc);
    return;
  }
  SetNumber(doc, "pages", static_cast<std::uint64_t>(document.pages));
  SetNumber(doc, "textBytes", document.text_bytes);
  for (const std::string& warning : document.warnings) AppendText(doc, "warning", warning);
  emit::AppendTitleXml(document.structure, doc);
  if (!document.date.empty()) AppendText(doc, "date", document.date);
  if (document.metadata) AppendMetadataXml(*document.metadata, doc);
  for (const auto& [number, span] : document.page_ranges) {
    pugi::xml_node page = doc.append_child("page");
    SetNumber(page, "number", static_cast<std::uint64_t>(number));
    SetNumber(page, "begin", span.begin);
    SetNumber(page, "end", span.end);
    if (const auto ocr = document.ocr_pages.find(number); ocr != document.ocr_pages.end()) {
      SetAttribute(page, "source", "ocr");
      SetNumber(page, "confidence", static_cast<std::uint64_t>(std::lround(ocr->second)));
    }
  }
  emit::AppendStructureXml(document.structure, doc);
  for (const Reference& reference : document.references) AppendReference(reference, doc);
}

void WriteDocumentXml(const DocumentRecord& document, pugi::xml_writer& sink) {
  pugi::xml_document xml;
  AppendDocumentXml(document, NewDocument(&xml));
  xml.document_element().prepend_attribute("xmlns").set_value(kGraphNamespace);
  xml.save(sink, "  ", pugi::format_default, pugi::encoding_utf8);
}

GraphXmlWriter::GraphXmlWriter(pugi::xml_writer& sink, const char* root, std::string_view grammar,
                               std::string_view fingerprint)
    : sink_(sink), root_(root) {
  // The root's start tag is printed by pugixml from an empty element, so that
  // its attributes are escaped as everywhere else.
  pugi::xml_document xml;
  pugi::xml_node element = NewDocument(&xml).append_child(root);
  SetAttribute(element, "xmlns", kGraphNamespace);
  SetAttribute(element, "generator", "ratsdoc " RATSDOC_VERSION);
  SetAttribute(element, "grammar", grammar);
  if (!fingerprint.empty()) SetAttribute(element, "grammarFingerprint", fingerprint);
  element.append_child(pugi::node_pcdata);  // keeps pugixml from closing the tag as "/>"
  std::string start;
  StringWriter writer(&start);
  xml.save(writer, "  ", pugi::format_raw, pugi::encoding_utf8);
  start.erase(start.rfind("</"));
  const std::size_t declaration_end = start.find("?>") + 2;
  start.insert(declaration_end, "\n");
  start += '\n';
  sink_.write(start.data(), start.size());
}

void GraphXmlWriter::Document(std::string_view fragment_xml) { sink_.write(fragment_xml.data(), fragment_xml.size()); }

void GraphXmlWriter::Links(const ratsdoc::Links& links) {
  pugi::xml_document scratch;
  std::string out;
  StringWriter writer(&out);
  auto print = [&](pugi::xml_node element) {
    out.clear();
    element.print(writer, "  ", pugi::format_default, pugi::encoding_utf8, /*depth=*/1);
    sink_.write(out.data(), out.size());
    scratch.remove_child(element);
  };
  for (const Node& node : links.nodes) {
    pugi::xml_node element = scratch.append_child("node");
    SetAttribute(element, "id", node.id);
    SetAttribute(element, "kind", node.kind);
    SetAttribute(element, "resolved", node.resolved ? "true" : "false");
    for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"name", &node.name},
                                      {"date", &node.date}, {"paperType", &node.paper_type}, {"oparl", &node.oparl}}) {
      if (!value->empty()) SetAttribute(element, name, *value);
    }
    print(element);
  }
  for (const Edge& edge : links.edges) {
    pugi::xml_node element = scratch.append_child("edge");
    SetAttribute(element, "from", edge.from);
    SetAttribute(element, "to", edge.to);
    SetAttribute(element, "relation", RelationName(edge.relation));
    print(element);
  }
}

void GraphXmlWriter::Close() {
  const std::string end = "</" + root_ + ">\n";
  sink_.write(end.data(), end.size());
}

void WriteGraphXml(const Graph& graph, pugi::xml_writer& sink) {
  GraphXmlWriter writer(sink, "graph", graph.grammar, graph.grammar_fingerprint);
  for (const DocumentRecord& document : graph.documents) writer.Document(MakeFragment(document).xml);
  writer.Links(ratsdoc::Links{graph.nodes, graph.edges});
  writer.Close();
}

}  // namespace ratsdoc
