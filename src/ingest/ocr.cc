// OCR of PDF pages through Tesseract's C++ API (ocr.h).
#include "ingest/ocr.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#if RATSDOC_HAVE_OCR
#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>
#endif

namespace ratsdoc::ingest {
namespace {

constexpr double kDpi = 300;
// A page is rendered at most this large (pixels): a 300 dpi A4 page is 8.7 M;
// a poster-sized scan is recognised at a lower resolution instead of taking
// gigabytes.
constexpr double kMaxPixels = 36e6;
// Fewer dark pixels than this share: a blank page (a white page, a page with a dot of dust).
constexpr double kBlankShare = 0.0005;
// OSD below this confidence is not trusted to turn a page (Tesseract's own scale).
constexpr float kMinOrientationConfidence = 1.5f;

// A rendered page in 8-bit grey.
struct Grey {
  poppler::image image;
  int dpi = 0;
  bool valid() const { return image.is_valid() && image.format() == poppler::image::format_gray8; }
};

Grey Render(const poppler::page& page, int dpi, poppler::rotation_enum rotation) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  Grey grey;
  grey.dpi = dpi;
  grey.image = renderer.render_page(&page, dpi, dpi, -1, -1, -1, -1, rotation);
  return grey;
}

bool LooksBlank(const Grey& grey) {
  const poppler::image& image = grey.image;
  const char* data = image.const_data();
  std::size_t dark = 0;
  for (int y = 0; y < image.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<long>(y) * image.bytes_per_row());
    for (int x = 0; x < image.width(); ++x) dark += row[x] < 128 ? 1 : 0;
  }
  return static_cast<double>(dark) < kBlankShare * image.width() * image.height();
}

}  // namespace

#if RATSDOC_HAVE_OCR

namespace {

// The engines of this thread: one per language, and one for orientation.
class Engines {
 public:
  static Engines& OfThisThread() {
    // Tesseract parallelises inside a page with OpenMP; ratsdoc already reads
    // one document per core, and the two together make the OpenMP threads
    // spin against each other (a page took three times as long). One thread
    // per engine: OpenMP's parallel regions stay inactive. The setting is
    // the calling thread's own, so each analysis thread makes it.
    thread_local Engines engines;
    return engines;
  }
  Engines() { omp_set_max_active_levels(0); }
  // nullptr when the language's data is not installed.
  tesseract::TessBaseAPI* ForLanguage(const std::string& language) {
    auto [it, inserted] = by_language_.try_emplace(language);
    if (inserted) {
      auto api = std::make_unique<tesseract::TessBaseAPI>();
      if (api->Init(nullptr, language.c_str(), tesseract::OEM_LSTM_ONLY) == 0) {
        api->SetPageSegMode(tesseract::PSM_AUTO);
        api->SetVariable("debug_file", "/dev/null");  // no chatter on standard error
        it->second = std::move(api);
      }
    }
    return it->second.get();
  }
  tesseract::TessBaseAPI* ForOrientation() {
    if (!osd_tried_) {
      osd_tried_ = true;
      auto api = std::make_unique<tesseract::TessBaseAPI>();
      if (api->Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) == 0) {
        api->SetPageSegMode(tesseract::PSM_OSD_ONLY);
        api->SetVariable("debug_file", "/dev/null");
        osd_ = std::move(api);
      }
    }
    return osd_.get();
  }

 private:
  std::map<std::string, std::unique_ptr<tesseract::TessBaseAPI>> by_language_;
  std::unique_ptr<tesseract::TessBaseAPI> osd_;
  bool osd_tried_ = false;
};

void SetImage(tesseract::TessBaseAPI* api, const Grey& grey) {
  api->SetImage(reinterpret_cast<const unsigned char*>(grey.image.const_data()), grey.image.width(),
                grey.image.height(), 1, grey.image.bytes_per_row());
  api->SetSourceResolution(grey.dpi);
}

// Clockwise degrees the page was turned, by OSD; 0 when unsure or without OSD data.
int Orientation(const Grey& grey) {
  tesseract::TessBaseAPI* osd = Engines::OfThisThread().ForOrientation();
  if (osd == nullptr) return 0;
  SetImage(osd, grey);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool found = osd->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  osd->Clear();
  if (!found || confidence < kMinOrientationConfidence) return 0;
  return ((degrees % 360) + 360) % 360;
}

// Poppler's rotation (clockwise) that sets a page turned `turned` degrees clockwise upright.
poppler::rotation_enum Upright(int turned) {
  switch (turned) {
    case 90: return poppler::rotate_270;
    case 180: return poppler::rotate_180;
    case 270: return poppler::rotate_90;
    default: return poppler::rotate_0;
  }
}

// A "word" that is not one: white space, a table's ruling read as strokes
// ("|", "[]"), or a speck of dust read as a letter or two with next to no
// confidence.
constexpr float kSpeckConfidence = 30;
constexpr std::size_t kSpeckBytes = 3;
bool IsNoise(const char* text, float confidence) {
  bool strokes = true, blank = true;
  for (const char* c = text; *c != '\0'; ++c) {
    blank = blank && (*c == ' ' || *c == '\t' || *c == '\n');
    strokes = strokes && (*c == '|' || *c == '[' || *c == ']' || *c == ' ');
  }
  return blank || strokes || (confidence < kSpeckConfidence && std::strlen(text) <= kSpeckBytes);
}

}  // namespace

