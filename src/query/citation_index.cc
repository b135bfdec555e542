// The citation index file: layout in docs/cites-index.md.
#include "query/citation_index.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <limits>
#include <cstdio>
#include <cstring>

#include "common/hash.h"
#include "common/numbers.h"

namespace ratsdoc {
namespace query {
namespace {

constexpr std::string_view kMagic = "ratsdoc-cites 1\n";
constexpr std::string_view kMagicPrefix = "ratsdoc-cites ";
constexpr std::string_view kTrailerTag = "ratsdoc-cites-end";
constexpr int kNumberWidth = 20;  // digits of every number in the trailer
// tag, three numbers and the hash, tab-separated, and the newline.
constexpr std::size_t kTrailerBytes = kTrailerTag.size() + 3 * (1 + kNumberWidth) + 1 + 64 + 1;
constexpr std::size_t kMaxHeaderBytes = 16 * 1024;
constexpr int kCitationFields = 10;
// Characters written as a backslash and a letter: kEscaped[i] as "\\" + kEscapeLetters[i].
constexpr std::string_view kEscaped = "\\\t\n\r";
constexpr std::string_view kEscapeLetters = "\\tnr";

std::string SystemError() { return std::strerror(errno); }

bool IsHex64(std::string_view text) {
  return text.size() == 64 &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

template <typename Number>
bool ParseNumber(std::string_view text, Number* value) {
  if (text.size() > kNumberWidth) return false;
  constexpr auto kMax = static_cast<std::int64_t>(
      std::min<std::uint64_t>(std::numeric_limits<Number>::max(), std::numeric_limits<std::int64_t>::max()));
  const std::optional<std::int64_t> parsed = numbers::Parse(text, numbers::Range{0, kMax, "index number"});
  if (!parsed) return false;
  *value = static_cast<Number>(*parsed);
  return true;
}

// Splits `line` (without its newline) at tabs into exactly `fields.size()` parts.
template <std::size_t N>
bool SplitFields(std::string_view line, std::array<std::string_view, N>* fields) {
  std::size_t begin = 0;
  for (std::size_t i = 0; i + 1 < N; ++i) {
    const std::size_t tab = line.find('\t', begin);
    if (tab == std::string_view::npos) return false;
    (*fields)[i] = line.substr(begin, tab - begin);
    begin = tab + 1;
  }
  (*fields)[N - 1] = line.substr(begin);
  return (*fields)[N - 1].find('\t') == std::string_view::npos;
}

std::string Zeros(std::uint64_t value) {
  char buffer[kNumberWidth + 1];
  std::snprintf(buffer, sizeof buffer, "%020llu", static_cast<unsigned long long>(value));
  return buffer;
}

void AppendCitationLine(std::string_view target, const Citation& citation, std::string* out) {
  for (std::string_view field :
       {target, std::string_view(citation.document), std::string_view(citation.kind), std::string_view(citation.date),
        std::string_view(citation.source), std::string_view(citation.unit), std::string_view(citation.relation),
        std::string_view(citation.text)}) {
    AppendEscaped(field, out);
    *out += '\t';
  }
  *out += std::to_string(citation.page);
  *out += '\t';
  AppendEscaped(citation.context, out);
  *out += '\n';
}

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return Status(ErrorCode::kUnreadable, "cannot write " + path + ": " + SystemError());
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return Status::Ok();
}

}  // namespace

FileDescriptor::~FileDescriptor() {
  if (fd_ >= 0) ::close(fd_);
}

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

Status OpenForReading(const std::string& path, FileDescriptor* fd) {
  FileDescriptor opened(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!opened) return Status(ErrorCode::kUnreadable, "cannot read " + path + ": " + SystemError());
  struct stat info;
  if (::fstat(opened.get(), &info) != 0) {
    return Status(ErrorCode::kUnreadable, "cannot read " + path + ": " + SystemError());
  }
  if (!S_ISREG(info.st_mode)) return Status(ErrorCode::kUnreadable, "cannot read " + path + ": not a regular file");
  *fd = std::move(opened);
  return Status::Ok();
}

Status ReadAt(int fd, std::uint64_t offset, std::size_t size, const std::string& what, std::string* out) {
  out->resize(size);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t got = ::pread(fd, out->data() + done, size - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return Status(ErrorCode::kUnreadable, "cannot read " + what + ": " + SystemError());
    if (got == 0) return Status(ErrorCode::kUnreadable, "cannot read " + what + ": it ends early");
    done += static_cast<std::size_t>(got);
  }
  return Status::Ok();
}

Status FingerprintGraph(int fd, const std::string& path, GraphFingerprint* fingerprint) {
  struct stat info;
  if (::fstat(fd, &info) != 0) return Status(ErrorCode::kUnreadable, "cannot read " + path + ": " + SystemError());
  const auto size = static_cast<std::uint64_t>(info.st_size);
  const auto head_bytes = static_cast<std::size_t>(std::min(size, kFingerprintHead));
  const auto tail_bytes = static_cast<std::size_t>(std::min(size, kFingerprintTail));
  std::string head;
  std::string tail;
  Status status = ReadAt(fd, 0, head_bytes, path, &head);
  if (status.ok()) status = ReadAt(fd, size - tail_bytes, tail_bytes, path, &tail);
  if (!status.ok()) return status;
  fingerprint->size = size;
  fingerprint->sha256 = Sha256Hex(head + tail);
  return Status::Ok();
}

void AppendEscaped(std::string_view field, std::string* out) {
  static constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> special{};
    for (const char c : kEscaped) special[static_cast<unsigned char>(c)] = true;
    return special;
  }();
  for (;;) {
    std::size_t special = 0;
    while (special < field.size() && !kSpecial[static_cast<unsigned char>(field[special])]) ++special;
    out->append(field.substr(0, special));
    if (special == field.size()) return;
    *out += '\\';
    *out += kEscapeLetters[kEscaped.find(field[special])];
    field.remove_prefix(special + 1);
  }
}

bool Unescape(std::string_view field, std::string* out) {
  out->clear();
  out->reserve(field.size());
  for (;;) {
    const std::size_t escape = field.find('\\');
    out->append(field.substr(0, escape));
    if (escape == std::string_view::npos) return true;
    const std::size_t letter =
        escape + 1 < field.size() ? kEscapeLetters.find(field[escape + 1]) : std::string_view::npos;
    if (letter == std::string_view::npos) return false;
    *out += kEscaped[letter];
    field.remove_prefix(escape + 2);
  }
}

Status WriteIndexFile(const std::string& path, const std::string& grammar, const GraphFingerprint& fingerprint,
                      const std::vector<DocumentFacts>& documents) {
  const std::vector<CitationSlot> slots = SelectCitations(documents);
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (!fd) return Status(ErrorCode::kUnreadable, "cannot write " + path + ": " + SystemError());

  std::string header(kMagic);
  header += "grammar\t";
  AppendEscaped(grammar, &header);
  header += "\ngraph\t" + std::to_string(fingerprint.size) + "\t" + fingerprint.sha256 + "\n";
  Status status = WriteAll(fd.get(), header, path);

  std::uint64_t offset = header.size();
  std::string table;
  std::string block;
  std::string first_target;
  std::uint64_t block_citations = 0;
  std::uint64_t blocks = 0;
  const auto flush = [&]() {
    table += std::to_string(offset) + "\t" + std::to_string(block.size()) + "\t" + std::to_string(block_citations) +
             "\t" + Sha256Hex(block) + "\t";
    AppendEscaped(first_target, &table);
    table += '\n';
    if (status.ok()) status = WriteAll(fd.get(), block, path);
    offset += block.size();
    ++blocks;
    block.clear();
    block_citations = 0;
  };
  block.reserve(2 * kBlockBytes);
  for (const CitationSlot& slot : slots) {
    if (!status.ok()) break;
    const DocumentFacts& document = documents[slot.document];
    const Reference& reference = document.references[slot.reference];
    if (block.empty()) first_target = reference.target;
    AppendCitationLine(reference.target, MakeCitation(document, reference), &block);
    ++block_citations;
    if (block.size() >= kBlockBytes) flush();
  }
  if (!block.empty()) flush();
  if (!status.ok()) return status;

  std::string trailer(kTrailerTag);
  trailer += "\t" + Zeros(offset) + "\t" + Zeros(blocks) + "\t" + Zeros(slots.size()) + "\t" +
             Sha256Hex(header + table) + "\n";
  status = WriteAll(fd.get(), table + trailer, path);
  if (!status.ok()) return status;
  if (::close(fd.release()) != 0) return Status(ErrorCode::kUnreadable, "cannot write " + path + ": " + SystemError());
  return Status::Ok();
}

Status CitationIndexReader::Damaged(const std::string& what) const {
  return Status(ErrorCode::kInvalidArgument, path_ + " is damaged: " + what);
}

Status CitationIndexReader::Open(const std::string& path, int graph_fd, const std::string& graph_path,
                                 CitationIndexReader* reader) {
  CitationIndexReader out;
  Status status = OpenForReading(path, &out.fd_);
  if (!status.ok()) return status;
  out.path_ = path;
  std::string header;
  GraphFingerprint recorded;
  status = out.ReadHeader(&header, &recorded);
  if (!status.ok()) return status;
  // Only now is the graph read: an absent or foreign index costs nothing more.
  GraphFingerprint actual;
  status = FingerprintGraph(graph_fd, graph_path, &actual);
  if (!status.ok()) return status;
  if (!(actual == recorded)) {
    return Status(ErrorCode::kInvalidArgument,
                  path + " belongs to another graph file than " + graph_path + " (its size or hash differ)");
  }
  status = out.ReadTable(header);
  if (!status.ok()) return status;
  *reader = std::move(out);
  return Status::Ok();
}

Status CitationIndexReader::ReadHeader(std::string* header, GraphFingerprint* recorded) {
  struct stat info;
  if (::fstat(fd_.get(), &info) != 0) {
    return Status(ErrorCode::kUnreadable, "cannot read " + path_ + ": " + SystemError());
  }
  size_ = static_cast<std::uint64_t>(info.st_size);
  std::string start;
  Status status =
      ReadAt(fd_.get(), 0, static_cast<std::size_t>(std::min<std::uint64_t>(size_, kMaxHeaderBytes)), path_, &start);
  if (!status.ok()) return status;
  if (start.compare(0, kMagicPrefix.size(), kMagicPrefix) == 0 && start.compare(0, kMagic.size(), kMagic) != 0) {
    return Status(ErrorCode::kInvalidArgument, path_ + " is a citation index of another version");
  }
  if (start.compare(0, kMagic.size(), kMagic) != 0) return Damaged("it does not start with \"ratsdoc-cites 1\"");
  const std::size_t grammar_end = start.find('\n', kMagic.size());
  const std::size_t graph_end = grammar_end == std::string::npos ? grammar_end : start.find('\n', grammar_end + 1);
  if (graph_end == std::string::npos) return Damaged("its header is incomplete");
  std::array<std::string_view, 2> grammar;
  std::array<std::string_view, 3> graph;
  const std::string_view view(start);
  if (!SplitFields(view.substr(kMagic.size(), grammar_end - kMagic.size()), &grammar) || grammar[0] != "grammar" ||
      !Unescape(grammar[1], &grammar_)) {
    return Damaged("its grammar line is malformed");
  }
  if (!SplitFields(view.substr(grammar_end + 1, graph_end - grammar_end - 1), &graph) || graph[0] != "graph" ||
      !ParseNumber(graph[1], &recorded->size) || !IsHex64(graph[2])) {
    return Damaged("its graph line is malformed");
  }
  recorded->sha256 = std::string(graph[2]);
  *header = start.substr(0, graph_end + 1);
  return Status::Ok();
}

Status CitationIndexReader::ReadTable(std::string_view header) {
  if (size_ < header.size() + kTrailerBytes) return Damaged("it is truncated");
  std::string trailer;
  Status status = ReadAt(fd_.get(), size_ - kTrailerBytes, kTrailerBytes, path_, &trailer);
  if (!status.ok()) return status;
  std::array<std::string_view, 5> fields;
  std::uint64_t table_offset = 0;
  std::uint64_t block_count = 0;
  if (trailer.back() != '\n' || !SplitFields(std::string_view(trailer).substr(0, kTrailerBytes - 1), &fields) ||
      fields[0] != kTrailerTag || fields[1].size() != kNumberWidth || fields[2].size() != kNumberWidth ||
      fields[3].size() != kNumberWidth || !ParseNumber(fields[1], &table_offset) ||
      !ParseNumber(fields[2], &block_count) || !ParseNumber(fields[3], &citations_) || !IsHex64(fields[4])) {
    return Damaged("it is truncated or its trailer is malformed");
  }
  if (table_offset < header.size() || table_offset > size_ - kTrailerBytes) return Damaged("its table is out of place");
  std::string table;
  status =
      ReadAt(fd_.get(), table_offset, static_cast<std::size_t>(size_ - kTrailerBytes - table_offset), path_, &table);
  if (!status.ok()) return status;
  if (Sha256Hex(std::string(header) + table) != fields[4]) {
    return Damaged("its header or table does not match its hash");
  }

  // The hash says these are the bytes written; still check what they claim.
  std::uint64_t expected_offset = header.size();
  std::uint64_t citations = 0;
  std::string_view rest(table);
  blocks_.clear();
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    if (end == std::string_view::npos) return Damaged("its table is malformed");
    std::array<std::string_view, 5> columns;
    Block block;
    if (!SplitFields(rest.substr(0, end), &columns) || !ParseNumber(columns[0], &block.offset) ||
        !ParseNumber(columns[1], &block.bytes) || !ParseNumber(columns[2], &block.citations) ||
        columns[3].size() != block.sha256.size() || !Unescape(columns[4], &block.first_target) ||
        block.offset != expected_offset || block.bytes == 0 || block.citations == 0 ||
        (!blocks_.empty() && block.first_target < blocks_.back().first_target)) {
      return Damaged("its table is malformed");
    }
    std::copy(columns[3].begin(), columns[3].end(), block.sha256.begin());
    expected_offset += block.bytes;
    citations += block.citations;
    blocks_.push_back(std::move(block));
    rest.remove_prefix(end + 1);
  }
  if (blocks_.size() != block_count || expected_offset != table_offset || citations != citations_) {
    return Damaged("its table does not add up");
  }
  return Status::Ok();
}

