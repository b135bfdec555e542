#include "ingest/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace ratsdoc::ingest {
namespace {

// Thresholds are in multiples of the line's font size, so they hold for any
// type size. Tuned on LibreOffice- and council-system PDFs (samples/pdf).
constexpr double kCellGap = 1.2;          // a horizontal gap this wide always separates cells
constexpr double kNoSpaceCellGap = 0.45;  // ... or this wide where Poppler saw no space
constexpr double kColumnTolerance = 3.0;  // points: cell starts aligned to a column
// Vertical thresholds are multiples of the line pitch of the lines' type size
// (the usual distance between the tops of two lines of one paragraph), so they
// hold for single, 1.5 and double line spacing alike.
constexpr double kBreakPitch = 1.15;      // a larger step starts a paragraph or a table row
constexpr double kTableBreakPitch = 3.0;  // a larger step ends a table
// Table cells are set with single spacing and rows padded: a white gap of this
// many font sizes between two lines of a table separates rows.
constexpr double kRowGap = 0.3;
// Justified text spreads its word gaps evenly, in a narrow column wider than a
// cell gap: a line reaching the right margin whose gaps differ by at most
// this many font sizes is text, not cells.
constexpr double kEvenGaps = 0.2;
constexpr double kPlainSpace = 0.7;  // no wider than a space (0.6 in a monospaced font)
// A space when the document shows none, in font sizes.
constexpr double kDefaultSpace = 0.28;
constexpr char kCellBreak[] = "\u2028";

struct Segment {
  std::vector<const PdfWord*> words;
  double x0 = 0, x1 = 0;
};

struct PhysicalLine {
  std::vector<const PdfWord*> words;  // left to right
  bool justified = false;             // words spread evenly to the right margin
  std::vector<Segment> segments;
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  double font_size = 0;
};

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::nth_element(values.begin(), values.begin() + static_cast<long>(values.size() / 2), values.end());
  return values[values.size() / 2];
}

std::string JoinWords(const std::vector<const PdfWord*>& words) {
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      const double gap = words[i]->x0 - words[i - 1]->x1;
      // Poppler splits a word where the font changes; only a real gap is a space.
      if (words[i - 1]->space_after || gap > 0.15 * words[i]->font_size) text += ' ';
    }
    text += words[i]->text;
  }
  return text;
}

// "•", "–", "➢", "1.", "12)", "a)": what starts a list item.
bool IsListMarker(std::string_view word) {
  if (word == "-" || word == "*" || word == "\u00B7") return true;
  // One character of the symbol blocks (general punctuation, arrows,
  // geometric shapes, dingbats): three UTF-8 bytes led by 0xE2.
  if (word.size() == 3 && static_cast<unsigned char>(word.front()) == 0xE2) return true;
  std::size_t i = 0;
  while (i < word.size() && i < 3 && word[i] >= '0' && word[i] <= '9') ++i;
  if (i == 0 && word.size() == 2 && word[0] >= 'a' && word[0] <= 'z') i = 1;
  return i > 0 && i + 1 == word.size() && (word[i] == '.' || word[i] == ')');
}

