#include "ingest/pdf_reader.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include "common/utf8.h"
#include "ingest/ocr.h"
#include "ingest/pdf_layout.h"

namespace ratsdoc::ingest {
namespace {

constexpr std::size_t kMaxWarnings = 20;

// Poppler reports errors through one process-global callback. It is installed
// once; each reading thread points a thread-local sink at its own document, so
// messages never cross between documents read in parallel.
thread_local std::vector<std::string>* t_poppler_messages = nullptr;

void CollectPopplerMessage(const std::string& message, void* /*closure*/) {
  if (t_poppler_messages == nullptr) return;
  std::vector<std::string>& sink = *t_poppler_messages;
  if (std::find(sink.begin(), sink.end(), message) != sink.end()) return;
  if (sink.size() < kMaxWarnings) sink.push_back(message);
}

class ScopedPopplerMessages {
 public:
  explicit ScopedPopplerMessages(std::vector<std::string>* sink) {
    static std::once_flag installed;
    std::call_once(installed, [] { poppler::set_debug_error_function(CollectPopplerMessage, nullptr); });
    previous_ = t_poppler_messages;
    t_poppler_messages = sink;
  }
  ~ScopedPopplerMessages() { t_poppler_messages = previous_; }
  ScopedPopplerMessages(const ScopedPopplerMessages&) = delete;
  ScopedPopplerMessages& operator=(const ScopedPopplerMessages&) = delete;

 private:
  std::vector<std::string>* previous_;
};

// poppler::ustring is UTF-16. Its own to_utf8() opens an iconv converter on
// every call, which cost more than all of ratsdoc's later stages together;
// this conversion is direct. An unpaired surrogate becomes U+FFFD.
std::string ToUtf8(const poppler::ustring& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t unit = text[i];
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
      unit = 0x10000 + ((unit - 0xD800) << 10) + (static_cast<char32_t>(text[i + 1]) - 0xDC00);
      ++i;
    } else if (unit >= 0xD800 && unit <= 0xDFFF) {
      unit = 0xFFFD;
    }
    utf8::Append(&out, unit);
  }
  return out;
}

bool IsBoldFont(const std::string& font_name) {
  // Embedded fonts carry a random prefix ("ABCDEF+LiberationSans-Bold").
  return font_name.find("Bold") != std::string::npos || font_name.find("bold") != std::string::npos ||
         font_name.find("Black") != std::string::npos || font_name.find("Heavy") != std::string::npos;
}

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g s", seconds);
  return text;
}

bool MentionsEncryption(const std::string& bytes) { return bytes.find("/Encrypt") != std::string::npos; }

bool EndsWithEof(const std::string& bytes) {
  const std::size_t tail = bytes.size() > 2048 ? bytes.size() - 2048 : 0;
  return bytes.find("%%EOF", tail) != std::string::npos;
}

std::string Describe(const std::vector<std::string>& messages) {
  if (messages.empty()) return "";
  return " Poppler reported: " + messages.front() + (messages.size() > 1 ? " (and more)." : ".");
}

// For a PDF without text: is the first page blank, or an image (a scan)?
bool FirstPageLooksBlank(const poppler::document& pdf) {
  std::unique_ptr<poppler::page> page(pdf.create_page(0));
  if (!page) return false;
  poppler::page_renderer renderer;
  const poppler::image image = renderer.render_page(page.get(), 18, 18);
  if (!image.is_valid() || image.format() != poppler::image::format_argb32) return false;
  const char* data = image.const_data();
  for (int y = 0; y < image.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<long>(y) * image.bytes_per_row());
    for (int x = 0; x < image.width(); ++x) {
      const unsigned char* pixel = row + 4 * x;  // B, G, R, A
      if (pixel[0] < 235 || pixel[1] < 235 || pixel[2] < 235) return false;
    }
  }
  return true;
}

std::vector<PdfWord> ReadWords(poppler::page& page) {
  std::vector<PdfWord> words;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    PdfWord word;
    word.text = ToUtf8(box.text());
    const poppler::rectf rect = box.bbox();
    word.x0 = rect.left();
    word.x1 = rect.right();
    word.y0 = rect.top();
    word.y1 = rect.bottom();
    word.space_after = box.has_space_after();
    if (box.has_font_info()) {
      word.font_size = box.get_font_size();
      word.bold = IsBoldFont(box.get_font_name());
    }
    if (word.font_size <= 0) word.font_size = std::max(1.0, word.y1 - word.y0);
    words.push_back(std::move(word));
  }
  return words;
}

}  // namespace

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