Status CitationIndexReader::ScanBlock(std::size_t index, std::string_view target, std::vector<Citation>* out,
                                      bool* past) const {
  const Block& block = blocks_[index];
  std::string bytes;
  Status status = ReadAt(fd_.get(), block.offset, static_cast<std::size_t>(block.bytes), path_, &bytes);
  if (!status.ok()) return status;
  if (Sha256Hex(bytes) != std::string_view(block.sha256.data(), block.sha256.size())) {
    return Damaged("block " + std::to_string(index) + " does not match its hash");
  }
  std::string_view rest(bytes);
  std::string unescaped;
  std::string previous = block.first_target;
  std::uint64_t lines = 0;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    std::array<std::string_view, kCitationFields> fields;
    if (end == std::string_view::npos || !SplitFields(rest.substr(0, end), &fields)) {
      return Damaged("block " + std::to_string(index) + " is malformed");
    }
    rest.remove_prefix(end + 1);
    // Most targets need no unescaping: compare them in place.
    std::string_view line_target = fields[0];
    if (line_target.find('\\') != std::string_view::npos) {
      if (!Unescape(line_target, &unescaped)) return Damaged("block " + std::to_string(index) + " is malformed");
      line_target = unescaped;
    }
    if (line_target < previous || (lines == 0 && line_target != block.first_target)) {
      return Damaged("block " + std::to_string(index) + " is out of order");
    }
    ++lines;
    if (line_target > target) *past = true;  // the rest of the block is still checked
    if (line_target == target) {
      Citation citation;
      std::string* const text[] = {&citation.document, &citation.kind,     &citation.date, &citation.source,
                                   &citation.unit,     &citation.relation, &citation.text};
      bool ok = ParseNumber(fields[8], &citation.page) && Unescape(fields[9], &citation.context);
      for (std::size_t i = 0; ok && i < std::size(text); ++i) ok = Unescape(fields[i + 1], text[i]);
      if (!ok) return Damaged("block " + std::to_string(index) + " is malformed");
      out->push_back(std::move(citation));
    }
    previous.assign(line_target);
  }
  if (lines != block.citations) return Damaged("block " + std::to_string(index) + " does not add up");
  return Status::Ok();
}