std::vector<PhysicalLine> GroupIntoLines(const std::vector<PdfWord>& words) {
  std::vector<const PdfWord*> order;
  for (const PdfWord& word : words) {
    if (!word.text.empty()) order.push_back(&word);
  }
  std::stable_sort(order.begin(), order.end(), [](const PdfWord* a, const PdfWord* b) {
    return (a->y0 + a->y1) < (b->y0 + b->y1);
  });
  std::vector<PhysicalLine> lines;
  for (const PdfWord* word : order) {
    const double centre = (word->y0 + word->y1) / 2;
    if (!lines.empty()) {
      PhysicalLine& line = lines.back();
      const double line_centre = (line.y0 + line.y1) / 2;
      const double half = std::min(line.y1 - line.y0, word->y1 - word->y0) / 2;
      if (std::abs(centre - line_centre) <= std::max(half, 1.0)) {
        line.words.push_back(word);
        line.y0 = std::min(line.y0, word->y0);
        line.y1 = std::max(line.y1, word->y1);
        continue;
      }
    }
    PhysicalLine line;
    line.words.push_back(word);
    line.y0 = word->y0;
    line.y1 = word->y1;
    lines.push_back(std::move(line));
  }
  for (PhysicalLine& line : lines) {
    std::stable_sort(line.words.begin(), line.words.end(),
                     [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
    std::vector<double> sizes;
    for (const PdfWord* word : line.words) sizes.push_back(word->font_size);
    line.font_size = std::max(Median(sizes), 1.0);
    line.x0 = line.words.front()->x0;
    line.x1 = 0;
    for (const PdfWord* word : line.words) line.x1 = std::max(line.x1, word->x1);
  }
  return lines;
}

// True when the words of `line` are spread evenly up to `right`, the page's
// right margin: justified text, however wide its gaps. `left` is the page's
// left margin.
bool IsJustified(const PhysicalLine& line, double left, double right) {
  if (line.words.size() < 2 || line.x1 < right - 0.5 * line.font_size) return false;
  // Two words spread over the whole width: a justified line in a narrow
  // column, but also a two-cell row with a right-aligned cell; only a line
  // from margin to margin counts.
  if (line.words.size() == 2 && line.x0 > left + 0.5 * line.font_size) return false;
  // Only the stretched gaps need be even: a fixed-width no-break space
  // ("Begrüßung –") stays narrow.
  double narrowest = 1e9, widest = 0;
  for (std::size_t i = 1; i < line.words.size(); ++i) {
    const double gap = line.words[i]->x0 - line.words[i - 1]->x1;
    if (gap <= kPlainSpace * line.font_size) continue;
    narrowest = std::min(narrowest, gap);
    widest = std::max(widest, gap);
  }
  // No gap wider than a space: plain text from margin to margin.
  if (widest == 0) return line.x0 <= left + 0.5 * line.font_size;
  return widest - narrowest <= kEvenGaps * line.font_size;
}

// Splits each line into cells where the horizontal gap is too wide for a
// space, unless the line is justified text reaching `right`, the page's right
// margin.
void SplitIntoSegments(std::vector<PhysicalLine>* lines, double right) {
  double left = 1e9;
  for (const PhysicalLine& line : *lines) left = std::min(left, line.x0);
  for (PhysicalLine& line : *lines) {
    const bool justified = IsJustified(line, left, right);
    line.justified = justified;
    line.segments.clear();
    for (std::size_t i = 0; i < line.words.size(); ++i) {
      const PdfWord* word = line.words[i];
      bool new_segment = i == 0;
      if (i > 0 && !justified) {
        const PdfWord* previous = line.words[i - 1];
        const double gap = word->x0 - previous->x1;
        new_segment = gap > kCellGap * line.font_size ||
                      (!previous->space_after && gap > kNoSpaceCellGap * line.font_size);
      }
      // A list bullet or number set apart by a tab stop belongs to its item.
      if (new_segment && i > 0 && line.segments.back().words.size() == 1 &&
          IsListMarker(line.segments.back().words.front()->text)) {
        new_segment = false;
      }
      if (new_segment) line.segments.push_back(Segment{{}, word->x0, word->x1});
      Segment& segment = line.segments.back();
      segment.words.push_back(word);
      segment.x1 = std::max(segment.x1, word->x1);
    }
  }
}

// The right margin of a page's text: the 90th percentile of its lines' right
// ends, so that a few lines running into the margin do not move it; the
// document's (`fallback`) for a page of few lines.
double RightMargin(const std::vector<PhysicalLine>& lines, double fallback) {
  if (lines.size() < 8) return fallback;
  std::vector<double> ends;
  for (const PhysicalLine& line : lines) ends.push_back(line.x1);
  std::sort(ends.begin(), ends.end());
  return ends[ends.size() * 9 / 10];
}

// Type sizes compared in half points.
int SizeClass(double font_size) { return static_cast<int>(std::lround(font_size * 2)); }

// Index of the column whose start is aligned with `x`, or -1.
int ColumnAt(const std::vector<double>& columns, double x) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (std::abs(columns[c] - x) <= kColumnTolerance) return static_cast<int>(c);
  }
  return -1;
}

class TableBuilder {
 public:
  explicit TableBuilder(double pitch) : pitch_(pitch) {}

  bool active() const { return !rows_.empty(); }

