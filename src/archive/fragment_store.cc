// The fragment store: facts in memory, XML in an unlinked spool file.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <numeric>

#include "ratsdoc/archive.h"
#include "ratsdoc/document_xml.h"

namespace ratsdoc {

Status FragmentStore::Create(const std::string& directory, std::unique_ptr<FragmentStore>* store) {
  std::string dir = directory;
  if (dir.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    dir = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
  }
  std::string name = dir + "/.ratsdoc-spool-XXXXXX";
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    return Status(ErrorCode::kUnreadable,
                  "cannot make a temporary file in " + dir + " to hold the documents: " + std::strerror(errno));
  }
  unlink(name.c_str());  // gone with the process, however it ends
  std::unique_ptr<FragmentStore> out(new FragmentStore());
  out->spool_ = fdopen(fd, "w+b");
  if (out->spool_ == nullptr) {
    close(fd);
    return Status(ErrorCode::kUnreadable, "cannot open the temporary file in " + dir + ": " + std::strerror(errno));
  }
  *store = std::move(out);
  return Status::Ok();
}

FragmentStore::~FragmentStore() {
  if (spool_ != nullptr) std::fclose(spool_);
}

Status FragmentStore::Add(Fragment fragment) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Appends: the spool is only read back (and repositioned) once all Adds are done.
  if (std::fwrite(fragment.xml.data(), 1, fragment.xml.size(), spool_) != fragment.xml.size()) {
    return Status(ErrorCode::kUnreadable, std::string("cannot write the temporary file of documents: ") +
                                              std::strerror(errno));
  }
  entries_.push_back(Entry{spool_end_, fragment.xml.size()});
  spool_end_ += static_cast<long long>(fragment.xml.size());
  documents_.push_back(std::move(fragment.facts));
  return Status::Ok();
}

Status FragmentStore::AddFile(const std::string& path) {
  pugi::xml_document xml;
  const pugi::xml_parse_result parsed = xml.load_file(path.c_str(), kFragmentParseOptions);
  if (parsed.status == pugi::status_file_not_found || parsed.status == pugi::status_io_error) {
    return Status(ErrorCode::kUnreadable, "cannot read the fragment file " + path);
  }
  if (!parsed) {
    return Status(ErrorCode::kInvalidArgument, path + " is not well-formed XML (" + parsed.description() +
                                                   " at byte " + std::to_string(parsed.offset) + ")");
  }
  const pugi::xml_node root = xml.document_element();
  const std::string name = root.name();
  if ((name != "fragments" && name != "graph") || std::string(root.attribute("xmlns").as_string()) != kGraphNamespace) {
    return Status(ErrorCode::kInvalidArgument, path + " is not a file written by ratsdoc extract or process");
  }
  const std::string grammar = root.attribute("grammar").as_string();
  const std::string fingerprint = root.attribute("grammarFingerprint").as_string();
  if (fingerprint_.empty()) {
    grammar_ = grammar;
    fingerprint_ = fingerprint;
  } else if (fingerprint != fingerprint_) {
    return Status(ErrorCode::kInvalidArgument, path + " was made with grammar " + grammar + " " +
                                                   fingerprint.substr(0, 12) + ", the files before it with " +
                                                   grammar_ + " " + fingerprint_.substr(0, 12) +
                                                   "; extract them again with one grammar");
  }
  for (pugi::xml_node document : root.children("document")) {
    Fragment fragment;
    Status status = FragmentOf(document, &fragment);
    if (!status.ok()) return Status(ErrorCode::kInvalidArgument, path + ": " + status.message());
    status = Add(std::move(fragment));
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status FragmentStore::WriteFragments(const Grammar& grammar, pugi::xml_writer& sink) {
  return Write("fragments", grammar, /*link=*/false, nullptr, sink);
}

Status FragmentStore::WriteGraph(const Grammar& grammar, pugi::xml_writer& sink, const LinkExtension& extend) {
  return Write("graph", grammar, /*link=*/true, extend, sink);
}

Status FragmentStore::Write(const char* root, const Grammar& grammar, bool link, const LinkExtension& extend,
                            pugi::xml_writer& sink) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Source order; a source added twice (overlapping shards) is kept once.
  std::vector<std::size_t> order(documents_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return documents_[a].source < documents_[b].source; });
  order.erase(std::unique(order.begin(), order.end(),
                          [&](std::size_t a, std::size_t b) { return documents_[a].source == documents_[b].source; }),
              order.end());
  std::vector<DocumentFacts> sorted;
  std::vector<Entry> entries;
  sorted.reserve(order.size());
  entries.reserve(order.size());
  for (std::size_t i : order) {
    sorted.push_back(std::move(documents_[i]));
    entries.push_back(entries_[i]);
  }
  documents_ = std::move(sorted);
  entries_ = std::move(entries);
  if (link) {
    links_ = LinkDocuments(documents_, grammar);
    if (extend) extend(documents_, &links_);
  }

  GraphXmlWriter writer(sink, root, grammar.name(), grammar.fingerprint());
  std::string buffer;
  for (const Entry& entry : entries_) {
    buffer.resize(entry.length);
    if (std::fseek(spool_, entry.offset, SEEK_SET) != 0 ||
        std::fread(buffer.data(), 1, entry.length, spool_) != entry.length) {
      return Status(ErrorCode::kUnreadable, "cannot read back the temporary file of documents");
    }
    writer.Document(buffer);
  }
  if (link) writer.Links(links_);
  writer.Close();
  return Status::Ok();
}

}  // namespace ratsdoc