Status CitationIndexReader::Lookup(std::string_view target, std::vector<Citation>* out) const {
  // Blocks are sorted by their first target; `target` may begin in the last
  // block that starts before it and run on through blocks that start with it.
  auto next = std::partition_point(blocks_.begin(), blocks_.end(),
                                   [target](const Block& block) { return block.first_target < target; });
  if (next != blocks_.begin()) --next;
  bool past = false;
  for (auto block = next; block != blocks_.end() && !past && block->first_target <= target; ++block) {
    Status status = ScanBlock(static_cast<std::size_t>(block - blocks_.begin()), target, out, &past);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace query

std::string CitationIndexPath(const std::string& graph_path) { return graph_path + ".cites"; }

Status WriteCitationIndex(const std::string& graph_path, const std::string& grammar,
                          const std::vector<DocumentFacts>& documents) {
  const std::string path = CitationIndexPath(graph_path);
  query::FileDescriptor graph;
  Status status = query::OpenForReading(graph_path, &graph);
  query::GraphFingerprint fingerprint;
  if (status.ok()) status = query::FingerprintGraph(graph.get(), graph_path, &fingerprint);
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  if (status.ok()) status = query::WriteIndexFile(temporary, grammar, fingerprint, documents);
  if (status.ok() && ::rename(temporary.c_str(), path.c_str()) != 0) {
    status = Status(ErrorCode::kUnreadable, "cannot rename " + temporary + " to " + path + ": " + std::strerror(errno));
  }
  if (!status.ok()) {
    ::unlink(temporary.c_str());
    // An older index must not outlive a failed write: its fingerprint covers
    // only part of the graph, so it might pass for this one.
    ::unlink(path.c_str());
  }
  return status;
}

}  // namespace ratsdoc
