#include "model.h"

#include <cstdio>

namespace ratsdoc_bench {

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kAnfrage:
      return "anfrage";
    case Kind::kAntrag:
      return "antrag";
    case Kind::kStellungnahme:
      return "stellungnahme";
    case Kind::kDrucksache:
      return "drucksache";
    case Kind::kAnlage:
      return "anlage";
    case Kind::kBeschluss:
      return "beschluss";
    case Kind::kInformation:
      return "information";
    case Kind::kProtokoll:
      return "protokoll";
  }
  return "sonstiges";
}

std::string Date::German() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", day % 100, month % 100, year % 10000);
  return buffer;
}

std::string Date::Iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year % 10000, month % 100, day % 100);
  return buffer;
}

}  // namespace ratsdoc_bench
