// Writes one planned paper as a Document: blocks for the writers and the
// edges of every reference planted in it.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "lexicon.h"
#include "model.h"
#include "plan.h"

namespace ratsdoc_bench {

// The document of paper `index`. Depends only on the plan, the index and the
// seed, so documents can be written in any order.
Document BuildDocument(const ArchivePlan& plan, int index, std::uint64_t seed);

// A reference spelled the way council papers write it and the IDs it names.
struct Spelled {
  std::string dative;            // "der Drucksache DS 0583/21", "Stadtrats-Beschluss-Nr.5384-057(VII)22"
  std::vector<std::string> ids;  // canonical targets (two for "Maßnahmen 4.5 und 4.9 …")
};

class DocumentBuilder {
 public:
  DocumentBuilder(const ArchivePlan& plan, int index, std::uint64_t seed);

  const ArchivePlan& plan() const { return plan_; }
  const Paper& paper() const { return paper_; }
  const Paper& At(int index) const { return plan_.papers[static_cast<std::size_t>(index)]; }
  const Topic& topic() const { return Topics()[static_cast<std::size_t>(paper_.topic)]; }
  const Person& author() const { return People()[static_cast<std::size_t>(paper_.author)]; }
  const std::string& fraktion() const { return Fraktionen()[static_cast<std::size_t>(paper_.fraktion)]; }
  Random& random() { return random_; }
  Document& document() { return document_; }

  // Blocks.
  void Paragraph(std::string text);
  void Heading(std::string text, bool title = false);
  void Lines(std::vector<std::string> lines);
  void AddTable(Table table);
  // The header table of a paper: rows of up to `columns.size()` cells.
  void HeaderTable(std::vector<double> columns, std::vector<std::vector<std::string>> rows);
  void Edge(const std::string& from, const std::string& to, const std::string& relation);

  // References. Each records its edges from `from` with relation "cites".
  Spelled Spell(int target);  // a paper of the archive (or one of its measures)
  Spelled SpellOutside();     // a paper outside the archive
  std::string CitingSentence(const std::string& from, int target);
  std::string OutsideSentence(const std::string& from);
  // Distributes the paper's citations (and outside references) over `slots`
  // places; returns per slot the sentences to add there.
  std::vector<std::vector<std::string>> DistributeCitations(const std::vector<std::string>& slot_from);

  // Neutral text.
  std::string TopicParagraph(int count);
  // True the first time `text` is offered in this document.
  bool Unique(const std::string& text) { return used_.insert(text).second; }

  Document Finish();

 private:
  const ArchivePlan& plan_;
  const Paper& paper_;
  Random random_;
  Document document_;
  std::set<std::string> used_;  // paragraphs written so far
};

// Builders of each kind (papers.cc, council.cc).
void BuildAnfrage(DocumentBuilder& b);
void BuildAntrag(DocumentBuilder& b);
void BuildStellungnahme(DocumentBuilder& b);
void BuildInformation(DocumentBuilder& b);
void BuildDrucksache(DocumentBuilder& b);
void BuildAnlage(DocumentBuilder& b);
void BuildBeschluss(DocumentBuilder& b);
void BuildProtokoll(DocumentBuilder& b);

}  // namespace ratsdoc_bench
