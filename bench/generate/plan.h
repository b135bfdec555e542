// Plans an archive: which papers exist (kind, number, date, topic) and which
// papers each one answers, decides, approves or cites. Deterministic per seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model.h"

namespace ratsdoc_bench {

struct ArchivePlan {
  std::vector<Paper> papers;
  int first_year = 0, last_year = 0;
};

ArchivePlan PlanArchive(int documents, std::uint64_t seed);

// The Wahlperiode of a year as a Roman numeral: 2019–2023 "VII", from 2024 "VIII".
std::string Term(int year);

}  // namespace ratsdoc_bench
