// The fragment cache of `--cache DIR`: one file per analysed document, named
// by a SHA-256 of its bytes' hash and how it was read (OCR mode and language,
// the RIS's metadata; extract.cc), in a folder named by the grammar fingerprint and
// the ratsdoc version, so that a changed grammar or program never sees entries
// made by another. An entry is its fragment's XML after a header line with the
// SHA-256 of that XML; an entry whose header, checksum or XML is wrong is
// damaged: it is reported, deleted and made again, never used.
//
// Thread-safety: Lookup and Store may be called from any thread; entries are
// written to a temporary file and renamed into place.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "ratsdoc/fragment.h"
#include "ratsdoc/grammar.h"
#include "ratsdoc/status.h"

namespace ratsdoc::archive {

class FragmentCache {
 public:
  // Makes (when missing) DIR and its folder for `grammar`. Fails with
  // kUnreadable when it cannot be made or written.
  static Status Open(const std::string& dir, const Grammar& grammar, std::unique_ptr<FragmentCache>* cache);

  // The cached fragment stored under `key` (a SHA-256 of the content's hash
  // and whatever else decided the analysis: reading options, metadata), its
  // source set to `source`; nullopt when there is none or it is damaged — its
  // document is not of content `sha256` — (then counted in damaged()).
  std::optional<Fragment> Lookup(const std::string& key, const std::string& sha256, const std::string& source);

  // Caches `fragment` under `key`. A failure to write is ignored: the cache
  // only saves work.
  void Store(const std::string& key, const Fragment& fragment);

  std::size_t damaged() const { return damaged_; }

 private:
  explicit FragmentCache(std::string folder) : folder_(std::move(folder)) {}
  std::string PathOf(const std::string& key) const;

  std::string folder_;
  std::atomic<std::size_t> damaged_{0};
};

}  // namespace ratsdoc::archive
