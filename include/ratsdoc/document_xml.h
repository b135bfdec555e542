// Emit: writes one document as the <document> element of ratsdoc's graph XML
// (names fixed by SPEC.md: status, source, sha256, pages; an <error> with its
// code for a document that could not be read). Output goes through a
// pugi::xml_writer sink, so tests capture it in a string and the command line
// writes it to a stream.
//
// Thread-safety: pure functions; any thread.
#pragma once

#include <string>

#include <pugixml.hpp>

#include "ratsdoc/ingest.h"
#include "ratsdoc/normalize.h"

namespace ratsdoc {

// The XML namespace of every ratsdoc graph element.
inline constexpr const char* kGraphNamespace = "urn:ratsdoc:graph:1";

// The document's stable ID until later stages know its own reference number:
// "sha256:" plus the first 16 hex digits of its content hash, or, for a file
// that could not be read at all, "path:" plus those of its path's hash.
std::string ContentId(const SourceDocument& source);

// Appends a <document> element for `source` to `parent`. `text` is the
// normalised text, or nullptr when the source has an error status.
void AppendDocumentXml(const SourceDocument& source, const NormalizedText* text, pugi::xml_node parent);

// Writes a standalone XML document whose root is the <document> element.
void WriteDocumentXml(const SourceDocument& source, const NormalizedText* text, pugi::xml_writer& sink);

// `text` with characters that XML 1.0 forbids removed and invalid UTF-8
// replaced by U+FFFD, so any string can be written as an attribute or element.
std::string XmlSafe(std::string_view text);

}  // namespace ratsdoc
