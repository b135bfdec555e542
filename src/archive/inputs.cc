// Collecting the input files of a run.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "ratsdoc/archive.h"

namespace ratsdoc {

std::vector<std::string> CollectInputs(const std::vector<std::string>& paths, std::vector<std::string>* problems) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      std::error_code type_error;
      if (!it->is_directory(type_error)) files.push_back(it->path().string());
    }
    if (error) problems->push_back("while walking " + path + ": " + error.message());
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace ratsdoc
