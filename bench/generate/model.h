// The synthetic archive in memory: planned papers, the documents written from
// them (a list of blocks that both the text and the PDF writer render), and
// the edges planted in them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ratsdoc_bench {

enum class Kind { kAnfrage, kAntrag, kStellungnahme, kDrucksache, kAnlage, kBeschluss, kInformation, kProtokoll };

const char* KindName(Kind kind);  // ratsdoc's kind names: "anfrage", …

struct Date {
  int year = 2023, month = 1, day = 1;
  std::string German() const;  // "08.12.2022"
  std::string Iso() const;     // "2022-12-08"
};

// One paper of the archive, planned before any text is written.
struct Paper {
  int index = 0;
  Kind kind = Kind::kAnfrage;
  std::string id;    // ratsdoc's canonical ID: "F0301/23", "DS0583/21/Anlage2", "Stadtrat/2023-04-19"
  std::string stem;  // file name without extension
  Date date;
  int topic = 0;     // index into the topic lexicon
  int author = 0;    // submitter or signing person (lexicon index)
  int fraktion = 0;  // submitting Fraktion (lexicon index)
  int target_pages = 1;
  // Kind-specific links inside the archive (-1: none).
  int answers = -1;                   // Stellungnahme → its Anfrage or Antrag
  int decides = -1;                   // Beschluss → its Drucksache
  int parent = -1;                    // Anlage → its Drucksache
  int approves = -1;                  // minutes → earlier minutes of the same body
  int anlage_number = 0;              // Anlage: its number within the parent
  std::vector<std::string> measures;  // Anlage: measure numbers ("3.2")
  int body = 0;                       // minutes, Beschluss: the body (lexicon index)
  int session = 0;                    // minutes, Beschluss: session number
  std::string beschluss_session;      // Beschluss: "SR/057(VII)/22"
  std::vector<int> cites;             // other papers of the archive this one cites
  int outside = 0;                    // how many references to papers outside the archive
};

// What a reference planted in a document points at.
struct Citation {
  std::string to;        // canonical ID of the target
  std::string relation;  // "cites", "answers", "decides", "approves", "attachment-of"
};

struct Edge {
  std::string from, to, relation;
};

enum class BlockType { kParagraph, kHeading, kTable, kLines };

// A table: rows of cells; column starts in fractions of the text width.
struct Table {
  std::vector<double> columns;
  std::vector<std::vector<std::string>> rows;
  bool header_bold = false;  // first row in bold (measure tables)
  bool padded = false;       // rows padded and cells wrapped (measure, attendance tables)
};

struct Block {
  BlockType type = BlockType::kParagraph;
  std::string text;                // paragraph, heading
  std::vector<std::string> lines;  // kLines: short lines set one under another (address, signature)
  Table table;
  bool title = false;  // heading: the document's larger title line
};

struct Document {
  std::string stem, id, kind;
  std::string running_header;  // right-hand part of the PDF running header
  std::vector<Block> blocks;
  std::vector<Edge> edges;
  int pages = 0;  // set by the layout
};

// Deterministic random numbers (SplitMix64): the same seed gives the same archive on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return n <= 0 ? 0 : static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
  int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }  // inclusive
  bool Chance(int percent) { return Below(100) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(Below(static_cast<int>(v.size())))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace ratsdoc_bench
