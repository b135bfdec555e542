// The end-of-run summary.
#include <sys/resource.h>

#include <cstdio>

#include "ratsdoc/archive.h"

namespace ratsdoc {
namespace {

std::string Counts(const std::map<std::string, std::size_t>& counts) {
  std::string out;
  for (const auto& [name, count] : counts) {
    if (!out.empty()) out += ", ";
    out += name + " " + std::to_string(count);
  }
  return out.empty() ? "none" : out;
}

std::string Format(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

}  // namespace

void Summarize(const FragmentStore& store, RunSummary* summary) {
  summary->documents = store.size();
  for (const DocumentFacts& document : store.documents()) {
    if (!document.error.empty()) {
      ++summary->errors[document.error];
      continue;
    }
    ++summary->kinds[document.kind];
    summary->ocr_pages += static_cast<std::size_t>(document.ocr_pages);
    if (document.ocr_pages > 0) ++summary->ocr_documents;
    summary->references += document.references.size();
    for (const Reference& reference : document.references) {
      if (!reference.resolved) ++summary->unresolved_references;
    }
  }
  for (const Node& node : store.links().nodes) {
    if (!node.resolved) ++summary->targets_outside;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  summary->cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  summary->peak_memory_kb = usage.ru_maxrss;
}

std::string FormatSummary(const RunSummary& s) {
  const double rate = s.wall_seconds > 0 ? static_cast<double>(s.documents) / s.wall_seconds : 0;
  std::string out = "ratsdoc: " + std::to_string(s.documents) + " documents in " + Format("%.2f", s.wall_seconds) +
                    " s (" + Format("%.1f", rate) + "/s on " + std::to_string(s.threads) +
                    (s.threads == 1 ? " thread" : " threads") + ", CPU " +
                    Format("%.2f", s.cpu_seconds) + " s, peak memory " +
                    Format("%.0f", static_cast<double>(s.peak_memory_kb) / 1024.0) + " MB)\n";
  out += "  kinds: " + Counts(s.kinds) + "\n";
  out += "  references: " + std::to_string(s.references) + ", of which " + std::to_string(s.unresolved_references) +
         " unresolved; " + std::to_string(s.targets_outside) + " cited targets not in the archive\n";
  out += "  errors: " + Counts(s.errors);
  if (s.ocr_pages > 0) {
    out += "\n  OCR: " + std::to_string(s.ocr_pages) + " pages of " + std::to_string(s.ocr_documents) +
           " documents recognised";
  }
  if (s.cache_reused + s.cache_analysed + s.cache_damaged > 0) {
    out += "\n  cache: " + std::to_string(s.cache_reused) + " reused, " + std::to_string(s.cache_analysed) +
           " analysed, " + std::to_string(s.cache_damaged) + " damaged entries rebuilt";
  }
  return out;
}

}  // namespace ratsdoc
