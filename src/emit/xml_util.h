// Small pugixml helpers of the emit stage: every value written goes through
// XmlSafe, so no text or attribute can make the output ill-formed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "ratsdoc/document_xml.h"

namespace ratsdoc::emit {

inline void SetAttribute(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(XmlSafe(value).c_str());
}

inline void SetNumber(pugi::xml_node node, const char* name, std::uint64_t value) {
  SetAttribute(node, name, std::to_string(value));
}

inline void AppendText(pugi::xml_node parent, const char* name, std::string_view text) {
  parent.append_child(name).text().set(XmlSafe(text).c_str());
}

// Sets the attribute only when `value` is not empty.
inline void SetOptional(pugi::xml_node node, const char* name, std::string_view value) {
  if (!value.empty()) SetAttribute(node, name, value);
}

// A pugixml sink appending to a string.
class StringWriter : public pugi::xml_writer {
 public:
  explicit StringWriter(std::string* out) : out_(out) {}
  void write(const void* data, size_t size) override { out_->append(static_cast<const char*>(data), size); }

 private:
  std::string* out_;
};

}  // namespace ratsdoc::emit
