#include "pdf_writer.h"

#include "hyphenate.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ratsdoc_bench {
namespace {

// A4 in points; the body between the running header and the footer.
constexpr double kPageWidth = 595.276, kPageHeight = 841.89;
constexpr double kLeft = 70.9, kRight = kPageWidth - 56.7, kTop = 92, kBottom = 762;
constexpr double kTextWidth = kRight - kLeft;
constexpr double kCellPadding = 3;     // above and below a table row's text
constexpr double kCellGutter = 14;     // white before the next column
constexpr double kParagraphGap = 6.5;  // extra white after a paragraph
constexpr double kMinSpace = 0.7;      // narrowest justified word gap, in spaces
constexpr double kMaxGap = 0.8;        // widest justified word gap, in font sizes
constexpr double kAfterTable = 30;     // white after a table: the next text does not look like a row

enum Font { kBody, kBold, kTitle, kCell, kCellBold, kFurniture, kFontCount };
constexpr std::array<double, kFontCount> kSize = {11, 11, 13, 10, 10, 9};
constexpr std::array<double, kFontCount> kPitch = {13.4, 13.4, 16, 12, 12, 11};
constexpr std::array<bool, kFontCount> kIsBold = {false, true, true, false, true, false};

struct Item {
  double x, baseline;
  Font font;
  std::string text;
};

using PageItems = std::vector<Item>;

// Next UTF-8 code point of `s` at `*i` (advances *i); invalid bytes count as one.
std::uint32_t NextCodePoint(const std::string& s, std::size_t* i) {
  const unsigned char c = static_cast<unsigned char>(s[(*i)++]);
  if (c < 0x80) return c;
  const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  std::uint32_t cp = c & (0x3F >> extra);
  for (int k = 0; k < extra && *i < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[(*i)++]) & 0x3F);
  return cp;
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

}  // namespace

struct PdfWriter::Impl {
  cairo_surface_t* measure_surface = nullptr;
  cairo_t* measure = nullptr;
  std::array<cairo_font_face_t*, 2> faces{};
  std::array<std::unordered_map<std::uint32_t, double>, kFontCount> advances;
  std::vector<PageItems> pages;
  double y = kTop;
  long short_lines = 0;  // wrapped lines ending more than a font size short of the margin

  Impl() {
    measure_surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    measure = cairo_create(measure_surface);
    faces[0] = cairo_toy_font_face_create("DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    faces[1] = cairo_toy_font_face_create("DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(measure, options);
    cairo_font_options_destroy(options);
  }
  ~Impl() {
    for (cairo_font_face_t* face : faces) cairo_font_face_destroy(face);
    cairo_destroy(measure);
    cairo_surface_destroy(measure_surface);
  }

  void SetFont(cairo_t* cr, Font font) {
    cairo_set_font_face(cr, faces[kIsBold[font] ? 1 : 0]);
    cairo_set_font_size(cr, kSize[font]);
  }

  // Advance width of `text`: the sum of per-character advances, cached (the
  // toy text API does not kern, so this is exact).
  double Width(const std::string& text, Font font) {
    double width = 0;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t begin = i;
      const std::uint32_t cp = NextCodePoint(text, &i);
      auto [it, fresh] = advances[font].try_emplace(cp, 0.0);
      if (fresh) {
        SetFont(measure, font);
        cairo_text_extents_t extents;
        cairo_text_extents(measure, text.substr(begin, i - begin).c_str(), &extents);
        it->second = extents.x_advance;
      }
      width += it->second;
    }
    return width;
  }

  // Greedy line breaking of `text` into lines no wider than `width`. With
  // `justify`, a word that would leave wide gaps is broken at a hyphenation
  // point ("Verwal-⏎tung") or, failing that, set with narrower spaces.
  std::vector<std::vector<std::string>> Wrap(const std::string& text, Font font, double width, bool justify = false) {
    std::vector<std::vector<std::string>> lines(1);
    const double space = Width(" ", font);
    double words = 0;  // width of the words on the current line
    auto used = [&] { return words + static_cast<double>(lines.back().size() - 1) * space; };
    for (std::string& word : SplitWords(text)) {
      double w = Width(word, font);
      if (!lines.back().empty() && used() + space + w > width) {
        const bool loose = justify && width - used() > 4 * space;
        const std::vector<std::size_t> points = loose ? HyphenationPoints(word) : std::vector<std::size_t>{};
        bool placed = false;
        for (auto point = points.rbegin(); point != points.rend() && !placed; ++point) {
          std::string head = word.substr(0, *point);
          if (head.back() != '-' && head.back() != '/') head += '-';
          const double head_width = Width(head, font);
          if (used() + space + head_width <= width) {
            lines.back().push_back(std::move(head));
            word.erase(0, *point);
            w = Width(word, font);
            placed = true;
          }
        }
        if (!placed && loose && words + w + static_cast<double>(lines.back().size()) * kMinSpace * space <= width) {
          lines.back().push_back(std::move(word));  // squeezed in
          words += w;
          continue;
        }
        lines.emplace_back();
        words = 0;
      }
      words += w;
      lines.back().push_back(std::move(word));
    }
    return lines;
  }

  double LineWidth(const std::vector<std::string>& words, Font font) {
    double width = 0;
    for (const std::string& word : words) width += Width(word, font);
    return width + static_cast<double>(words.size() - 1) * Width(" ", font);
  }

  void NewPage() {
    pages.emplace_back();
    y = kTop;
  }
  void Need(double height) {
    if (y + height > kBottom && y > kTop) NewPage();
  }