  // Tries to add `line` to the open table (or to open one); false if the line
  // is not part of a table.
  bool Add(const PhysicalLine& original) {
    // A copy, because splitting at columns changes the segments; plain text
    // lines, the common case, leave before that.
    PhysicalLine line = original;
    if (!columns_.empty()) {
      SplitAtColumns(columns_, &line);
    } else if (!previous_columns_.empty() && line.y0 - last_y0_ <= kTableBreakPitch * pitch_) {
      // A table right below another one usually shares its column grid.
      SplitAtColumns(previous_columns_, &line);
    } else if (line.segments.size() < 2) {
      return false;  // cannot open a table
    }
    if (columns_.empty()) {
      if (line.segments.size() < 2) return false;
      std::vector<int> placement;
      for (const Segment& segment : line.segments) placement.push_back(ColumnAt(previous_columns_, segment.x0));
      if (std::all_of(placement.begin(), placement.end(), [](int c) { return c >= 0; })) {
        // The grid of a table above on this page, empty columns included:
        // cells aligned on it belong to the same form.
        columns_ = previous_columns_;
      } else {
        placement.clear();
        for (const Segment& segment : line.segments) columns_.push_back(segment.x0);
        for (std::size_t c = 0; c < line.segments.size(); ++c) placement.push_back(static_cast<int>(c));
      }
      StartRow(line);
      Place(line, placement);
      last_filled_.assign(columns_.size(), false);
      for (int c : placement) last_filled_[static_cast<std::size_t>(c)] = true;
      last_hyphenated_ = EndsCellWithHyphen(line);
      last_font_size_ = line.font_size;
      return true;
    }
    const double step = line.y0 - last_y0_;
    const double gap = line.y0 - last_y1_;
    if (active() && step > kTableBreakPitch * pitch_) return false;
    std::vector<int> placement;
    for (const Segment& segment : line.segments) placement.push_back(ColumnAt(columns_, segment.x0));
    const bool all_aligned = std::all_of(placement.begin(), placement.end(), [](int c) { return c >= 0; });
    if (line.segments.size() >= 2) {
      if (!all_aligned) {
        // The second row may have more cells than the heading row and widen
        // the table; later, cells off the known columns start another table.
        if (rows_.size() > 1) return false;
        for (std::size_t s = 0; s < placement.size(); ++s) {
          if (placement[s] < 0 && line.segments[s].x0 < columns_.back()) return false;
        }
        for (std::size_t s = 0; s < placement.size(); ++s) {
          if (placement[s] < 0) {
            columns_.push_back(line.segments[s].x0);
            placement[s] = static_cast<int>(columns_.size() - 1);
          }
        }
      }
    } else {
      const int column = placement.front();
      if (column < 0) return false;
      // A full-width line starting at column 0 is the text after the table.
      if (column + 1 < static_cast<int>(columns_.size()) && line.x1 > columns_[column + 1] - kColumnTolerance) {
        return false;
      }
    }
    // A line of one cell in another type than the table is the text after it.
    if (active() && line.segments.size() < 2 && SizeClass(line.font_size) != SizeClass(last_font_size_)) {
      return false;
    }
    // A new row: more white between the lines than inside a cell, or the
    // first line of a table resumed from the previous page.
    bool new_row = !active() || gap > kRowGap * line.font_size;
    if (active() && new_row) padded_ = true;
    // Complete: the line fills the same two or more columns as the line
    // above (a header form's later rows may use fewer columns than its grid).
    std::vector<bool> filled(columns_.size(), false);
    for (int c : placement) filled[static_cast<std::size_t>(c)] = true;
    last_filled_.resize(columns_.size(), false);
    const bool complete = filled == last_filled_ && std::count(filled.begin(), filled.end(), true) >= 2;
    if (active() && !new_row) {
      if (SizeClass(line.font_size) != SizeClass(last_font_size_)) {
        new_row = true;  // cells continue in their own type
      } else if (!padded_ && complete && !last_hyphenated_) {
        // Rows at tab stops: no padding, the same cells filled on every
        // line, none broken with a hyphen.
        new_row = true;
      } else if (!padded_ && tab_rows_ && rows_.size() >= 2) {
        // ... and none of their cells wraps: a line leaving cells empty is
        // the text after them.
        return false;
      }
    }
    tab_rows_ = tab_rows_ && complete && (new_row || !active());
    last_filled_ = filled;
    last_hyphenated_ = EndsCellWithHyphen(line);
    last_font_size_ = line.font_size;
    if (new_row) StartRow(line);
    Place(line, placement);
    return true;
  }

