#include "ingest/text_decoder.h"

#include <algorithm>
#include <memory>

#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include "common/utf8.h"

namespace ratsdoc::ingest {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;
// Random bytes are about 12 % C0 controls; text has at most a stray few.
constexpr double kMaxControlShare = 0.05;

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

Status Convert(std::string_view bytes, const char* charset, DecodedText* out) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  if (unicode.isBogus() || U_FAILURE(error)) {
    return Status(ErrorCode::kInternal, std::string("ICU could not convert from ") + charset);
  }
  out->utf8.clear();
  unicode.toUTF8String(out->utf8);
  out->encoding = charset;
  return Status::Ok();
}

// Share of bytes that are control characters no text file contains.
double ControlShare(std::string_view sample) {
  if (sample.empty()) return 0;
  std::size_t controls = 0;
  for (unsigned char c : sample) {
    const bool text_control = c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1B;
    if (c < 0x20 && !text_control) ++controls;
    if (c == 0x7F) ++controls;
  }
  return static_cast<double>(controls) / static_cast<double>(sample.size());
}

// UTF-16 without a byte-order mark: text in a Latin script has a NUL in every
// other byte. Returns "UTF-16LE", "UTF-16BE" or nullptr.
const char* SniffBomlessUtf16(std::string_view sample) {
  if (sample.size() < 8) return nullptr;
  std::size_t even_nuls = 0, odd_nuls = 0;
  for (std::size_t i = 0; i + 1 < sample.size(); i += 2) {
    even_nuls += sample[i] == '\0';
    odd_nuls += sample[i + 1] == '\0';
  }
  const std::size_t pairs = sample.size() / 2;
  if (odd_nuls > pairs * 7 / 10 && even_nuls < pairs / 20) return "UTF-16LE";
  if (even_nuls > pairs * 7 / 10 && odd_nuls < pairs / 20) return "UTF-16BE";
  return nullptr;
}

// One of the 8-bit Latin encodings. ICU's detector tells Latin-1 from others;
// C1 bytes (0x80–0x9F) are printable only in Windows-1252 („ “ – €), and a 0xA4
// without them is far more likely ISO-8859-15's € than Latin-1's ¤.
const char* DetectLatin(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, kSniffBytes);
  const bool has_c1 = std::any_of(sample.begin(), sample.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 && u <= 0x9F;
  });
  if (has_c1) return "windows-1252";
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&error), ucsdet_close);
  if (U_SUCCESS(error)) {
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &error);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &error);
    for (int32_t i = 0; U_SUCCESS(error) && i < count; ++i) {
      const std::string_view name = ucsdet_getName(matches[i], &error);
      if (name == "windows-1252") return "windows-1252";
      if (name == "ISO-8859-1" || name == "ISO-8859-15") break;
    }
  }
  if (sample.find('\xA4') != std::string_view::npos) return "ISO-8859-15";
  return "ISO-8859-1";
}

}  // namespace

Status DecodeText(const std::string& path, std::string_view bytes, DecodedText* out) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    out->utf8.assign(bytes.substr(3));
    out->encoding = "UTF-8";
    if (!utf8::IsValid(out->utf8)) return Convert(bytes.substr(3), "UTF-8", out);  // repairs with U+FFFD
    return Status::Ok();
  }
  if (StartsWith(bytes, "\xFF\xFE")) return Convert(bytes.substr(2), "UTF-16LE", out);
  if (StartsWith(bytes, "\xFE\xFF")) return Convert(bytes.substr(2), "UTF-16BE", out);

  const std::string_view sample = bytes.substr(0, kSniffBytes);
  if (const char* utf16 = SniffBomlessUtf16(sample)) return Convert(bytes, utf16, out);

  // Decide binary before UTF-8: NUL-laden data can be "valid UTF-8".
  if (ControlShare(sample) > kMaxControlShare) {
    return Status(ErrorCode::kBinary, "The file " + path +
                                          " is neither a PDF nor text: it contains binary data (control bytes), "
                                          "so ratsdoc cannot read it.");
  }
  if (utf8::IsValid(bytes)) {
    out->utf8.assign(bytes);
    out->encoding = "UTF-8";
    return Status::Ok();
  }
  return Convert(bytes, DetectLatin(bytes), out);
}

}  // namespace ratsdoc::ingest
