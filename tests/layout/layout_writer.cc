#include "layout/layout_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_map>

#include "generate/hyphenate.h"

namespace ratsdoc::testing {
namespace {

constexpr double kNarrowWidth = 9 / 2.54 * 72;  // a 9 cm column
constexpr double kCellPadding = 3;               // points above and below a grid row's text
constexpr double kFurnitureScale = 0.8;          // header and footer type, of the body size
constexpr std::size_t kHeaderFormBlocks = 6;     // a table starting this early is the header form

struct Block {
  enum Kind { kParagraph, kRow } kind = kParagraph;
  std::string text;                // a paragraph
  std::vector<std::string> cells;  // a row
  bool bold = false;
  bool gap_before = false;  // the text had a blank line before it
};

std::vector<Block> BlocksOf(const NormalizedText& normalized) {
  std::vector<Block> blocks;
  auto starts_in = [](const std::vector<Span>& spans, std::size_t begin) {
    return std::any_of(spans.begin(), spans.end(), [&](const Span& span) { return span.begin == begin; });
  };
  const std::string& text = normalized.text;
  bool gap = false;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(begin, end - begin);
    if (line.find_first_not_of(" \t") == std::string::npos) {
      gap = true;
    } else {
      Block block;
      block.gap_before = gap;
      block.bold = starts_in(normalized.headings, begin);
      if (line.find('\t') != std::string::npos) {
        block.kind = Block::kRow;
        std::size_t from = 0;
        while (true) {
          const std::size_t tab = line.find('\t', from);
          block.cells.push_back(line.substr(from, tab == std::string::npos ? std::string::npos : tab - from));
          if (tab == std::string::npos) break;
          from = tab + 1;
        }
      } else {
        block.text = line;
      }
      blocks.push_back(std::move(block));
      gap = false;
    }
    begin = end + 1;
  }
  // A line of one cell between rows (its empty cells trimmed away) is a row
  // of the same table: the header form keeps one grid.
  for (std::size_t b = 1; b + 1 < blocks.size(); ++b) {
    Block& block = blocks[b];
    if (block.kind == Block::kParagraph && blocks[b - 1].kind == Block::kRow && !block.gap_before &&
        !blocks[b + 1].gap_before && (blocks[b + 1].kind == Block::kRow ||
                                      (b + 2 < blocks.size() && blocks[b + 1].kind == Block::kParagraph &&
                                       blocks[b + 2].kind == Block::kRow && !blocks[b + 2].gap_before))) {
      block.kind = Block::kRow;
      block.cells = {block.text};
    }
  }
  return blocks;
}

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// A dash does not start a line (German typesetting), nor a list marker, and
// a word ending in '-' before a word other than a conjunction ("Gr\u00fcnen- future!") is kept with
// it, since no reader can tell that line break from hyphenation.
bool KeepTogether(const std::string& word, const std::string& next) {
  if (next == "\u2013") return true;
  // Nor what reads as a list item's marker at the start of a line ("1)",
  // "a)", "3.", "-", "\u2192"): a typesetter ties it to the word before.
  if (next == "-" || next == "\u2192" || next == "\u2022") return true;
  std::size_t digits = 0;
  while (digits < next.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(next[digits]))) ++digits;
  if (digits == 0 && next.size() >= 2 && std::islower(static_cast<unsigned char>(next[0]))) digits = 1;
  if (digits > 0 && next.size() == digits + 1 && (next[digits] == ')' || next[digits] == '.')) return true;
  if (word.size() < 2 || word.back() != '-' || next.empty()) return false;
  return next != "und" && next != "oder" && next != "bzw." && next != "sowie" && next != "bis";
}

// Where `word` may be broken: its hyphenation points, but not before
// punctuation ("(inter-⏎)kulturellen") nor after its own hyphen before a
// small letter.
std::vector<std::size_t> BreakPoints(const std::string& word) {
  std::vector<std::size_t> points;
  for (std::size_t point : ratsdoc_bench::HyphenationPoints(word)) {
    const unsigned char next = static_cast<unsigned char>(word[point]);
    // After a hyphen of the word itself, only before a capital or a digit:
    // "Familien-⏎informationsb\u00fcro" reads as "Familieninformationsb\u00fcro".
    const bool after_hyphen = point > 0 && word[point - 1] == '-';
    const bool capital_umlaut = next == 0xC3 && point + 1 < word.size() &&
                                static_cast<unsigned char>(word[point + 1]) < 0xA0;
    if (after_hyphen && !(std::isupper(next) || std::isdigit(next) || capital_umlaut)) continue;
    if (next >= 0x80 || std::isalnum(next)) points.push_back(point);
  }
  return points;
}