void ReadPdf(const std::string& bytes, const IngestOptions& options, SourceDocument* doc) {
  doc->format = SourceFormat::kPdf;
  doc->encoding = "PDF";
  doc->has_layout = true;
  std::vector<std::string> messages;
  ScopedPopplerMessages capture(&messages);

  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    if (MentionsEncryption(bytes)) {
      doc->status = Status(ErrorCode::kPdfEncrypted,
                           "The PDF " + doc->path + " is encrypted in a way Poppler cannot open (" +
                               "an unsupported security handler); a password would not help." + Describe(messages));
    } else {
      doc->status = Status(ErrorCode::kPdfDamaged, "The PDF " + doc->path + " is damaged and cannot be opened" +
                                                       (EndsWithEof(bytes) ? "." : " (it looks truncated).") +
                                                       Describe(messages));
    }
    return;
  }
  if (pdf->is_locked()) {
    doc->status = Status(ErrorCode::kPdfEncrypted,
                         "The PDF " + doc->path + " is encrypted and needs a password to be opened; " +
                             "with the user password it could be read.");
    return;
  }
  const int page_count = pdf->pages();
  if (page_count <= 0) {
    doc->status = Status(ErrorCode::kPdfDamaged,
                         "The PDF " + doc->path + " has no readable pages; it is damaged" +
                             (EndsWithEof(bytes) ? "." : " (it looks truncated).") + Describe(messages));
    return;
  }

  std::vector<PageWords> words(static_cast<std::size_t>(page_count));
  std::vector<SourcePage> recognised(static_cast<std::size_t>(page_count));  // which pages OCR read
  const bool ocr = options.ocr != OcrMode::kNever && OcrBuiltIn();
  int failed_pages = 0, ocr_tried = 0, blank_pages = 0;
  bool any_text = false;
  const auto start = std::chrono::steady_clock::now();
  std::size_t text_bytes = 0;
  for (int index = 0; index < page_count; ++index) {
    std::unique_ptr<poppler::page> page(pdf->create_page(index));
    if (!page) {
      ++failed_pages;
      continue;
    }
    PageWords& entry = words[static_cast<std::size_t>(index)];
    entry.height = page->page_rect(poppler::media_box).height();
    if (options.ocr != OcrMode::kAlways || !ocr) entry.words = ReadWords(*page);
    if (entry.words.empty() && ocr) {
      ++ocr_tried;
      OcrResult read = RecognizePage(*page, options.ocr_language);
      const std::string which = "Page " + std::to_string(index + 1);
      switch (read.outcome) {
        case OcrResult::Outcome::kRead:
          entry.words = std::move(read.words);
          entry.height = read.height;
          recognised[static_cast<std::size_t>(index)].ocr = true;
          recognised[static_cast<std::size_t>(index)].ocr_confidence = read.mean_confidence;
          if (read.mean_confidence < kLowOcrConfidence) {
            doc->warnings.push_back(which + " was read by OCR with a mean word confidence of " +
                                    std::to_string(static_cast<int>(std::lround(read.mean_confidence))) +
                                    " (below " + std::to_string(static_cast<int>(kLowOcrConfidence)) +
                                    "): its text may be wrong.");
          }
          if (!read.problem.empty()) doc->warnings.push_back(which + ": " + read.problem + ".");
          break;
        case OcrResult::Outcome::kBlank: ++blank_pages; break;
        case OcrResult::Outcome::kUnreadable:
          doc->warnings.push_back(which + " has no text layer and OCR could not read it: " + read.problem + ".");
          break;
      }
    }
    any_text = any_text || !entry.words.empty();
    for (const PdfWord& word : entry.words) text_bytes += word.text.size() + 1;
    // The budgets: stop after this page, keep what was read, say so.
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const bool out_of_time = options.max_seconds > 0 && seconds > options.max_seconds;
    const bool out_of_space = options.max_text_bytes > 0 && text_bytes > options.max_text_bytes;
    if ((out_of_time || out_of_space) && index + 1 < page_count) {
      doc->warnings.push_back(
          "Only pages 1-" + std::to_string(index + 1) + " of " + std::to_string(page_count) + " were read: " +
          (out_of_time ? "reading took longer than the limit of " + Seconds(options.max_seconds) +
                             " per document (--max-document-seconds)"
                       : "their text exceeds the limit of " + std::to_string(options.max_text_bytes >> 20) +
                             " MiB per document (--max-document-text)") +
          ".");
      words.resize(static_cast<std::size_t>(index) + 1);
      break;
    }
  }

  if (!any_text) {
    if (failed_pages == page_count) {
      doc->status = Status(ErrorCode::kPdfDamaged,
                           "The PDF " + doc->path + " is damaged: none of its " + std::to_string(page_count) +
                               " pages could be read." + Describe(messages));
    } else if (ocr_tried > 0 && blank_pages == ocr_tried) {
      doc->status = Status(ErrorCode::kPdfNoText, "The PDF " + doc->path + " has " + std::to_string(page_count) +
                                                      " page(s) but they are blank: there is no text to read.");
    } else if (ocr_tried > 0) {
      doc->status = Status(ErrorCode::kPdfNoText,
                           "The PDF " + doc->path + " has no text layer and OCR (Tesseract, language " +
                               options.ocr_language + ") could read none of its " + std::to_string(page_count) +
                               " page(s)." + (doc->warnings.empty() ? "" : " " + doc->warnings.front()));
    } else if (FirstPageLooksBlank(*pdf)) {
      doc->status = Status(ErrorCode::kPdfNoText, "The PDF " + doc->path + " has " + std::to_string(page_count) +
                                                      " page(s) but they are blank: there is no text to read.");
    } else {
      doc->status = Status(ErrorCode::kPdfNoText,
                           "The PDF " + doc->path + " has no text layer: its " + std::to_string(page_count) +
                               " page(s) are images, probably a scan. " +
                               (OcrBuiltIn() ? std::string("Read it with --ocr auto (ratsdoc's OCR), or run OCR on it "
                                                           "first (for example with ocrmypdf).")
                                             : std::string("This ratsdoc was built without OCR: run OCR on it first "
                                                           "(for example with ocrmypdf), then give ratsdoc the "
                                                           "result.")));
    }
    return;
  }

  const std::vector<std::vector<LaidOutLine>> pages = LayOutDocument(words, options.edge_band);
  doc->pages.reserve(pages.size());
  for (std::size_t index = 0; index < pages.size(); ++index) {
    const int page = static_cast<int>(index) + 1;
    SourcePage entry = recognised[index];
    entry.begin = doc->text.size();
    for (const LaidOutLine& laid : pages[index]) {
      if (laid.blank_before) {
        doc->lines.push_back(SourceLine{doc->text.size(), doc->text.size(), page});
        doc->text += '\n';
      }
      SourceLine line;
      line.begin = doc->text.size();
      doc->text += laid.text;
      line.end = doc->text.size();
      doc->text += '\n';
      line.page = page;
      line.continues = laid.continues;
      line.table_row = laid.table_row;
      line.bold = laid.bold;
      line.page_edge = laid.page_edge;
      doc->lines.push_back(line);
    }
    entry.end = doc->text.size();
    doc->pages.push_back(entry);
  }

  if (failed_pages > 0) {
    doc->warnings.push_back(std::to_string(failed_pages) + " of " + std::to_string(page_count) +
                            " pages could not be read; their text is missing.");
  }
  if (!EndsWithEof(bytes)) doc->warnings.push_back("The PDF looks truncated (no %%EOF at its end); text may be missing.");
  for (const std::string& message : messages) doc->warnings.push_back("Poppler: " + message);
}

std::string PdfStream(const std::string& content) {
  return "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
}

std::string AssemblePdf(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    const std::string number = std::to_string(offset);
    pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  return pdf + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
}

}  // namespace ratsdoc::ingest

namespace ratsdoc {

void WarmUpPdfReader() {
  static std::once_flag once;
  std::call_once(once, [] {
    SourceDocument doc;
    // One page, one line of text in a standard font.
    const std::string tiny = ingest::AssemblePdf(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R "
         "/Resources << /Font << /F1 5 0 R >> >> >>",
         ingest::PdfStream("BT /F1 12 Tf 20 50 Td (Warm-up) Tj ET"),
         "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
    ingest::ReadPdf(tiny, IngestOptions{}, &doc);
  });
}

}  // namespace ratsdoc
