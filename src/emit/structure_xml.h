// The structural elements of a <document> (docs/graph-xml.md, "Structural
// elements"): one function writes them all, in a fixed order, after the
// document's title, date and pages and before its references.
#pragma once

#include <pugixml.hpp>

#include "ratsdoc/structure.h"

namespace ratsdoc::emit {

// Appends <title> (when known) to `document`.
void AppendTitleXml(const DocumentStructure& structure, pugi::xml_node document);
// Appends every structural element of `structure` to `document`.
void AppendStructureXml(const DocumentStructure& structure, pugi::xml_node document);

}  // namespace ratsdoc::emit