  // The columns of a table that was still open at the end of the previous
  // page: its rows may go on at the top of this one.
  // Tables that run across pages are grids (tab-stop rows are a few lines),
  // so the rows resumed are taken as padded.
  void Resume(std::vector<double> columns) {
    columns_ = std::move(columns);
    padded_ = !columns_.empty();
  }
  const std::vector<double>& columns() const { return columns_; }

  // Emits the rows and resets the builder.
  void Flush(std::vector<LaidOutLine>* out) {
    for (Row& row : rows_) {
      LaidOutLine laid;
      laid.table_row = true;
      laid.x0 = row.x0;
      laid.x1 = row.x1;
      laid.y0 = row.y0;
      laid.y1 = row.y1;
      laid.font_size = row.font_size;
      laid.bold = row.all_bold;
      laid.blank_before = row.blank_before;
      std::size_t used = row.cells.size();
      while (used > 0 && row.cells[used - 1].empty()) --used;
      for (std::size_t c = 0; c < used; ++c) {
        if (c > 0) laid.text += '\t';
        for (std::size_t l = 0; l < row.cells[c].size(); ++l) {
          if (l > 0) laid.text += kCellBreak;
          laid.text += row.cells[c][l];
        }
      }
      out->push_back(std::move(laid));
    }
    rows_.clear();
    padded_ = false;
    tab_rows_ = true;
    last_filled_.clear();
    last_hyphenated_ = false;
    if (!columns_.empty()) previous_columns_ = std::move(columns_);
    columns_.clear();
  }

  void set_blank_before_next_row(bool blank) { blank_before_ = blank; }

 private:
  // Text that fills its cell leaves only the cell padding before the next
  // column, too little to see a cell boundary; a word starting exactly at a
  // known column after more than a space's width starts a new cell.
  static void SplitAtColumns(const std::vector<double>& columns, PhysicalLine* line) {
    // In a justified line a word may fall on a column by chance: there only
    // a gap wider than the line's usual one is a cell boundary.
    double usual = 0;
    if (line->justified) {
      std::vector<double> gaps;
      for (std::size_t w = 1; w < line->words.size(); ++w) gaps.push_back(line->words[w]->x0 - line->words[w - 1]->x1);
      usual = Median(gaps) + kEvenGaps * line->font_size;
    }
    std::vector<Segment> segments;
    for (const Segment& segment : line->segments) {
      segments.push_back(Segment{{}, segment.x0, segment.x0});
      for (std::size_t w = 0; w < segment.words.size(); ++w) {
        const PdfWord* word = segment.words[w];
        if (w > 0 && ColumnAt(columns, word->x0) > 0 &&
            word->x0 - segment.words[w - 1]->x1 > std::max(usual, kNoSpaceCellGap * line->font_size)) {
          segments.push_back(Segment{{}, word->x0, word->x0});
        }
        segments.back().words.push_back(word);
        segments.back().x1 = std::max(segments.back().x1, word->x1);
      }
    }
    line->segments = std::move(segments);
  }

  static bool EndsCellWithHyphen(const PhysicalLine& line) {
    return std::any_of(line.segments.begin(), line.segments.end(), [](const Segment& segment) {
      const std::string& last = segment.words.back()->text;
      return last.size() >= 2 && last.back() == '-' && last[last.size() - 2] != '-' && last[last.size() - 2] != ' ';
    });
  }

  struct Row {
    std::vector<std::vector<std::string>> cells;  // per column, its lines
    double x0 = 1e9, x1 = 0, y0 = 0, y1 = 0, font_size = 0;
    bool all_bold = true;
    bool blank_before = false;
  };

  void StartRow(const PhysicalLine& line) {
    Row row;
    row.y0 = line.y0;
    row.font_size = line.font_size;
    row.blank_before = blank_before_;
    blank_before_ = false;
    rows_.push_back(std::move(row));
  }

  void Place(const PhysicalLine& line, const std::vector<int>& placement) {
    Row& row = rows_.back();
    if (row.cells.size() < columns_.size()) row.cells.resize(columns_.size());
    for (std::size_t s = 0; s < line.segments.size(); ++s) {
      row.cells[static_cast<std::size_t>(placement[s])].push_back(JoinWords(line.segments[s].words));
    }
    for (const PdfWord* word : line.words) row.all_bold = row.all_bold && word->bold;
    row.x0 = std::min(row.x0, line.x0);
    row.x1 = std::max(row.x1, line.x1);
    row.y1 = line.y1;
    last_y0_ = line.y0;
    last_y1_ = line.y1;
  }

