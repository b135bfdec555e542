#include "ratsdoc/status.h"

namespace ratsdoc {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kUnreadable: return "unreadable";
    case ErrorCode::kEmptyFile: return "empty-file";
    case ErrorCode::kBinary: return "binary";
    case ErrorCode::kPdfEncrypted: return "pdf-encrypted";
    case ErrorCode::kPdfDamaged: return "pdf-damaged";
    case ErrorCode::kPdfNoText: return "pdf-no-text";
    case ErrorCode::kTooLarge: return "too-large";
    case ErrorCode::kInvalidGrammar: return "invalid-grammar";
    case ErrorCode::kInvalidArgument: return "invalid-argument";
    case ErrorCode::kInternal: return "internal-error";
  }
  return "internal-error";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out(ErrorCodeName(code_));
  out += ": ";
  out += message_;
  return out;
}

}  // namespace ratsdoc
