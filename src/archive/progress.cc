#include "archive/progress.h"

#include <cstdio>

namespace ratsdoc::archive {

Progress::Progress(std::size_t total, bool enabled)
    : total_(total), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

void Progress::Show() {
  if (!enabled_) return;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::size_t done = done_;
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  char eta[32] = "--:--";
  if (rate > 0 && done < total_) {
    const auto left = static_cast<long>(static_cast<double>(total_ - done) / rate);
    std::snprintf(eta, sizeof eta, "%ld:%02ld:%02ld", left / 3600, left / 60 % 60, left % 60);
  }
  std::fprintf(stderr, "\r\033[Kratsdoc: %zu/%zu documents, %.1f/s, ETA %s, %zu errors", done, total_, rate, eta,
               static_cast<std::size_t>(errors_));
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Finish() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

}  // namespace ratsdoc::archive
