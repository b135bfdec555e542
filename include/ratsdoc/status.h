// Status: the outcome of every operation that can fail at a boundary of
// ratsdoc (reading a file, opening a PDF, loading a grammar). A Status is a
// small value: a fixed ErrorCode that tools can switch on, plus a sentence for a
// person. Poppler, ICU and RE2 failures are turned into a Status inside their
// adapters; only the command line turns a Status into an exit code.
//
// Thread-safety: Status is a plain value type; distinct objects may be used from
// distinct threads freely.
#pragma once

#include <string>
#include <string_view>

namespace ratsdoc {

// The fixed error vocabulary. Each code has a stable kebab-case name (see
// ErrorCodeName) that appears in the graph XML as <error code="...">.
enum class ErrorCode {
  kOk,
  kUnreadable,      // the path cannot be opened or read (missing, a directory, permissions)
  kEmptyFile,       // zero bytes, or nothing but whitespace
  kBinary,          // neither a PDF nor text in a supported encoding
  kPdfEncrypted,    // the PDF needs a password (or an unsupported security handler)
  kPdfDamaged,      // the PDF structure is broken or truncated beyond repair
  kPdfNoText,       // the PDF has pages but no text layer (a scan: OCR needed)
  kTooLarge,        // the file is larger than the per-document size budget; not read
  kInvalidGrammar,  // a grammar file does not load or a pattern does not compile
  kInvalidArgument, // a caller passed something unusable (e.g. an unknown grammar name)
  kInternal,        // a bug in ratsdoc; the message says what was being done
};

// Stable machine name of `code`, e.g. "pdf-encrypted". Never empty.
std::string_view ErrorCodeName(ErrorCode code);

class Status {
 public:
  // An ok status carries no message.
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  // A complete sentence for a person, naming the file or rule concerned.
  const std::string& message() const { return message_; }

  // "pdf-encrypted: <message>" or "ok".
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

}  // namespace ratsdoc
