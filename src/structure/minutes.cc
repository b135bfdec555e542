#include "structure/parsers.h"

namespace ratsdoc::structure {

void ParseProtokoll(const Page& page, DocumentStructure* out) {
  (void)page;
  (void)out;
}

}  // namespace ratsdoc::structure