  // A paragraph set justified: every line but the last spans the text width.
  void Paragraph(const std::string& text, Font font, bool justify) {
    const auto lines = Wrap(text, font, kTextWidth, justify);
    for (std::size_t l = 0; l < lines.size(); ++l) {
      Need(kPitch[font]);
      // A last line as wide as the text, at the foot of a page, would read as
      // running on into the next page: such a line goes to the next page.
      if (justify && l + 1 == lines.size() && LineWidth(lines[l], font) > kTextWidth - 2 * kSize[font]) {
        Need(kPitch[font] + kParagraphGap + 6 * kPitch[kBody]);
      }
      const double baseline = y + kSize[font];
      const bool last = l + 1 == lines.size();
      if (!justify || last || lines[l].size() < 2) {
        std::string joined;
        for (const std::string& word : lines[l]) joined += (joined.empty() ? "" : " ") + word;
        pages.back().push_back({kLeft, baseline, font, std::move(joined)});
      } else {
        double words_width = 0;
        for (const std::string& word : lines[l]) words_width += Width(word, font);
        // Wider gaps would read as a column break; such a line ends a little short.
        const double gap =
            std::min((kTextWidth - words_width) / static_cast<double>(lines[l].size() - 1), kMaxGap * kSize[font]);
        if (kTextWidth - words_width - gap * static_cast<double>(lines[l].size() - 1) > kSize[font]) ++short_lines;
        double x = kLeft;
        for (const std::string& word : lines[l]) {
          pages.back().push_back({x, baseline, font, word});
          x += Width(word, font) + gap;
        }
      }
      y += kPitch[font];
    }
  }

  void TableBlock(const Table& table) {
    std::vector<double> xs;
    for (double column : table.columns) xs.push_back(kLeft + column * kTextWidth);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const Font font = r == 0 && table.header_bold ? kCellBold : kCell;
      const auto& row = table.rows[r];
      std::vector<std::vector<std::vector<std::string>>> cells;
      std::size_t height = 1;
      for (std::size_t c = 0; c < row.size() && c < xs.size(); ++c) {
        const double right = c + 1 < xs.size() ? xs[c + 1] - kCellGutter : kRight;
        cells.push_back(row[c].empty() ? std::vector<std::vector<std::string>>{} : Wrap(row[c], font, right - xs[c]));
        height = std::max(height, cells.back().size());
      }
      Need(2 * kCellPadding + static_cast<double>(height) * kPitch[font]);
      for (std::size_t c = 0; c < cells.size(); ++c) {
        for (std::size_t l = 0; l < cells[c].size(); ++l) {
          std::string joined;
          for (const std::string& word : cells[c][l]) joined += (joined.empty() ? "" : " ") + word;
          pages.back().push_back(
              {xs[c], y + kCellPadding + static_cast<double>(l) * kPitch[font] + kSize[font], font, joined});
        }
      }
      y += 2 * kCellPadding + static_cast<double>(height) * kPitch[font];
    }
    y += kAfterTable;
  }

  void LayOut(const Document& document) {
    pages.clear();
    NewPage();
    for (const Block& block : document.blocks) {
      switch (block.type) {
        case BlockType::kParagraph:
          Paragraph(block.text, kBody, true);
          y += kParagraphGap;
          break;
        case BlockType::kHeading:
          Need(3 * kPitch[kBody]);  // keep a heading with the text below it
          Paragraph(block.text, block.title ? kTitle : kBold, false);
          y += kParagraphGap;
          break;
        case BlockType::kLines:
          Need(static_cast<double>(block.lines.size()) * kPitch[kBody]);
          for (const std::string& line : block.lines) Paragraph(line, kBody, false);
          y += kParagraphGap;
          break;
        case BlockType::kTable:
          TableBlock(block.table);
          break;
      }
    }
  }

  void Draw(cairo_t* cr, const PageItems& items) {
    Font current = kFontCount;
    for (const Item& item : items) {
      if (item.font != current) SetFont(cr, current = item.font);
      cairo_move_to(cr, item.x, item.baseline);
      cairo_show_text(cr, item.text.c_str());
    }
  }

  bool Render(const Document& document, const std::string& path) {
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.id.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ratsdoc bench/generate_archive");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z");
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0, 0, 0);
    const std::string total = std::to_string(pages.size());
    for (std::size_t p = 0; p < pages.size(); ++p) {
      PageItems furniture = {
          {kLeft, 46, kFurniture, "Landeshauptstadt Magdeburg"},
          {kRight - Width(document.running_header, kFurniture), 46, kFurniture, document.running_header}};
      const std::string footer = "Seite " + std::to_string(p + 1) + " von " + total;
      furniture.push_back({(kPageWidth - Width(footer, kFurniture)) / 2, 806, kFurniture, footer});
      Draw(cr, furniture);
      cairo_set_line_width(cr, 0.5);
      cairo_move_to(cr, kLeft, 52);
      cairo_line_to(cr, kRight, 52);
      cairo_stroke(cr);
      Draw(cr, pages[p]);
      cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    return ok;
  }
};

PdfWriter::PdfWriter() : impl_(new Impl) {}
PdfWriter::~PdfWriter() { delete impl_; }
long PdfWriter::short_lines() const { return impl_->short_lines; }

int PdfWriter::Write(const Document& document, const std::string& path) {
  impl_->LayOut(document);
  if (!path.empty() && !impl_->Render(document, path)) return 0;
  return static_cast<int>(impl_->pages.size());
}

}  // namespace ratsdoc_bench
