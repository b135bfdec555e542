// The progress line of a long run on a terminal: done/total, rate, ETA and
// errors so far, rewritten in place on standard error at most a few times a
// second, and erased when the run ends.
//
// Thread-safety: Advance may be called from any thread; Show and Finish from
// the thread that owns the object.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>

namespace ratsdoc::archive {

class Progress {
 public:
  // Prints nothing when `enabled` is false.
  Progress(std::size_t total, bool enabled);

  void Advance(bool failed) {
    ++done_;
    if (failed) ++errors_;
  }

  // Rewrites the line.
  void Show();
  // Erases the line.
  void Finish();

 private:
  std::size_t total_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<std::size_t> done_{0};
  std::atomic<std::size_t> errors_{0};
  bool shown_ = false;
};

}  // namespace ratsdoc::archive
