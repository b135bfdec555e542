// URL helpers shared by OParl in (join.cc) and out (export.cc).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace ratsdoc::oparl {

// `text` with its %XX escapes decoded ("Anlage%202.pdf" → "Anlage 2.pdf"); a
// '%' not followed by two hex digits is kept as it is.
std::string PercentDecode(std::string_view text);

}  // namespace ratsdoc::oparl
