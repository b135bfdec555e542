// One file through the stages: ingest → normalize → references → structure, reduced to a
// DocumentRecord so the text can be released.
#include <map>
#include <mutex>

#include "ratsdoc/document_xml.h"
#include "ratsdoc/graph.h"

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

}  // namespace

DocumentRecord AnalyzeSource(const SourceDocument& source, const Grammar& grammar) {
  DocumentRecord record;
  record.id = ContentId(source);
  record.kind = "sonstiges";
  record.source = source.path;
  record.sha256 = source.sha256;
  record.format = source.format;
  record.encoding = source.encoding;
  record.bytes = source.size_bytes;
  record.status = source.status;
  record.warnings = source.warnings;
  if (!source.status.ok()) return record;
  record.pages = static_cast<int>(source.pages.size());
  const NormalizedText text = Normalize(source, grammar);
  record.text_bytes = text.text.size();
  record.page_ranges = PageRanges(text);
  DocumentReferences found = ExtractReferences(text, grammar);
  if (!found.id.empty()) record.id = found.id;
  record.structure = ExtractStructure(text, grammar, found, record.id);
  record.kind = record.structure.kind;
  record.date = std::move(found.date);
  record.references = std::move(found.references);
  AttributeToUnits(record.structure.units, &record.references);
  return record;
}

DocumentRecord AnalyzeDocument(const std::string& path, const Grammar& grammar, const IngestOptions& options) {
  return AnalyzeSource(ReadDocument(path, options), grammar);
}

void PrepareForThreads(const Grammar& grammar) {
  static std::once_flag once;
  std::call_once(once, [&] {
    WarmUpPdfReader();
    // Windows-1252 text (charset detection and conversion) with a reference.
    AnalyzeSource(ReadDocumentFromBytes("warm-up.txt", "Stellungnahme f\xfcr die Stra\xdf" "e zur DS0001/20\n"),
                  grammar);
  });
}

}  // namespace ratsdoc