bool OcrBuiltIn() { return true; }
std::string OcrVersion() { return tesseract::TessBaseAPI::Version(); }

OcrResult RecognizePage(const poppler::page& page, const std::string& language) {
  OcrResult out;
  const poppler::rectf box = page.page_rect(poppler::media_box);
  const double area = std::max(1.0, box.width() * box.height()) / (72.0 * 72.0);  // square inches
  int dpi = static_cast<int>(std::min(kDpi, std::floor(std::sqrt(kMaxPixels / area))));
  dpi = std::max(dpi, 1);
  if (dpi < kDpi) {
    out.problem = "the page is " + std::to_string(static_cast<int>(box.width())) + " x " +
                  std::to_string(static_cast<int>(box.height())) + " pt; it was recognised at " +
                  std::to_string(dpi) + " dpi";
  }
  Grey grey = Render(page, dpi, poppler::rotate_0);
  if (!grey.valid()) {
    out.problem = "Poppler could not render it";
    return out;
  }
  if (LooksBlank(grey)) {
    out.outcome = OcrResult::Outcome::kBlank;
    return out;
  }
  tesseract::TessBaseAPI* api = Engines::OfThisThread().ForLanguage(language);
  if (api == nullptr) {
    out.problem = "Tesseract has no data for the language '" + language +
                  "' (install tesseract-ocr-" + language.substr(0, language.find('+')) + ")";
    return out;
  }
  out.rotation = Orientation(grey);
  if (out.rotation != 0) {
    grey = Render(page, dpi, Upright(out.rotation));
    if (!grey.valid()) {
      out.problem = "Poppler could not render it turned";
      return out;
    }
  }
  out.dpi = dpi;
  const double points = 72.0 / dpi;
  out.height = grey.image.height() * points;
  SetImage(api, grey);
  if (api->Recognize(nullptr) != 0) {
    api->Clear();
    out.problem = "Tesseract could not recognise it";
    return out;
  }
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  double confidence_sum = 0;
  const double cx = grey.image.width() / 2.0, cy = grey.image.height() / 2.0;
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      const float confidence = it->Confidence(tesseract::RIL_WORD);
      if (!text || IsNoise(text.get(), confidence)) continue;
      int left = 0, top = 0, right = 0, bottom = 0;
      if (!it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom)) continue;
      int line_left = 0, line_top = 0, line_right = 0, line_bottom = 0;
      it->BoundingBox(tesseract::RIL_TEXTLINE, &line_left, &line_top, &line_right, &line_bottom);
      // Tesseract reads a skewed page level but gives its boxes as they
      // stand on the image: turn each box's centre by the block's skew, so
      // that the words of one row share one line for the layout stage.
      tesseract::Orientation orientation{};
      tesseract::WritingDirection direction{};
      tesseract::TextlineOrder order{};
      float deskew = 0;
      it->Orientation(&orientation, &direction, &order, &deskew);
      const double mx = (left + right) / 2.0 - cx, my = (top + bottom) / 2.0 - cy;
      const double c = std::cos(deskew), s = std::sin(deskew);
      const double dx = c * mx + s * my - mx, dy = -s * mx + c * my - my;  // anti-clockwise, y down
      PdfWord word;
      word.text = text.get();
      word.x0 = (left + dx) * points;
      word.x1 = (right + dx) * points;
      // The type size, from the row's height (x-height plus ascenders, the
      // same for every line of one size, unlike the ink of its words): about
      // 0.7 em. The box is a font's box on the baseline, as a text layer's
      // word boxes are, so that line pitch does not depend on which letters
      // a line has.
      float row_height = 0, descenders = 0, ascenders = 0;
      it->RowAttributes(&row_height, &descenders, &ascenders);
      word.font_size = row_height > 0 ? std::max(1.0, row_height * points / 0.7)
                                      : std::max(1.0, (line_bottom - line_top) * points / 1.2);
      int base_x1 = 0, base_y1 = 0, base_x2 = 0, base_y2 = 0;
      double baseline = bottom;
      if (it->Baseline(tesseract::RIL_WORD, &base_x1, &base_y1, &base_x2, &base_y2)) {
        const double mid = (left + right) / 2.0;
        baseline = base_x2 == base_x1 ? base_y1
                                      : base_y1 + (base_y2 - base_y1) * (mid - base_x1) / double(base_x2 - base_x1);
      }
      word.y1 = (baseline + dy) * points + 0.22 * word.font_size;
      word.y0 = word.y1 - 1.15 * word.font_size;
      word.space_after = !it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD);
      confidence_sum += confidence;
      out.words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
  }
  api->Clear();
  if (out.words.empty()) {
    out.problem = "Tesseract found no words on it";
    return out;
  }
  out.outcome = OcrResult::Outcome::kRead;
  out.mean_confidence = confidence_sum / static_cast<double>(out.words.size());
  return out;
}

#else  // !RATSDOC_HAVE_OCR

bool OcrBuiltIn() { return false; }
std::string OcrVersion() { return ""; }

OcrResult RecognizePage(const poppler::page& page, const std::string& /*language*/) {
  OcrResult out;
  if (LooksBlank(Render(page, 18, poppler::rotate_0))) {
    out.outcome = OcrResult::Outcome::kBlank;
    return out;
  }
  out.problem = "this ratsdoc was built without OCR (Tesseract)";
  return out;
}

#endif

}  // namespace ratsdoc::ingest
