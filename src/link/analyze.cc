// One file through the stages: ingest → normalize → identity → references → structure, reduced to a
// DocumentRecord so the text can be released.
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <new>

#include "grammar/rules.h"
#include "ratsdoc/document_xml.h"
#include "ratsdoc/graph.h"
#include "ratsdoc/oparl.h"

namespace ratsdoc {
namespace {

// Per page, the [begin, end) range of the normalised text it produced.
std::vector<std::pair<int, Span>> PageRanges(const NormalizedText& text) {
  std::map<int, Span> ranges;
  std::size_t line_begin = 0;
  while (line_begin < text.text.size()) {
    std::size_t line_end = text.text.find('\n', line_begin);
    if (line_end == std::string::npos) line_end = text.text.size();
    if (line_end > line_begin) {
      for (std::size_t at : {line_begin, line_end - 1}) {
        const int page = text.map.Locate(at).page;
        auto [it, inserted] = ranges.try_emplace(page, Span{line_begin, line_end});
        if (!inserted) {
          it->second.begin = std::min(it->second.begin, line_begin);
          it->second.end = std::max(it->second.end, line_end);
        }
      }
    }
    line_begin = line_end + 1;
  }
  return {ranges.begin(), ranges.end()};
}

std::atomic<StageHook> stage_hook{nullptr};

// Names the stage about to run (for the message should it throw) and calls
// the test hook.
void Enter(const char* name, const SourceDocument& source, const char** stage) {
  *stage = name;
  if (const StageHook hook = stage_hook.load(std::memory_order_relaxed)) hook(name, source);
}

// The stages after reading; `*stage` names the one running.
DocumentRecord RunStages(const SourceDocument& source, const Grammar& grammar, const FileMetadata* metadata, Trust trust,
                         const char** stage) {
  DocumentRecord record;
  record.id = ContentId(source);
  record.kind = std::string(kNoKind);
  record.source = source.path;
  record.sha256 = source.sha256;
  record.format = source.format;
  record.encoding = source.encoding;
  record.bytes = source.size_bytes;
  record.status = source.status;
  record.warnings = source.warnings;
  if (metadata != nullptr) {
    record.metadata = *metadata;
    // A file the RIS names keeps its paper's ID even when it cannot be read.
    if (!metadata->DocumentId().empty()) record.id = metadata->DocumentId();
  }
  if (!source.status.ok()) return record;
  record.pages = static_cast<int>(source.pages.size());
  Enter("normalise", source, stage);
  const NormalizedText text = Normalize(source, grammar);
  record.text_bytes = text.text.size();
  record.page_ranges = PageRanges(text);
  for (std::size_t page = 0; page < source.pages.size(); ++page) {
    if (source.pages[page].ocr) record.ocr_pages[static_cast<int>(page) + 1] = source.pages[page].ocr_confidence;
  }
  Enter("identity", source, stage);
  DocumentIdentity identity = Identify(text, grammar, source.path);
  if (metadata != nullptr) oparl::ApplyToIdentity(*metadata, trust, grammar, &identity);
  Enter("references", source, stage);
  DocumentReferences found = ExtractReferences(text, grammar, identity);
  if (metadata != nullptr) oparl::ApplyToReferences(*metadata, trust, grammar, &found);
  if (!found.id.empty()) record.id = found.id;
  Enter("structure", source, stage);
  record.structure = ExtractStructure(text, grammar, found, record.id, identity);
  if (metadata != nullptr) oparl::ApplyToStructure(*metadata, trust, &record.structure);
  record.warnings.insert(record.warnings.end(), found.warnings.begin(), found.warnings.end());
  record.warnings.insert(record.warnings.end(), record.structure.warnings.begin(), record.structure.warnings.end());
  record.kind = record.structure.kind;
  record.date = std::move(found.date);
  record.references = std::move(found.references);
  Enter("units", source, stage);
  AttributeToUnits(record.structure.units, &record.references);
  return record;
}

// What escaped a stage, as text.
std::string Describe(const std::exception_ptr& thrown) {
  try {
    std::rethrow_exception(thrown);
  } catch (const std::bad_alloc&) {
    return "out of memory (std::bad_alloc)";
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception of unknown type";
  }
}

}  // namespace

DocumentRecord FailedAnalysis(const std::string& path, const std::string& sha256, std::string_view stage,
                              std::string_view what) {
  SourceDocument source;
  source.path = path;
  source.sha256 = sha256;
  DocumentRecord record;
  record.source = path;
  record.sha256 = sha256;
  record.id = ContentId(source);
  record.kind = std::string(kNoKind);
  record.status = Status(ErrorCode::kInternal,
                         "ratsdoc failed in its " + std::string(stage) + " stage on " + path + " (" + std::string(what) +
                             "). This is a bug in ratsdoc, not in the file: please report it, with the file.");
  return record;
}

DocumentRecord FailedAnalysis(const std::string& path, const std::string& sha256, std::string_view stage,
                              const std::exception_ptr& thrown) {
  return FailedAnalysis(path, sha256, stage, Describe(thrown));
}

DocumentRecord AnalyzeSource(const SourceDocument& source, const Grammar& grammar, const FileMetadata* metadata,
                             Trust trust) {
  const char* stage = "analysis";
  try {
    return RunStages(source, grammar, metadata, trust, &stage);
  } catch (...) {
    return FailedAnalysis(source.path, source.sha256, stage, std::current_exception());
  }
}

DocumentRecord AnalyzeDocument(const std::string& path, const Grammar& grammar, const IngestOptions& options,
                               const FileMetadata* metadata, Trust trust) {
  SourceDocument source;
  try {
    source = ReadDocument(path, options);
  } catch (...) {
    return FailedAnalysis(path, "", "reading", std::current_exception());
  }
  return AnalyzeSource(source, grammar, metadata, trust);
}

void SetStageHookForTesting(StageHook hook) { stage_hook.store(hook, std::memory_order_relaxed); }

void PrepareForThreads(const Grammar& grammar) {
  static std::once_flag once;
  std::call_once(once, [&] {
    WarmUpPdfReader();
    // Windows-1252 text (charset detection and conversion) with a reference:
    // the grammar's first reference example, so no city's words stand here.
    std::string text = "\xc4\xd6\xdc\xe4\xf6\xfc\xdf \xe0\xe9\xe8\xe7";  // letters that are not UTF-8
    for (const grammar::ReferenceRule& rule : grammar.rules().references) {
      if (rule.example.empty()) continue;
      text += " " + rule.example;
      break;
    }
    AnalyzeSource(ReadDocumentFromBytes("warm-up.txt", text + "\n"), grammar);
  });
}

}  // namespace ratsdoc