struct Item {
  double x, baseline, size;
  bool bold;
  std::string text;
};

class Renderer {
 public:
  explicit Renderer(const PaperLayout& layout) : layout_(layout) {
    surface_ = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    measure_ = cairo_create(surface_);
    for (int bold = 0; bold < 2; ++bold) {
      faces_[bold] = cairo_toy_font_face_create(layout.font_family.c_str(), CAIRO_FONT_SLANT_NORMAL,
                                                bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    }
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(measure_, options);
    cairo_font_options_destroy(options);
    text_width_ = layout.page_width - layout.margin_left - layout.margin_right;
    pitch_ = layout.font_size * layout.line_spacing;
  }
  ~Renderer() {
    for (cairo_font_face_t* face : faces_) cairo_font_face_destroy(face);
    cairo_destroy(measure_);
    cairo_surface_destroy(surface_);
  }
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  void LayOut(const std::vector<Block>& blocks) {
    NewPage();
    bool first_table_seen = false;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      if (block.kind == Block::kParagraph) {
        if (b > 0) y_ += ParagraphGap(blocks[b - 1], block);
        Paragraph(block.text, block.bold);
        continue;
      }
      // A table: this row and the rows right after it.
      std::size_t end = b;
      while (end < blocks.size() && blocks[end].kind == Block::kRow && (end == b || !blocks[end].gap_before)) ++end;
      if (b > 0) y_ += layout_.paragraph_gap * pitch_;
      const std::vector<Block> rows(blocks.begin() + static_cast<long>(b), blocks.begin() + static_cast<long>(end));
      if (layout_.tables == TableSetting::kLines && !first_table_seen && b < kHeaderFormBlocks) {
        Flattened(rows);
      } else if (layout_.tables == TableSetting::kTabStops) {
        TabStops(rows);
      } else {
        Grid(rows);
      }
      first_table_seen = true;
      y_ += layout_.paragraph_gap * pitch_;
      b = end - 1;
    }
  }

