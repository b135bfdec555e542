#include "text_writer.h"

namespace ratsdoc_bench {

std::string RenderText(const Document& document) {
  std::string out = "\n\n";
  for (const Block& block : document.blocks) {
    switch (block.type) {
      case BlockType::kParagraph:
        out += block.text + "\n\n";
        break;
      case BlockType::kHeading:
        out += "**" + block.text + "**\n\n";
        break;
      case BlockType::kLines:
        for (const std::string& line : block.lines) out += line + "\n";
        out += "\n";
        break;
      case BlockType::kTable:
        for (const auto& row : block.table.rows) {
          for (std::size_t c = 0; c < block.table.columns.size(); ++c) {
            if (c > 0) out += '\t';
            if (c < row.size()) out += row[c];
          }
          out += '\n';
        }
        out += '\n';
        break;
    }
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace ratsdoc_bench
