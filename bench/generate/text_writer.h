// The text form of a document: what a council system's text export looks like
// (samples/text): header tables as tab-separated lines, bold headings as **…**.
#pragma once

#include <string>

#include "model.h"

namespace ratsdoc_bench {

std::string RenderText(const Document& document);

}  // namespace ratsdoc_bench