  std::vector<double> columns_;
  std::vector<double> previous_columns_;  // of the table flushed last
  std::vector<Row> rows_;
  double pitch_;
  double last_y0_ = 0;
  double last_y1_ = 0;
  bool blank_before_ = false;
  bool padded_ = false;         // a row of this table started after extra white
  bool tab_rows_ = true;        // every line so far a row filling the same cells
  std::vector<bool> last_filled_;  // per column: the last line has a cell there
  bool last_hyphenated_ = false;  // a cell of the last line ends with a word hyphen
  double last_font_size_ = 0;
};


// The line pitch of the document: a low percentile of the vertical steps
// between consecutive lines, i.e. the step inside a paragraph.
double EstimatePitch(const std::vector<std::vector<PhysicalLine>>& pages) {
  std::vector<double> steps;
  std::vector<double> sizes;
  for (const std::vector<PhysicalLine>& lines : pages) {
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const double step = lines[i].y0 - lines[i - 1].y0;
      if (step > 0.5 * lines[i].font_size && step < 4 * lines[i].font_size) steps.push_back(step);
    }
    for (const PhysicalLine& line : lines) sizes.push_back(line.font_size);
  }
  if (steps.size() < 3) return 1.2 * std::max(Median(sizes), 1.0);
  std::sort(steps.begin(), steps.end());
  return steps[steps.size() / 10];
}

// Line pitch measured per type size: a heading, a table in smaller type and
// the running header each have their own pitch, and a body set with 1.5 or
// double spacing is not cut into one-line paragraphs by a table or a header
// set single-spaced. (Per page it would be too few lines: a page of padded
// table rows would take the row step for its pitch.)
class PitchModel {
 public:
  explicit PitchModel(const std::vector<std::vector<PhysicalLine>>& pages) : document_(EstimatePitch(pages)) {
    std::map<int, std::vector<double>> steps_by_size;
    for (const std::vector<PhysicalLine>& lines : pages) {
      for (std::size_t i = 1; i < lines.size(); ++i) {
        const int size = SizeClass(lines[i].font_size);
        const double step = lines[i].y0 - lines[i - 1].y0;
        if (SizeClass(lines[i - 1].font_size) != size || step <= 0.5 * lines[i].font_size ||
            step >= 4 * lines[i].font_size) {
          continue;
        }
        steps_by_size[size].push_back(step);
      }
    }
    for (auto& [size, steps] : steps_by_size) {
      if (steps.size() < kMinSteps) continue;
      // The step inside a paragraph: a low percentile, below the paragraph gaps.
      std::sort(steps.begin(), steps.end());
      by_size_[size] = steps[steps.size() / 10];
    }
  }

  // The pitch that applies to the step from `upper` to `lower`: of their type
  // size, the smaller one where the sizes differ (a table of padded one-line
  // rows has the row step for its pitch); the document's pitch for a size of
  // too few lines.
  double Between(const PhysicalLine& upper, const PhysicalLine& lower) const {
    return std::min(Of(upper.font_size), Of(lower.font_size));
  }

  double document() const { return document_; }

 private:
  static constexpr std::size_t kMinSteps = 3;


  double Of(double font_size) const {
    const auto found = by_size_.find(SizeClass(font_size));
    return found == by_size_.end() ? document_ : found->second;
  }

  double document_;
  std::map<int, double> by_size_;  // by SizeClass
};

