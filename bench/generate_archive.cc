// generate_archive --documents N --out DIR [--seed S] [--formats text,pdf]
//
// Writes a synthetic archive of council papers written like the Magdeburg
// samples: DIR/text/<stem>.txt and DIR/pdf/<stem>.pdf (the same document in
// both forms), DIR/expected-edges.tsv (every reference planted, as
// from<TAB>to<TAB>relation in ratsdoc's canonical IDs) and DIR/manifest.tsv
// (stem, id, kind, pages). The same seed gives the same archive.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "generate/builder.h"
#include "generate/pdf_writer.h"
#include "generate/plan.h"
#include "generate/text_writer.h"

namespace {

int Usage(const char* message) {
  std::cerr << "generate_archive: " << message << "\n"
            << "usage: generate_archive --documents N --out DIR [--seed S] [--formats text,pdf]\n";
  return 2;
}

bool WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  long documents = -1;
  std::string out_dir, formats = "text,pdf";
  unsigned long long seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << "usage: generate_archive --documents N --out DIR [--seed S] [--formats text,pdf]\n";
      return 0;
    }
    if (i + 1 >= argc) return Usage(("missing value for " + arg).c_str());
    const std::string value = argv[++i];
    char* end = nullptr;
    if (arg == "--documents") {
      documents = std::strtol(value.c_str(), &end, 10);
      if (*end != '\0' || documents < 1 || documents > 2000000) return Usage("--documents: 1 … 2000000");
    } else if (arg == "--seed") {
      seed = std::strtoull(value.c_str(), &end, 10);
      if (*end != '\0') return Usage("--seed: a number");
    } else if (arg == "--out") {
      out_dir = value;
    } else if (arg == "--formats") {
      formats = value;
    } else {
      return Usage(("unknown option " + arg).c_str());
    }
  }
  if (documents < 0 || out_dir.empty()) return Usage("--documents and --out are required");
  const bool text = formats.find("text") != std::string::npos;
  const bool pdf = formats.find("pdf") != std::string::npos;
  if (!text && !pdf) return Usage("--formats: text, pdf or text,pdf");

  const auto start = std::chrono::steady_clock::now();
  const std::filesystem::path root(out_dir);
  std::error_code error;
  if (text) std::filesystem::create_directories(root / "text", error);
  if (pdf) std::filesystem::create_directories(root / "pdf", error);
  if (error) return std::cerr << "generate_archive: cannot create " << out_dir << ": " << error.message() << "\n", 1;

  const ratsdoc_bench::ArchivePlan plan = ratsdoc_bench::PlanArchive(static_cast<int>(documents), seed);
  ratsdoc_bench::PdfWriter pdf_writer;
  std::ofstream manifest(root / "manifest.tsv");
  manifest << "stem\tid\tkind\tpages\n";
  std::vector<std::string> edges;
  std::size_t text_bytes = 0;
  long pages = 0;
  for (int i = 0; i < static_cast<int>(documents); ++i) {
    const ratsdoc_bench::Document document = ratsdoc_bench::BuildDocument(plan, i, seed);
    if (text) {
      const std::string bytes = ratsdoc_bench::RenderText(document);
      text_bytes += bytes.size();
      if (!WriteFile(root / "text" / (document.stem + ".txt"), bytes)) {
        return std::cerr << "generate_archive: cannot write " << document.stem << ".txt\n", 1;
      }
    }
    const std::string pdf_path = pdf ? (root / "pdf" / (document.stem + ".pdf")).string() : std::string();
    const int document_pages = pdf_writer.Write(document, pdf_path);
    if (document_pages == 0) return std::cerr << "generate_archive: cannot write " << pdf_path << "\n", 1;
    pages += document_pages;
    manifest << document.stem << '\t' << document.id << '\t' << document.kind << '\t' << document_pages << '\n';
    for (const ratsdoc_bench::Edge& edge : document.edges)
      edges.push_back(edge.from + '\t' + edge.to + '\t' + edge.relation);
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  std::ofstream expected(root / "expected-edges.tsv");
  expected << "from\tto\trelation\n";
  for (const std::string& edge : edges) expected << edge << '\n';
  if (!manifest || !expected) return std::cerr << "generate_archive: cannot write the manifest\n", 1;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "generate_archive: %ld documents, %ld pages, %zu planted edges, %.1f MB text in %.2f s\n",
               documents, pages, edges.size(), static_cast<double>(text_bytes) / 1e6, seconds);
  if (pdf_writer.short_lines() > 0) {
    std::fprintf(stderr, "generate_archive: %ld wrapped lines end short of the margin\n", pdf_writer.short_lines());
  }
  return 0;
}
