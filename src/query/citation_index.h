// The citation index file (docs/cites-index.md): how CitationsByTarget's answer
// is laid out on disk, written and read back. Reading trusts nothing it has
// not checked: the header and block table against their hash when opened,
// each block against its own hash when read.
//
// Thread-safety: a CitationIndexReader is immutable after Open and reads with
// pread, so lookups may run on many threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ratsdoc/graph.h"
#include "ratsdoc/query.h"
#include "ratsdoc/status.h"

namespace ratsdoc::query {

// An open file descriptor, closed with its owner.
class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor();
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.release()) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }
  explicit operator bool() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// Opens `path` for reading. Returns kUnreadable, naming the path and the
// system's reason, when it cannot be opened or is not a regular file.
Status OpenForReading(const std::string& path, FileDescriptor* fd);

// Reads exactly `size` bytes at `offset` of `fd` into `out`. Returns
// kUnreadable (naming `what`) on an I/O error or when the file is shorter.
Status ReadAt(int fd, std::uint64_t offset, std::size_t size, const std::string& what, std::string* out);

// Which graph file an index belongs to: its size, and the SHA-256 of its
// first 64 KiB followed by its last MiB (the two overlap in a small graph).
// The head holds the root element and the first documents, the tail the
// edges, which change with almost any change of the documents.
struct GraphFingerprint {
  std::uint64_t size = 0;
  std::string sha256;  // lowercase hex

  friend bool operator==(const GraphFingerprint&, const GraphFingerprint&) = default;
};
inline constexpr std::uint64_t kFingerprintHead = 64 * 1024;
inline constexpr std::uint64_t kFingerprintTail = 1024 * 1024;

// The fingerprint of the open graph file `fd` (named `path` in errors).
// Cost: reads at most 64 KiB + 1 MiB.
Status FingerprintGraph(int fd, const std::string& path, GraphFingerprint* fingerprint);

// The citations CitationsByTarget selects, as positions in `documents`:
// documents[document].references[reference], whose target `target` views.
// Sorted as CitationsByTarget; valid while `documents` is.
struct CitationSlot {
  std::string_view target;
  std::size_t document;
  std::size_t reference;
};
std::vector<CitationSlot> SelectCitations(const std::vector<DocumentFacts>& documents);
Citation MakeCitation(const DocumentFacts& document, const Reference& reference);

// Field escaping of the index: '\\' → "\\\\", tab → "\\t", newline → "\\n",
// carriage return → "\\r". Unescape returns false on any other '\\' sequence.
void AppendEscaped(std::string_view field, std::string* out);
bool Unescape(std::string_view field, std::string* out);

// A new index block starts once the current one holds this many bytes: a
// lookup reads and hashes one or two blocks of about this size.
inline constexpr std::size_t kBlockBytes = 64 * 1024;

// Writes the index of `documents` for the graph `fingerprint` to `path`
// (directly; the caller renames). Returns kUnreadable when it cannot be written.
Status WriteIndexFile(const std::string& path, const std::string& grammar, const GraphFingerprint& fingerprint,
                      const std::vector<DocumentFacts>& documents);

class CitationIndexReader {
 public:
  // Opens the index at `path` if it is intact and made for the open graph
  // file `graph_fd` (named `graph_path`). Returns kUnreadable when there is no
  // readable index (or the graph cannot be read for its fingerprint), and
  // kInvalidArgument, saying why, when the index is damaged or another graph's.
  // Cost: reads the header, the block table, the trailer (together about 1/500
  // of the index) and 2 MiB of the graph.
  static Status Open(const std::string& path, int graph_fd, const std::string& graph_path, CitationIndexReader* reader);

  const std::string& grammar() const { return grammar_; }
  std::uint64_t citation_count() const { return citations_; }

  // Appends the citations of `target` to `out`, in index order. Returns
  // kInvalidArgument when a block it needs is damaged, kUnreadable when it
  // cannot be read (`out` is then incomplete).
  Status Lookup(std::string_view target, std::vector<Citation>* out) const;

 private:
  struct Block {
    std::uint64_t offset;
    std::uint64_t bytes;
    std::uint64_t citations;
    std::array<char, 64> sha256;  // lowercase hex
    std::string first_target;     // unescaped
  };
  Status ReadHeader(std::string* header, GraphFingerprint* recorded);
  Status ReadTable(std::string_view header);
  Status ScanBlock(std::size_t block, std::string_view target, std::vector<Citation>* out, bool* past) const;
  Status Damaged(const std::string& what) const;

  FileDescriptor fd_;
  std::string path_;
  std::uint64_t size_ = 0;
  std::string grammar_;
  std::uint64_t citations_ = 0;
  std::vector<Block> blocks_;
};

}  // namespace ratsdoc::query
