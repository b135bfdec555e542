// poppler_floor PDF... | poppler_floor -
//
// The floor for any Poppler-based reader: loads each PDF with
// poppler::document::load_from_file and extracts page::text() of every page,
// nothing else. Paths come from the arguments, or one per line on stdin with
// "-". Prints "pages<TAB>bytes<TAB>path" per file on stdout (not with
// --quiet) and the totals on stderr: "poppler_floor: F files, P pages, B bytes
// of text, E errors". Exit status 1 if a file could not be read.
#include <poppler-document.h>
#include <poppler-page.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Totals {
  long files = 0, pages = 0, errors = 0;
  unsigned long long bytes = 0;
};

void Read(const std::string& path, bool verbose, Totals* totals) {
  ++totals->files;
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
  if (!document || document->is_locked()) {
    ++totals->errors;
    std::cerr << "poppler_floor: cannot read " << path << "\n";
    return;
  }
  const int pages = document->pages();
  unsigned long long bytes = 0;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(document->create_page(p));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text().to_utf8();
    bytes += utf8.size();
  }
  totals->pages += pages;
  totals->bytes += bytes;
  if (verbose) std::printf("%d\t%llu\t%s\n", pages, bytes, path.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = true;
  std::vector<std::string> paths;
  bool from_stdin = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-q" || arg == "--quiet") {
      verbose = false;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: poppler_floor [--quiet] PDF... | poppler_floor [--quiet] -   (paths on stdin)\n";
      return 0;
    } else if (arg == "-") {
      from_stdin = true;
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty() && !from_stdin) {
    std::cerr << "usage: poppler_floor [--quiet] PDF... | poppler_floor [--quiet] -\n";
    return 2;
  }
  // Poppler's own warnings about odd files are not what is measured.
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  Totals totals;
  for (const std::string& path : paths) Read(path, verbose, &totals);
  if (from_stdin) {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty()) Read(line, verbose, &totals);
    }
  }
  std::fprintf(stderr, "poppler_floor: %ld files, %ld pages, %llu bytes of text, %ld errors\n", totals.files,
               totals.pages, totals.bytes, totals.errors);
  return totals.errors == 0 ? 0 : 1;
}
