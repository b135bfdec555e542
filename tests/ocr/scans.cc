// Image-only PDFs from born-digital ones (scans.h).
#include "ocr/scans.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <vector>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include "ingest/pdf_reader.h"

namespace ratsdoc::testing {
namespace {

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> grey;  // row-major, one byte per pixel
  unsigned char at(int x, int y) const {
    return x < 0 || y < 0 || x >= width || y >= height ? 255 : grey[static_cast<std::size_t>(y) * width + x];
  }
};

Image Render(const poppler::page& page, int dpi) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image rendered = renderer.render_page(&page, dpi, dpi);
  Image out;
  if (!rendered.is_valid()) return out;
  out.width = rendered.width();
  out.height = rendered.height();
  out.grey.resize(static_cast<std::size_t>(out.width) * out.height);
  for (int y = 0; y < out.height; ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(rendered.const_data() + static_cast<long>(y) * rendered.bytes_per_row());
    std::copy(row, row + out.width, out.grey.begin() + static_cast<long>(y) * out.width);
  }
  return out;
}

// Turned by `degrees` about the centre (bilinear), white brought in.
Image Skewed(const Image& in, double degrees) {
  if (degrees == 0) return in;
  const double a = degrees * M_PI / 180, c = std::cos(a), s = std::sin(a);
  const double cx = in.width / 2.0, cy = in.height / 2.0;
  Image out = in;
  for (int y = 0; y < in.height; ++y) {
    for (int x = 0; x < in.width; ++x) {
      const double sx = c * (x - cx) - s * (y - cy) + cx, sy = s * (x - cx) + c * (y - cy) + cy;
      const int x0 = static_cast<int>(std::floor(sx)), y0 = static_cast<int>(std::floor(sy));
      const double fx = sx - x0, fy = sy - y0;
      const double v = (1 - fx) * (1 - fy) * in.at(x0, y0) + fx * (1 - fy) * in.at(x0 + 1, y0) +
                       (1 - fx) * fy * in.at(x0, y0 + 1) + fx * fy * in.at(x0 + 1, y0 + 1);
      out.grey[static_cast<std::size_t>(y) * in.width + x] = static_cast<unsigned char>(std::lround(v));
    }
  }
  return out;
}

// Turned 90° clockwise.
Image Quarter(const Image& in) {
  Image out;
  out.width = in.height;
  out.height = in.width;
  out.grey.resize(in.grey.size());
  for (int y = 0; y < in.height; ++y) {
    for (int x = 0; x < in.width; ++x) {
      out.grey[static_cast<std::size_t>(x) * out.width + (in.height - 1 - y)] = in.at(x, y);
    }
  }
  return out;
}

// Grain (standard deviation `sigma`) on every pixel, and specks (black or white) on a share `noise` of them.
void AddNoise(Image* image, double noise, double sigma, unsigned seed) {
  if (noise <= 0) return;
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::normal_distribution<double> grain(0, sigma);
  for (unsigned char& pixel : image->grey) {
    double v = pixel + grain(random);
    if (unit(random) < noise) v = unit(random) < 0.5 ? 0 : 255;
    pixel = static_cast<unsigned char>(std::clamp(v, 0.0, 255.0));
  }
}

std::string Deflate(const std::vector<unsigned char>& data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, data.data(), static_cast<uLong>(data.size()), 6);
  out.resize(size);
  return out;
}

// One page object and its image: the page is the image, at `dpi`.
struct PageObjects {
  std::string page, content, image;
};

PageObjects ImagePage(const Image& image, int dpi, int page_id, int content_id, int image_id, double width = 0,
                      double height = 0) {
  const double w = image.width * 72.0 / dpi, h = image.height * 72.0 / dpi;
  if (width == 0) width = w;
  if (height == 0) height = h;
  PageObjects out;
  out.page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(width) + " " + std::to_string(height) +
             "] /Contents " + std::to_string(content_id) + " 0 R /Resources << /XObject << /Im0 " +
             std::to_string(image_id) + " 0 R >> >> >>";
  (void)page_id;
  out.content = ingest::PdfStream("q " + std::to_string(w) + " 0 0 " + std::to_string(h) + " 0 " +
                                  std::to_string(height - h) + " cm /Im0 Do Q");
  const std::string data = Deflate(image.grey);
  out.image = "<< /Type /XObject /Subtype /Image /Width " + std::to_string(image.width) + " /Height " +
              std::to_string(image.height) + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode" +
              " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
  return out;
}

// A PDF of `pages` (each three objects: page, content, image), objects 1 and 2 the catalog and page tree.
std::string Assemble(const std::vector<PageObjects>& pages) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  std::string kids;
  for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(3 + 3 * i) + " 0 R ";
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  for (const PageObjects& page : pages) {
    objects.push_back(page.page);
    objects.push_back(page.content);
    objects.push_back(page.image);
  }
  return ingest::AssemblePdf(objects);
}

Image ScanPage(const poppler::page& page, const ScanOptions& options, unsigned seed) {
  Image image = Skewed(Render(page, options.dpi), options.skew);
  if (options.quarter) image = Quarter(image);
  AddNoise(&image, options.noise, options.grain, seed);
  return image;
}

std::unique_ptr<poppler::document> Open(const std::string& pdf) {
  return std::unique_ptr<poppler::document>(poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
}

}  // namespace

std::string ScanOf(const std::string& pdf, const ScanOptions& options) {
  const std::unique_ptr<poppler::document> document = Open(pdf);
  if (!document) return "";
  std::vector<PageObjects> pages;
  for (int i = 0; i < document->pages(); ++i) {
    const std::unique_ptr<poppler::page> page(document->create_page(i));
    const int first = 3 + 3 * i;
    pages.push_back(ImagePage(ScanPage(*page, options, options.seed + i), options.dpi, first, first + 1, first + 2));
  }
  return Assemble(pages);
}

std::string BlankScan(int dpi) {
  Image white;
  white.width = 595 * dpi / 72;
  white.height = 842 * dpi / 72;
  white.grey.assign(static_cast<std::size_t>(white.width) * white.height, 255);
  return Assemble({ImagePage(white, dpi, 3, 4, 5)});
}

std::string HugeScan(const std::string& pdf, double width, double height, int dpi) {
  const std::unique_ptr<poppler::document> document = Open(pdf);
  const std::unique_ptr<poppler::page> page(document->create_page(0));
  return Assemble({ImagePage(Render(*page, dpi), dpi, 3, 4, 5, width, height)});
}

std::string MixedPdf(const std::string& text, const std::string& pdf, const ScanOptions& options) {
  const std::unique_ptr<poppler::document> document = Open(pdf);
  const std::unique_ptr<poppler::page> page(document->create_page(0));
  const PageObjects scanned = ImagePage(ScanPage(*page, options, options.seed), options.dpi, 5, 6, 7);
  std::string escaped;
  for (const char c : text) {
    if (c == '(' || c == ')' || c == '\\') escaped += '\\';
    escaped += c;
  }
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 8 0 R >> >> >>",
      ingest::PdfStream("BT /F1 11 Tf 72 760 Td (" + escaped + ") Tj ET"),
      scanned.page,
      scanned.content,
      scanned.image,
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
  return ingest::AssemblePdf(objects);
}

}  // namespace ratsdoc::testing
