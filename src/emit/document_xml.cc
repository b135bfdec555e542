#include "ratsdoc/document_xml.h"

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
    return;
  }
  SetNumber(doc, "pages", static_cast<std::uint64_t>(document.pages));
  SetNumber(doc, "textBytes", document.text_bytes);
  for (const std::string& warning : document.warnings) AppendText(doc, "warning", warning);
  emit::AppendTitleXml(document.structure, doc);
  if (!document.date.empty()) AppendText(doc, "date", document.date);
  for (const auto& [number, span] : document.page_ranges) {
    pugi::xml_node page = doc.append_child("page");
    SetNumber(page, "number", static_cast<std::uint64_t>(number));
    SetNumber(page, "begin", span.begin);
    SetNumber(page, "end", span.end);
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

void WriteGraphXml(const Graph& graph, pugi::xml_writer& sink) {
  pugi::xml_document xml;
  pugi::xml_node root = NewDocument(&xml).append_child("graph");
  SetAttribute(root, "xmlns", kGraphNamespace);
  SetAttribute(root, "generator", "ratsdoc " RATSDOC_VERSION);
  SetAttribute(root, "grammar", graph.grammar);
  if (!graph.grammar_fingerprint.empty()) SetAttribute(root, "grammarFingerprint", graph.grammar_fingerprint);
  for (const DocumentRecord& document : graph.documents) AppendDocumentXml(document, root);
  for (const Node& node : graph.nodes) {
    pugi::xml_node element = root.append_child("node");
    SetAttribute(element, "id", node.id);
    SetAttribute(element, "kind", node.kind);
    SetAttribute(element, "resolved", node.resolved ? "true" : "false");
  }
  for (const Edge& edge : graph.edges) {
    pugi::xml_node element = root.append_child("edge");
    SetAttribute(element, "from", edge.from);
    SetAttribute(element, "to", edge.to);
    SetAttribute(element, "relation", RelationName(edge.relation));
  }
  xml.save(sink, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace ratsdoc
