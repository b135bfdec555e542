#include "structure/parsers.h"

namespace ratsdoc::structure {

void ParseStellungnahme(const Page& page, DocumentStructure* out) { (void)page; (void)out; }
void ParseAnfrageOrAntrag(const Page& page, DocumentStructure* out) { (void)page; (void)out; }
void ParseBeschluss(const Page& page, DocumentStructure* out) { (void)page; (void)out; }
void ParseDrucksache(const Page& page, DocumentStructure* out) { (void)page; (void)out; }

}  // namespace ratsdoc::structure
