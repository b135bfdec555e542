// Archive: runs the pipeline over a whole archive, the way `ratsdoc process`,
// `extract` and `link` do. Files are analysed on several threads; each
// document is reduced to its fragment (fragment.h) as soon as it is read, its
// text released and its XML spooled to a temporary file, so memory grows with
// the graph (IDs, references, contexts), not with the archive's text. A
// fragment cache (`--cache DIR`) lets an unchanged file skip Poppler entirely
// on the next run.
//
//   CollectInputs     paths → every file under them, sorted, each once
//   FragmentStore     fragments (from ExtractArchive or fragment files) → a
//                     graph or fragment file, documents in source order
//   ExtractArchive    files → fragments, on N threads, through the cache
//   Summarize         a finished store → the end-of-run summary
//
// Thread-safety: FragmentStore::Add may be called from any thread; everything
// else from one thread at a time.
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "ratsdoc/fragment.h"
#include "ratsdoc/grammar.h"
#include "ratsdoc/graph.h"
#include "ratsdoc/ingest.h"
#include "ratsdoc/status.h"

namespace ratsdoc {

// Every file under `paths`, directories walked recursively (symbolic links to
// directories are not followed, so a link loop cannot trap the walk), sorted
// by path, each path once. A path that does not exist is kept, so that its
// error is recorded in the graph. Problems while walking go to `problems`.
std::vector<std::string> CollectInputs(const std::vector<std::string>& paths, std::vector<std::string>* problems);

// Fragments spooled to an unlinked temporary file; only their facts stay in memory.
class FragmentStore {
 public:
  // Creates the spool in `directory` (empty: $TMPDIR or /tmp). Fails with
  // kUnreadable when no temporary file can be made there.
  static Status Create(const std::string& directory, std::unique_ptr<FragmentStore>* store);
  ~FragmentStore();
  FragmentStore(const FragmentStore&) = delete;
  FragmentStore& operator=(const FragmentStore&) = delete;

  // Adds one document. Fails only when the spool cannot be written (disk full).
  Status Add(Fragment fragment);

  // Adds every <document> of a fragment file (`ratsdoc extract`) or graph file.
  // All files added must come from the same grammar (same fingerprint);
  // kInvalidArgument otherwise, or when the file is not a ratsdoc file.
  Status AddFile(const std::string& path);
  // The grammar named by the files added, and its fingerprint; empty before AddFile.
  const std::string& grammar() const { return grammar_; }
  const std::string& fingerprint() const { return fingerprint_; }

  // Sorts the documents by source path (a path added twice is kept once, the
  // first time it was added) and writes them: as a <fragments> file, or linked
  // as a <graph>. Links are kept for Summarize. REQUIRES: all Adds are done.
  // `extend`, when given, adds to the links once the documents are linked
  // (OParl's own links and the dump's papers, oparl.h).
  using LinkExtension = std::function<void(const std::vector<DocumentFacts>& documents, Links* links)>;
  Status WriteFragments(const Grammar& grammar, pugi::xml_writer& sink);
  Status WriteGraph(const Grammar& grammar, pugi::xml_writer& sink, const LinkExtension& extend = nullptr);

  // Facts of the documents, in the order written (sorted once Write* ran).
  const std::vector<DocumentFacts>& documents() const { return documents_; }
  const Links& links() const { return links_; }
  std::size_t size() const { return documents_.size(); }

 private:
  FragmentStore() = default;
  Status Write(const char* root, const Grammar& grammar, bool link, const LinkExtension& extend, pugi::xml_writer& sink);

  std::mutex mutex_;
  std::FILE* spool_ = nullptr;
  long long spool_end_ = 0;
  struct Entry {
    long long offset = 0;
    std::size_t length = 0;
  };
  std::vector<Entry> entries_;           // parallel to documents_
  std::vector<DocumentFacts> documents_;
  Links links_;
  std::string grammar_;
  std::string fingerprint_;
};

struct ExtractOptions {
  // Threads analysing files at once. Default 0: one per core.
  int threads = 0;
  // A directory for cached fragments, keyed by the file's SHA-256, the grammar
  // fingerprint and the ratsdoc version; created when missing. Default: none.
  std::string cache_dir;
  // Print a progress line (done/total, rate, ETA, errors) to standard error,
  // rewritten in place. Default: false; the command line sets it only when
  // standard error is a terminal and CI is not set.
  bool progress = false;
  // How files are read, including the budgets per document (ingest.h).
  IngestOptions ingest;
  // What the RIS says each file is (process --oparl, oparl.h): the metadata
  // of a path, or nullptr. Called from the analysis threads; what it returns
  // must outlive the run. A cached fragment is used only when it was made
  // with the same metadata. Default: none.
  std::function<const FileMetadata*(const std::string& path)> metadata;
  Trust trust = Trust::kMetadata;
};

// What one run did, printed at its end.
struct RunSummary {
  std::size_t documents = 0;
  std::map<std::string, std::size_t> kinds;   // kind → documents (read ones)
  std::map<std::string, std::size_t> errors;  // error code → documents
  std::size_t references = 0;
  std::size_t unresolved_references = 0;  // IDs that could not be completed from context
  std::size_t targets_outside = 0;        // cited vertices the archive does not hold
  std::size_t ocr_pages = 0;              // pages read by OCR
  std::size_t ocr_documents = 0;          // documents with such a page
  std::size_t cache_reused = 0;
  std::size_t cache_analysed = 0;
  std::size_t cache_damaged = 0;  // cache entries found damaged, ignored and rewritten
  int threads = 0;
  double wall_seconds = 0;
  double cpu_seconds = 0;
  long peak_memory_kb = 0;
};

// Analyses `files` on options.threads threads and adds each one's fragment
// to `store`. Every file gives a fragment, also those that cannot be read.
// Fails only when the cache directory cannot be made or the spool cannot be
// written; `summary` gets the thread and cache counts.
Status ExtractArchive(const std::vector<std::string>& files, const Grammar& grammar, const ExtractOptions& options,
                      FragmentStore* store, RunSummary* summary);

// Fills the document, kind, reference and error counts of `summary` from a
// written store, and the run's CPU time and peak memory from the process.
void Summarize(const FragmentStore& store, RunSummary* summary);

// The summary as a few lines for a person (no trailing newline).
std::string FormatSummary(const RunSummary& summary);

}  // namespace ratsdoc
