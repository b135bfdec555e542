// Reads a whole file into memory, turning every failure into a Status that says
// what a person can do about it.
#pragma once

#include <cstdint>
#include <string>

#include "ratsdoc/status.h"

namespace ratsdoc::ingest {

// Reads `path` into `*bytes`. Fails with kUnreadable for a missing file, a
// directory, a special file, missing permission or a read error, and with
// kTooLarge, without reading, for a file larger than `max_bytes` (0: no limit).
Status ReadFileBytes(const std::string& path, std::string* bytes, std::uint64_t max_bytes = 0);

}  // namespace ratsdoc::ingest