// Running headers and footers: the lines in the top (bottom) band of the page
// that a paragraph-sized gap separates from the body. A body line that merely
// reaches into the band, tightly set with its neighbours, is not one of them.
std::vector<bool> FindEdgeLines(const std::vector<PhysicalLine>& lines, double page_height, double edge_band,
                                const PitchModel& pitches) {
  std::vector<bool> edge(lines.size(), false);
  auto centre = [&](std::size_t i) { return (lines[i].y0 + lines[i].y1) / 2; };
  auto is_break = [&](std::size_t upper, std::size_t lower) {
    return lines[lower].y0 - lines[upper].y0 > kBreakPitch * pitches.Between(lines[upper], lines[lower]);
  };
  std::size_t top = 0;  // lines [0, top) are header lines
  for (std::size_t j = 1; j < lines.size() && centre(j - 1) < edge_band * page_height; ++j) {
    if (is_break(j - 1, j)) top = j;
  }
  std::size_t bottom = lines.size();  // lines [bottom, size) are footer lines
  for (std::size_t j = lines.size(); j > top + 1 && centre(j - 1) > (1 - edge_band) * page_height; --j) {
    if (is_break(j - 2, j - 1)) bottom = j - 1;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) edge[i] = i < top || i >= bottom;
  return edge;
}

// Lays out one page. `open_table` holds the columns of a table still open at
// the end of the previous page (empty if none) and is updated for the next.
std::vector<LaidOutLine> LayOutLines(const std::vector<PhysicalLine>& lines, double page_height, double edge_band,
                                     const PitchModel& pitches, std::vector<double>* open_table) {
  std::vector<LaidOutLine> out;
  const std::vector<bool> edges = FindEdgeLines(lines, page_height, edge_band, pitches);
  TableBuilder table(pitches.document());
  table.Resume(std::move(*open_table));
  open_table->clear();
  bool table_at_end = false;
  const PhysicalLine* previous_body = nullptr;  // headers and footers do not open paragraphs
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const PhysicalLine& line = lines[i];
    const bool edge = edges[i];
    const bool blank_before = !edge && previous_body != nullptr &&
                              line.y0 - previous_body->y0 > kBreakPitch * pitches.Between(*previous_body, line);
    if (!edge) previous_body = &line;
    if (!edge) {
      if (!table.active()) table.set_blank_before_next_row(blank_before);
      if (table.Add(line)) {
        table_at_end = true;
        continue;
      }
      table.Flush(&out);
      table.set_blank_before_next_row(blank_before);
      table_at_end = table.Add(line);
      if (table_at_end) continue;
    } else if (table.active()) {
      // A row in the margin band of a page is still a row, if it sits in the
      // table's columns; a footer does not.
      if (table.Add(line)) continue;
      if (table_at_end) *open_table = table.columns();
      table.Flush(&out);
    }
    LaidOutLine laid;
    laid.text = JoinWords(line.words);
    laid.x0 = line.x0;
    laid.x1 = line.x1;
    laid.y0 = line.y0;
    laid.y1 = line.y1;
    laid.font_size = line.font_size;
    laid.first_word = line.words.front()->x1 - line.words.front()->x0;
    laid.page_edge = edge;
    laid.blank_before = blank_before;
    laid.bold = std::all_of(line.words.begin(), line.words.end(), [](const PdfWord* w) { return w->bold; });
    out.push_back(std::move(laid));
  }
  if (table_at_end && open_table->empty()) *open_table = table.columns();
  table.Flush(&out);
  return out;
}

// The right margin of body text: the rightmost end that at least three body
// lines reach (within half a font size), so that one line running into the
// margin does not move it, and a page or document of mostly short lines (a
// programme, an address block) still measures its full lines. 0 if none.
constexpr std::size_t kMarginLines = 3;
double BodyMargin(const std::vector<const LaidOutLine*>& lines) {
  std::vector<std::pair<double, double>> ends;  // x1, font size
  for (const LaidOutLine* line : lines) {
    if (!line->table_row && !line->page_edge) ends.emplace_back(line->x1, line->font_size);
  }
  std::sort(ends.begin(), ends.end(), std::greater<>());
  for (std::size_t k = 0; k + kMarginLines <= ends.size(); ++k) {
    if (ends[k].first - ends[k + kMarginLines - 1].first <= 0.5 * ends[k].second) return ends[k].first;
  }
  return ends.empty() ? 0 : ends.front().first;
}

