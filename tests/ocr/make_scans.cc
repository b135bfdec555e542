// make_scans IN.pdf OUT.pdf [--dpi N] [--skew DEGREES] [--noise SHARE] [--quarter]
// Writes the scan of IN.pdf (tests/ocr/scans.h) to OUT.pdf, for bench/ocr.sh.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "ocr/scans.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: make_scans IN.pdf OUT.pdf [--dpi N] [--skew DEGREES] [--noise SHARE] [--quarter]\n";
    return 2;
  }
  ratsdoc::testing::ScanOptions options;
  for (int i = 3; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--quarter") {
      options.quarter = true;
    } else if (i + 1 < argc && flag == "--dpi") {
      options.dpi = std::atoi(argv[++i]);
    } else if (i + 1 < argc && flag == "--skew") {
      options.skew = std::atof(argv[++i]);
    } else if (i + 1 < argc && flag == "--noise") {
      options.noise = std::atof(argv[++i]);
    } else {
      std::cerr << "make_scans: unknown option " << flag << "\n";
      return 2;
    }
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string scan = ratsdoc::testing::ScanOf(bytes.str(), options);
  if (scan.empty()) {
    std::cerr << "make_scans: cannot open " << argv[1] << "\n";
    return 1;
  }
  std::ofstream out(argv[2], std::ios::binary);
  out << scan;
  return out ? 0 : 1;
}
