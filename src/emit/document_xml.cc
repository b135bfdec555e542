#include "ratsdoc/document_xml.h"

#include <algorithm>
#include <map>

#include "common/hash.h"
#include "common/utf8.h"

namespace ratsdoc {
namespace {

std::string_view FormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::kPdf: return "pdf";
    case SourceFormat::kText: return "text";
    case SourceFormat::kUnknown: break;
  }
  return "unknown";
}

void SetAttribute(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(XmlSafe(value).c_str());
}

// Per page, the [begin, end) range of the normalised text it produced.
std::map<int, Span> PageRanges(const NormalizedText& text) {
  std::map<int, Span> ranges;
  std::size_t line_begin = 0;
  while (line_begin < text.text.size()) {
    std::size_t line_end = text.text.find('\n', line_begin);
    if (line_end == std::string::npos) line_end = text.text.size();
    if (line_end > line_begin) {
      for (std::size_t at : {line_begin, line_end - 1}) {
        const int page = text.map.Locate(at).page;
        auto [it, inserted] = ranges.try_emplace(page, Span{line_begin, line_end});
        if (!inserted) {
          it->second.begin = std::min(it->second.begin, line_begin);
          it->second.end = std::max(it->second.end, line_end);
        }
      }
    }
    line_begin = line_end + 1;
  }
  return ranges;
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

void AppendDocumentXml(const SourceDocument& source, const NormalizedText* text, pugi::xml_node parent) {
  pugi::xml_node doc = parent.append_child("document");
  SetAttribute(doc, "id", ContentId(source));
  const std::string_view status = !source.status.ok() ? "error" : source.warnings.empty() ? "ok" : "warning";
  SetAttribute(doc, "status", status);
  SetAttribute(doc, "source", source.path);
  if (!source.sha256.empty()) SetAttribute(doc, "sha256", source.sha256);
  SetAttribute(doc, "format", FormatName(source.format));
  if (!source.encoding.empty() && source.format == SourceFormat::kText) SetAttribute(doc, "encoding", source.encoding);
  SetAttribute(doc, "bytes", std::to_string(source.size_bytes));
  if (!source.status.ok()) {
    pugi::xml_node error = doc.append_child("error");
    SetAttribute(error, "code", ErrorCodeName(source.status.code()));
    error.text().set(XmlSafe(source.status.message()).c_str());
    return;
  }
  SetAttribute(doc, "pages", std::to_string(source.pages.size()));
  for (const std::string& warning : source.warnings) {
    doc.append_child("warning").text().set(XmlSafe(warning).c_str());
  }
  if (text == nullptr) return;
  SetAttribute(doc, "textBytes", std::to_string(text->text.size()));
  for (const auto& [number, span] : PageRanges(*text)) {
    pugi::xml_node page = doc.append_child("page");
    SetAttribute(page, "number", std::to_string(number));
    SetAttribute(page, "begin", std::to_string(span.begin));
    SetAttribute(page, "end", std::to_string(span.end));
  }
}

void WriteDocumentXml(const SourceDocument& source, const NormalizedText* text, pugi::xml_writer& sink) {
  pugi::xml_document xml;
  pugi::xml_node decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  AppendDocumentXml(source, text, xml);
  xml.document_element().prepend_attribute("xmlns").set_value(kGraphNamespace);
  xml.save(sink, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace ratsdoc
