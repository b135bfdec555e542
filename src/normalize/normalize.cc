// The normalisation stage: characters → converter markup → page furniture →
// reflow, each step a function of the lines the previous one produced.
#include "ratsdoc/normalize.h"

#include "grammar/rules.h"
#include "normalize/characters.h"
#include "normalize/furniture.h"
#include "normalize/line.h"
#include "normalize/markup.h"
#include "normalize/reflow.h"

namespace ratsdoc {
namespace {

// Drops trailing spaces and tabs (empty trailing table cells, space left by
// removed markup).
void TrimEnd(normalize::MappedText* text) {
  const std::string& s = text->text();
  std::size_t end = s.size();
  while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
  if (end < s.size()) text->Truncate(end);
}

}  // namespace

NormalizedText Normalize(const SourceDocument& source, const Grammar& grammar, const NormalizeOptions& options) {
  std::vector<normalize::Line> lines;
  lines.reserve(source.lines.size());
  for (const SourceLine& source_line : source.lines) {
    normalize::Line line;
    line.page = source_line.page;
    line.table_row = source_line.table_row;
    line.continues = source_line.continues;
    line.page_edge = source_line.page_edge;
    const std::string_view raw = std::string_view(source.text).substr(source_line.begin, source_line.end - source_line.begin);
    normalize::MarkupResult markup = normalize::StripMarkup(normalize::CleanCharacters(raw, source_line.begin));
    line.text = std::move(markup.text);
    TrimEnd(&line.text);
    line.removed = markup.separator;
    line.heading = markup.heading || (source_line.bold && !source_line.table_row);
    line.blank = line.text.empty() || line.text.text().find_first_not_of(" \t") == std::string::npos;
    // Text files carry tables as tab-separated rows.
    if (!line.blank && line.text.text().find('\t') != std::string::npos) line.table_row = true;
    lines.push_back(std::move(line));
  }

  NormalizedText out;
  out.removed_furniture = normalize::RemoveFurniture(&lines, static_cast<int>(source.pages.size()), source.has_layout,
                                                     grammar.rules(), options);
  normalize::ReflowResult reflowed = normalize::Reflow(lines, source.has_layout, grammar.rules());
  out.text = reflowed.text.text();
  for (const normalize::MappedText::Anchor& anchor : reflowed.text.anchors()) {
    out.map.AddAnchor(anchor.output, anchor.source);
  }
  std::vector<std::size_t> page_starts;
  for (const SourcePage& page : source.pages) page_starts.push_back(page.begin);
  out.map.SetPageStarts(std::move(page_starts));
  out.headings = std::move(reflowed.headings);
  out.table_rows = std::move(reflowed.table_rows);
  return out;
}

}  // namespace ratsdoc