  bool Render(const std::string& path, std::string* error) {
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), layout_.page_width, layout_.page_height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ratsdoc tests/layout");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z");
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0, 0, 0);
    const double furniture = kFurnitureScale * layout_.font_size;
    const double left = layout_.margin_left, right = layout_.page_width - layout_.margin_right;
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      std::vector<Item> items = pages_[p];
      double baseline = 0.4 * layout_.margin_top;
      // A header on a single page cannot be told from the text: only papers of
      // two pages or more get one.
      for (const std::string& line : pages_.size() > 1 ? layout_.running_header : std::vector<std::string>{}) {
        items.push_back({left, baseline, furniture, false, line});
        baseline += 1.2 * furniture;
      }
      cairo_set_line_width(cr, 0.5);
      cairo_move_to(cr, left, baseline - 0.6 * furniture);
      cairo_line_to(cr, right, baseline - 0.6 * furniture);
      cairo_stroke(cr);
      const std::string footer = layout_.footer_page_of
                                     ? "Seite " + std::to_string(p + 1) + " von " + std::to_string(pages_.size())
                                     : "- " + std::to_string(p + 1) + " -";
      items.push_back({(layout_.page_width - Width(footer, furniture, false)) / 2,
                       layout_.page_height - 0.5 * layout_.margin_bottom, furniture, false, footer});
      for (const Item& item : items) {
        SetFont(cr, item.size, item.bold);
        cairo_move_to(cr, item.x, item.baseline);
        cairo_show_text(cr, item.text.c_str());
      }
      cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
      *error = std::string("cairo: ") + cairo_status_to_string(status);
      return false;
    }
    return true;
  }

  int pages() const { return static_cast<int>(pages_.size()); }
  int hyphenated() const { return hyphenated_; }

 private:
  void SetFont(cairo_t* cr, double size, bool bold) {
    cairo_set_font_face(cr, faces_[bold ? 1 : 0]);
    cairo_set_font_size(cr, size);
  }

  // Sum of per-character advances (the toy API does not kern), cached.
  double Width(const std::string& text, double size, bool bold) {
    double width = 0;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t begin = i;
      const unsigned char c = static_cast<unsigned char>(text[i++]);
      while (i < text.size() && c >= 0xC0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      const std::string glyph = text.substr(begin, i - begin);
      auto [it, fresh] = advances_[bold ? 1 : 0].try_emplace(glyph, 0.0);
      if (fresh) {
        SetFont(measure_, 1000, bold);
        cairo_text_extents_t extents;
        cairo_text_extents(measure_, glyph.c_str(), &extents);
        it->second = extents.x_advance / 1000;
      }
      width += it->second * size;
    }
    return width;
  }

  // Greedy line breaking into lines no wider than `width`; a word that does
  // not fit is broken at its last hyphenation point that fits, when the layout
  // hyphenates.
  std::vector<std::vector<std::string>> Wrap(const std::string& text, double size, bool bold, double width,
                                             bool hyphenate) {
    std::vector<std::vector<std::string>> lines(1);
    const double space = Width(" ", size, bold);
    double used = 0;
    std::vector<std::string> units;
    for (std::string& word : SplitWords(text)) {
      if (!units.empty() && KeepTogether(units.back(), word)) {
        units.back() += " " + word;
      } else {
        units.push_back(std::move(word));
      }
    }
    for (std::string word : units) {
      double w = Width(word, size, bold);
      // Until the rest of the word fits on the line: break it at its last
      // hyphenation point that fits, else start a new line (a word too wide
      // for an empty line and without a point that fits stays whole).
      while (used + (lines.back().empty() ? 0 : space) + w > width) {
        const double gap = lines.back().empty() ? 0 : space;
        bool placed = false;
        if (hyphenate && word.find(' ') == std::string::npos) {
          const std::vector<std::size_t> points = BreakPoints(word);
          for (auto point = points.rbegin(); point != points.rend() && !placed; ++point) {
            std::string head = word.substr(0, *point);
            const bool own_break = head.back() == '-' || head.back() == '/';
            if (!own_break) head += '-';
            if (used + gap + Width(head, size, bold) <= width) {
              lines.back().push_back(std::move(head));
              if (!own_break) ++hyphenated_;
              word.erase(0, *point);
              w = Width(word, size, bold);
              placed = true;
            }
          }
        }
        if (!placed && lines.back().empty()) break;
        lines.emplace_back();
        used = 0;
      }
      used += (lines.back().empty() ? 0 : space) + w;
      lines.back().push_back(std::move(word));
    }
    return lines;
  }

  double ParagraphGap(const Block& previous, const Block& block) {
    // Lines the text set one under the other (a signature, an address) stay
    // together; paragraphs are set apart, also where the text has no blank
    // line after a paragraph of several lines: nothing but the gap would tell
    // its last line from a wrapped one.
    // The same where the first word of the line would not have fitted after
    // the line before.
    if (!block.gap_before && previous.kind == Block::kParagraph && !block.bold && !previous.bold) {
      const std::vector<std::string> words = SplitWords(block.text);
      const double size = layout_.font_size;
      const double needed = Width(previous.text, size, false) + Width(" ", size, false) +
                            (words.empty() ? 0 : Width(words.front(), size, false));
      if (needed <= text_width_) return 0;
    }
    return layout_.paragraph_gap * pitch_;
  }

  void NewPage() {
    pages_.emplace_back();
    y_ = layout_.margin_top;
  }
  void Need(double height) {
    if (y_ + height > layout_.page_height - layout_.margin_bottom && y_ > layout_.margin_top) NewPage();
  }

  void Paragraph(const std::string& text, bool bold) {
    const double size = layout_.font_size;
    if (bold) Need(3 * pitch_);  // a heading stays with the text below it
    const auto lines = Wrap(text, size, bold, text_width_, layout_.hyphenate && !bold);
    for (std::size_t l = 0; l < lines.size(); ++l) {
      Need(pitch_);
      const double baseline = y_ + size;
      const bool last = l + 1 == lines.size();
      double gap = Width(" ", size, bold);
      if (layout_.justify && !last && lines[l].size() > 1) {
        double words = 0;
        for (const std::string& word : lines[l]) words += Width(word, size, bold);
        gap = (text_width_ - words) / static_cast<double>(lines[l].size() - 1);
      }
      double x = layout_.margin_left;
      for (const std::string& word : lines[l]) {
        pages_.back().push_back({x, baseline, size, bold, word});
        x += Width(word, size, bold) + gap;
      }
      y_ += pitch_;
    }
  }

  // The widest part of `word` that line breaking cannot split.
  double LongestPiece(const std::string& word, double size, bool bold) {
    if (!layout_.hyphenate) return Width(word, size, bold);
    double longest = 0;
    std::size_t begin = 0;
    std::vector<std::size_t> points = BreakPoints(word);
    points.push_back(word.size());
    for (std::size_t point : points) {
      std::string piece = word.substr(begin, point - begin);
      if (point < word.size() && piece.back() != '-') piece += '-';
      longest = std::max(longest, Width(piece, size, bold));
      begin = point;
    }
    return longest;
  }

  // Column starts: each column at least as wide as its longest word (cells
  // wrap, words do not; hyphenated, their longest piece), the rest of the text width shared in proportion to
  // the widest cell of each column.
  std::vector<double> Columns(const std::vector<Block>& rows, double size, double gutter) {
    std::size_t count = 0;
    for (const Block& row : rows) count = std::max(count, row.cells.size());
    std::vector<double> widest(count, 0), longest_word(count, 0);
    for (const Block& row : rows) {
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        widest[c] = std::max(widest[c], Width(row.cells[c], size, row.bold) + gutter);
        for (const std::string& word : SplitWords(row.cells[c])) {
          longest_word[c] = std::max(longest_word[c], LongestPiece(word, size, row.bold) + gutter);
        }
      }
    }
    double need = 0, extra = 0;
    for (std::size_t c = 0; c < count; ++c) {
      need += longest_word[c];
      extra += widest[c] - longest_word[c];
    }
    const double share = extra > 0 ? std::max(0.0, text_width_ - need) / extra : 0;
    std::vector<double> starts;
    double x = layout_.margin_left;
    for (std::size_t c = 0; c < count; ++c) {
      starts.push_back(x);
      x += longest_word[c] + std::min(1.0, share) * (widest[c] - longest_word[c]);
    }
    return starts;
  }

  void Grid(const std::vector<Block>& rows) {
    const double size = layout_.font_size - 1;
    const double pitch = size * 1.15;
    const double gutter = 1.5 * size;
    const std::vector<double> xs = Columns(rows, size, gutter);
    for (const Block& row : rows) {
      std::vector<std::vector<std::vector<std::string>>> cells;
      std::size_t height = 1;
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const double right = c + 1 < xs.size() ? xs[c + 1] - gutter : layout_.page_width - layout_.margin_right;
        cells.push_back(row.cells[c].empty() ? std::vector<std::vector<std::string>>{}
                                             : Wrap(row.cells[c], size, row.bold, right - xs[c], layout_.hyphenate));
        height = std::max(height, cells.back().size());
      }
      Need(2 * kCellPadding + static_cast<double>(height) * pitch);
      for (std::size_t c = 0; c < cells.size(); ++c) {
        for (std::size_t l = 0; l < cells[c].size(); ++l) {
          std::string joined;
          for (const std::string& word : cells[c][l]) joined += (joined.empty() ? "" : " ") + word;
          pages_.back().push_back(
              {xs[c], y_ + kCellPadding + static_cast<double>(l) * pitch + size, size, row.bold, joined});
        }
      }
      y_ += 2 * kCellPadding + static_cast<double>(height) * pitch;
    }
  }

  // Rows at the body pitch, each cell at the next tab stop after the widest
  // cell of the previous column; a table too wide for that is set as a grid.
  void TabStops(const std::vector<Block>& rows) {
    const double size = layout_.font_size;
    const double tab = 2 * size;
    std::size_t count = 0;
    for (const Block& row : rows) count = std::max(count, row.cells.size());
    std::vector<double> xs = {layout_.margin_left};
    for (std::size_t c = 0; c + 1 < count; ++c) {
      double widest = 0;
      for (const Block& row : rows) {
        if (c < row.cells.size()) widest = std::max(widest, Width(row.cells[c], size, row.bold));
      }
      xs.push_back(xs.back() + widest + tab);
    }
    double widest_last = 0;
    for (const Block& row : rows) {
      if (row.cells.size() == count) widest_last = std::max(widest_last, Width(row.cells.back(), size, row.bold));
    }
    if (xs.back() + widest_last > layout_.page_width - layout_.margin_right) {
      Grid(rows);
      return;
    }
    for (const Block& row : rows) {
      Need(pitch_);
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        if (!row.cells[c].empty()) pages_.back().push_back({xs[c], y_ + size, size, row.bold, row.cells[c]});
      }
      y_ += pitch_;
    }
  }

  // One cell per line, the header form as a converter flattens it.
  void Flattened(const std::vector<Block>& rows) {
    for (const Block& row : rows) {
      for (const std::string& cell : row.cells) {
        if (cell.empty()) continue;
        Paragraph(cell, row.bold);
      }
    }
  }

  const PaperLayout& layout_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* measure_ = nullptr;
  cairo_font_face_t* faces_[2] = {nullptr, nullptr};
  std::unordered_map<std::string, double> advances_[2];
  std::vector<std::vector<Item>> pages_;
  double text_width_ = 0;
  double pitch_ = 0;
  double y_ = 0;
  int hyphenated_ = 0;
};

