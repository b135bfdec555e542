#include "ingest/file_bytes.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include <sys/stat.h>

namespace ratsdoc::ingest {

Status ReadFileBytes(const std::string& path, std::string* bytes, std::uint64_t max_bytes) {
  struct stat info{};
  if (::stat(path.c_str(), &info) != 0) {
    const int error = errno;
    if (error == ENOENT) return Status(ErrorCode::kUnreadable, "The file " + path + " does not exist.");
    if (error == EACCES) return Status(ErrorCode::kUnreadable, "The file " + path + " cannot be read: permission denied.");
    return Status(ErrorCode::kUnreadable, "The file " + path + " cannot be read: " + std::strerror(error) + ".");
  }
  if (S_ISDIR(info.st_mode)) {
    return Status(ErrorCode::kUnreadable, path + " is a directory, not a document.");
  }
  if (!S_ISREG(info.st_mode)) {
    return Status(ErrorCode::kUnreadable, path + " is not a regular file (a device, pipe or socket).");
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (max_bytes > 0 && size > max_bytes) {
    return Status(ErrorCode::kTooLarge, "The file " + path + " has " + std::to_string(size >> 20) +
                                            " MiB, more than the limit of " + std::to_string(max_bytes >> 20) +
                                            " MiB per document (--max-document-size); it was not read.");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    return Status(ErrorCode::kUnreadable, "The file " + path + " cannot be opened: " +
                                              (error == EACCES ? std::string("permission denied") : std::strerror(error)) + ".");
  }
  bytes->clear();
  bytes->reserve(static_cast<std::size_t>(info.st_size));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status(ErrorCode::kUnreadable, "Reading " + path + " failed part-way (an I/O error).");
  *bytes = std::move(buffer).str();
  return Status::Ok();
}

}  // namespace ratsdoc::ingest
