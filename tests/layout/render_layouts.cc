// render_layouts TEXT_FILE OUT_DIR: writes OUT_DIR/<stem>.<layout>.pdf for
// every standard layout (layout_writer.h), to look at or measure by hand.
#include <cstdio>
#include <filesystem>

#include "layout/layout_writer.h"
#include "ratsdoc/grammar.h"
#include "ratsdoc/ingest.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: render_layouts TEXT_FILE OUT_DIR\n");
    return 2;
  }
  std::shared_ptr<const ratsdoc::Grammar> grammar;
  const ratsdoc::Status loaded = ratsdoc::Grammar::Load("magdeburg", &grammar);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.ToString().c_str());
    return 1;
  }
  const ratsdoc::SourceDocument source = ratsdoc::ReadDocument(argv[1]);
  if (!source.status.ok()) {
    std::fprintf(stderr, "%s\n", source.status.ToString().c_str());
    return 1;
  }
  const ratsdoc::NormalizedText text = ratsdoc::Normalize(source, *grammar);
  const std::string stem = std::filesystem::path(argv[1]).stem().string();
  for (const ratsdoc::testing::PaperLayout& layout : ratsdoc::testing::StandardLayouts()) {
    const std::string path = std::string(argv[2]) + "/" + stem + "." + layout.name + ".pdf";
    ratsdoc::testing::RenderedPaper rendered;
    std::string error;
    if (!ratsdoc::testing::RenderPaper(text, layout, path, &rendered, &error)) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), error.c_str());
      return 1;
    }
    std::printf("%s\t%d pages\t%d hyphenated\n", path.c_str(), rendered.pages, rendered.hyphenated_line_ends);
  }
  return 0;
}