// Marks lines wrapped inside a paragraph: a non-table line followed (skipping
// page-edge lines, across pages) by a body line without a paragraph gap, where
// the first word of that line would not have fitted at the end of this one
// before the page's right margin: the typesetter had to wrap. (Reaching
// near the margin is no evidence: a ragged paragraph's last line may.) `space` is the
// width of a space in font sizes.
void MarkWrappedLines(std::vector<std::vector<LaidOutLine>>* pages, double space) {
  std::vector<LaidOutLine*> lines;
  std::vector<double> margins;  // per line: its page's body margin
  std::vector<std::size_t> page_of;  // per line: its page
  std::vector<const LaidOutLine*> all;
  for (std::vector<LaidOutLine>& page : *pages) {
    for (const LaidOutLine& line : page) all.push_back(&line);
  }
  const double document_margin = BodyMargin(all);
  if (document_margin <= 0) return;
  for (std::vector<LaidOutLine>& page : *pages) {
    std::vector<const LaidOutLine*> on_page;
    for (const LaidOutLine& line : page) on_page.push_back(&line);
    // A page of short lines (a header form) has its own narrower "margin";
    // a wider page (landscape) its own wider one.
    const double margin = std::max(BodyMargin(on_page), document_margin);
    for (LaidOutLine& line : page) {
      lines.push_back(&line);
      margins.push_back(margin);
      page_of.push_back(page_of.empty() ? 0 : page_of.back() + (&line == &page.front() ? 1 : 0));
    }
  }
  // Justified text: most lines with no room left end at the margin. There a
  // line ending short is the last of its paragraph, which across a page
  // break (no gap to see) is the only evidence.
  std::size_t wrapped = 0, at_margin = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const LaidOutLine& line = *lines[i];
    if (line.table_row || line.page_edge || line.bold) continue;
    ++wrapped;
    if (line.x1 >= margins[i] - 0.5 * line.font_size) ++at_margin;
  }
  const bool justified = wrapped >= 10 && at_margin * 10 >= wrapped * 6;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    LaidOutLine& line = *lines[i];
    if (line.table_row || line.page_edge) continue;
    std::size_t next = i + 1;
    while (next < lines.size() && lines[next]->page_edge) ++next;
    if (next == lines.size()) continue;
    const LaidOutLine& following = *lines[next];
    if (following.table_row || following.blank_before) continue;
    const double margin = margins[i];
    // The margin measured is at most the true one (ragged lines fall short of
    // it), so a wrapped line never seems to have room; a hair of tolerance
    // for rounding.
    const bool no_room = line.x1 + space * line.font_size + following.first_word > margin - 0.05 * line.font_size;
    const bool short_end = justified && !line.bold && page_of[next] != page_of[i] &&
                           line.x1 < margin - 0.5 * line.font_size;
    line.continues = no_room && !short_end;
  }
}

// The width of a space in font sizes: a low percentile of the word gaps, so
// that the stretched gaps of justified lines do not count.
double EstimateSpace(const std::vector<std::vector<PhysicalLine>>& pages) {
  std::vector<double> gaps;
  for (const std::vector<PhysicalLine>& lines : pages) {
    for (const PhysicalLine& line : lines) {
      for (std::size_t w = 1; w < line.words.size(); ++w) {
        const double gap = (line.words[w]->x0 - line.words[w - 1]->x1) / line.font_size;
        if (gap > 0.15 && gap < 1.0) gaps.push_back(gap);
      }
    }
  }
  if (gaps.size() < 10) return kDefaultSpace;
  std::sort(gaps.begin(), gaps.end());
  return gaps[gaps.size() / 5];
}

}  // namespace

std::vector<std::vector<LaidOutLine>> LayOutDocument(const std::vector<PageWords>& pages, double edge_band) {
  std::vector<std::vector<PhysicalLine>> physical;
  physical.reserve(pages.size());
  for (const PageWords& page : pages) physical.push_back(GroupIntoLines(page.words));
  std::vector<double> rights;
  for (const std::vector<PhysicalLine>& lines : physical) {
    for (const PhysicalLine& line : lines) rights.push_back(line.x1);
  }
  std::sort(rights.begin(), rights.end());
  const double document_right = rights.empty() ? 0 : rights[rights.size() * 9 / 10];
  for (std::vector<PhysicalLine>& lines : physical) SplitIntoSegments(&lines, RightMargin(lines, document_right));
  const PitchModel pitches(physical);
  const double space = EstimateSpace(physical);
  std::vector<std::vector<LaidOutLine>> out;
  out.reserve(pages.size());
  std::vector<double> open_table;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    out.push_back(LayOutLines(physical[p], pages[p].height, edge_band, pitches, &open_table));
  }
  MarkWrappedLines(&out, space);
  return out;
}

}  // namespace ratsdoc::ingest