PaperLayout Narrow(PaperLayout layout) {
  layout.page_width = kNarrowWidth + 2 * 42;
  layout.page_height = 595.276;  // A5 height
  layout.margin_left = layout.margin_right = 42;
  layout.margin_top = 70;
  layout.margin_bottom = 56;
  return layout;
}

}  // namespace

std::vector<PaperLayout> StandardLayouts() {
  const std::vector<std::string> two_lines = {"Landeshauptstadt Magdeburg \u2013 Der Oberb\u00fcrgermeister",
                                              "Dezernat V \u2013 Soziales, Jugend und Gesundheit"};
  std::vector<PaperLayout> layouts;
  PaperLayout a4;
  a4.name = "a4-sans-justified-grid";
  layouts.push_back(a4);

  PaperLayout narrow = Narrow(a4);
  narrow.name = "narrow-serif-justified-tabs-header2";
  narrow.font_family = "DejaVu Serif";
  narrow.font_size = 10;
  narrow.line_spacing = 1.3;
  narrow.paragraph_gap = 1.0;
  narrow.running_header = two_lines;
  narrow.tables = TableSetting::kTabStops;
  layouts.push_back(narrow);

  PaperLayout narrow_grid = narrow;
  narrow_grid.name = "narrow-sans-justified-grid";
  narrow_grid.font_family = "DejaVu Sans";
  narrow_grid.font_size = 9.5;
  narrow_grid.line_spacing = 1.2;
  narrow_grid.paragraph_gap = 0.8;
  narrow_grid.running_header = {"Landeshauptstadt Magdeburg"};
  narrow_grid.tables = TableSetting::kGrid;
  narrow_grid.footer_page_of = false;
  layouts.push_back(narrow_grid);

  PaperLayout ragged = Narrow(a4);
  ragged.name = "narrow-mono-ragged-lines-header2";
  ragged.font_family = "DejaVu Sans Mono";
  ragged.font_size = 9;
  ragged.line_spacing = 1.5;
  ragged.paragraph_gap = 0.7;
  ragged.justify = false;
  ragged.running_header = two_lines;
  ragged.tables = TableSetting::kLines;
  layouts.push_back(ragged);

  PaperLayout a4_ragged = a4;
  a4_ragged.name = "a4-serif-ragged-tabs-double";
  a4_ragged.font_family = "DejaVu Serif";
  a4_ragged.font_size = 12;
  a4_ragged.line_spacing = 2.0;
  a4_ragged.paragraph_gap = 0.5;
  a4_ragged.justify = false;
  a4_ragged.hyphenate = false;
  a4_ragged.tables = TableSetting::kTabStops;
  a4_ragged.footer_page_of = false;
  layouts.push_back(a4_ragged);

  PaperLayout a4_mono = a4;
  a4_mono.name = "a4-mono-justified-grid-header2";
  a4_mono.font_family = "DejaVu Sans Mono";
  a4_mono.font_size = 10;
  a4_mono.line_spacing = 1.5;
  a4_mono.paragraph_gap = 1.0;
  a4_mono.running_header = two_lines;
  layouts.push_back(a4_mono);
  return layouts;
}

bool RenderPaper(const NormalizedText& text, const PaperLayout& layout, const std::string& path,
                 RenderedPaper* rendered, std::string* error) {
  Renderer renderer(layout);
  renderer.LayOut(BlocksOf(text));
  if (!renderer.Render(path, error)) return false;
  rendered->pages = renderer.pages();
  rendered->hyphenated_line_ends = renderer.hyphenated();
  return true;
}

}  // namespace ratsdoc::testing
