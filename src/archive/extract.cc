// Extraction of a whole archive on several threads, through the cache.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "archive/cache.h"
#include "archive/progress.h"
#include "common/hash.h"
#include "ingest/file_bytes.h"
#include "ratsdoc/archive.h"
#include "ratsdoc/ingest.h"

namespace ratsdoc {
namespace {

struct CacheCounts {
  std::atomic<std::size_t> reused{0};
  std::atomic<std::size_t> analysed{0};
};

// One file's fragment: from the cache when its bytes were seen before, else
// analysed (and cached when it was read cleanly; a document with an error or
// a warning names its path in the message, so it is analysed every time).
// The cache key covers the bytes, the reading options (OCR mode and language)
// and the metadata: the same bytes read otherwise or named otherwise by the
// RIS are another document.
Fragment FragmentOfFile(const std::string& path, const Grammar& grammar, const ExtractOptions& extract,
                        archive::FragmentCache* cache, CacheCounts* counts) {
  const IngestOptions& options = extract.ingest;
  const FileMetadata* metadata = extract.metadata ? extract.metadata(path) : nullptr;
  if (cache == nullptr) return MakeFragment(AnalyzeDocument(path, grammar, options, metadata, extract.trust));
  std::string bytes;
  if (!ingest::ReadFileBytes(path, &bytes, options.max_file_bytes).ok()) {
    // its error, as without a cache
    return MakeFragment(AnalyzeDocument(path, grammar, options, metadata, extract.trust));
  }
  const std::string sha256 = Sha256Hex(bytes);
  // The bytes, how they were read (OCR) and what the RIS says of them.
  std::string key_input = sha256 + '\n' + options.CacheKey();
  if (metadata != nullptr) {
    key_input += '\n' + std::string(extract.trust == Trust::kText ? "text" : "metadata") + '\n' + metadata->Fingerprint();
  }
  const std::string key = Sha256Hex(key_input);
  if (std::optional<Fragment> cached = cache->Lookup(key, sha256, path)) {
    ++counts->reused;
    return std::move(*cached);
  }
  ++counts->analysed;
  const DocumentRecord record =
      AnalyzeSource(ReadDocumentFromBytes(path, std::move(bytes), options), grammar, metadata, extract.trust);
  Fragment fragment = MakeFragment(record);
  if (record.status.ok() && record.warnings.empty()) cache->Store(key, fragment);
  return fragment;
}

// FragmentOfFile behind the document boundary: what escapes it (hashing, the
// cache, building the fragment) costs this file, as an internal error. Only
// when even that record cannot be built (memory exhausted twice) is the run
// told, through `*lost`.
Fragment GuardedFragmentOfFile(const std::string& path, const Grammar& grammar, const ExtractOptions& options,
                               archive::FragmentCache* cache, CacheCounts* counts, Status* lost) {
  try {
    return FragmentOfFile(path, grammar, options, cache, counts);
  } catch (...) {
    try {
      return MakeFragment(FailedAnalysis(path, "", "archive", std::current_exception()));
    } catch (...) {
      *lost = Status(ErrorCode::kInternal, "ratsdoc ran out of memory while recording the failure of " + path +
                                               "; the run stopped so that no document goes missing silently.");
      return Fragment{};
    }
  }
}

}  // namespace

Status ExtractArchive(const std::vector<std::string>& files, const Grammar& grammar, const ExtractOptions& options,
                      FragmentStore* store, RunSummary* summary) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<archive::FragmentCache> cache;
  if (!options.cache_dir.empty()) {
    Status status = archive::FragmentCache::Open(options.cache_dir, grammar, &cache);
    if (!status.ok()) return status;
  }
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int threads = std::max(1, std::min(options.threads > 0 ? options.threads : cores,
                                           static_cast<int>(std::max<std::size_t>(files.size(), 1))));
  if (threads > 1) PrepareForThreads(grammar);

  archive::Progress progress(files.size(), options.progress);
  CacheCounts counts;
  std::atomic<std::size_t> next{0};
  std::atomic<int> running{threads};
  std::mutex failure_mutex;
  Status failure;
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      Status status;
      Fragment fragment = GuardedFragmentOfFile(files[i], grammar, options, cache.get(), &counts, &status);
      const bool failed = !fragment.facts.error.empty();
      if (status.ok()) status = store->Add(std::move(fragment));
      if (!status.ok()) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        failure = status;
        next = files.size();  // the others stop after their current file
      }
      progress.Advance(failed);
    }
    --running;
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work);
  if (options.progress) {
    while (running > 0) {
      progress.Show();
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
  for (std::thread& thread : pool) thread.join();
  progress.Finish();

  summary->threads = threads;
  summary->cache_reused = counts.reused;
  summary->cache_analysed = counts.analysed;
  summary->cache_damaged = cache ? cache->damaged() : 0;
  summary->wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return failure;
}

}  // namespace ratsdoc
