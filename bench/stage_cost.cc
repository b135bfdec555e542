// stage_cost [--grammar NAME|PATH] [--runs R] FILE...
//
// What each stage of the analysis costs on real files: reads every FILE once
// (ingest), then runs normalise, identity, references and structure on it R
// times (default 3) and prints, per stage, the seconds summed over all files
// and runs and the stage's share of the analysis. bench/README.md says how to
// read it; docs/identity.md has the figures for the identity stage.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ratsdoc/grammar.h"
#include "ratsdoc/identity.h"
#include "ratsdoc/ingest.h"
#include "ratsdoc/normalize.h"
#include "ratsdoc/references.h"
#include "ratsdoc/structure.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point from, Clock::time_point to) { return std::chrono::duration<double>(to - from).count(); }

}  // namespace

int main(int argc, char** argv) {
  std::string grammar_name = "magdeburg";
  int runs = 3;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--grammar" && i + 1 < argc) {
      grammar_name = argv[++i];
    } else if (arg == "--runs" && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty() || runs < 1) {
    std::fprintf(stderr, "usage: stage_cost [--grammar NAME|PATH] [--runs R] FILE...\n");
    return 2;
  }
  std::shared_ptr<const ratsdoc::Grammar> grammar;
  const ratsdoc::Status loaded = ratsdoc::Grammar::Load(grammar_name, &grammar);
  if (!loaded.ok()) {
    std::fprintf(stderr, "stage_cost: %s\n", loaded.ToString().c_str());
    return 3;
  }
  double ingest = 0, normalise = 0, identity = 0, references = 0, structure = 0;
  std::size_t read = 0;
  for (const std::string& file : files) {
    const Clock::time_point t0 = Clock::now();
    const ratsdoc::SourceDocument source = ratsdoc::ReadDocument(file);
    ingest += Seconds(t0, Clock::now());
    if (!source.status.ok()) continue;
    ++read;
    for (int run = 0; run < runs; ++run) {
      const Clock::time_point a = Clock::now();
      const ratsdoc::NormalizedText text = ratsdoc::Normalize(source, *grammar);
      const Clock::time_point b = Clock::now();
      const ratsdoc::DocumentIdentity id = ratsdoc::Identify(text, *grammar);
      const Clock::time_point c = Clock::now();
      const ratsdoc::DocumentReferences found = ratsdoc::ExtractReferences(text, *grammar, id);
      const Clock::time_point d = Clock::now();
      const ratsdoc::DocumentStructure s = ratsdoc::ExtractStructure(text, *grammar, found, found.id, id);
      const Clock::time_point e = Clock::now();
      normalise += Seconds(a, b);
      identity += Seconds(b, c);
      references += Seconds(c, d);
      structure += Seconds(d, e);
      if (s.kind.empty()) std::fprintf(stderr, "?");  // keeps the work observable
    }
  }
  const double scale = 1.0 / runs;
  const double analysis = (normalise + identity + references + structure) * scale;
  std::printf("%zu of %zu files read, %d runs, grammar %s\n", read, files.size(), runs, grammar_name.c_str());
  std::printf("| stage | seconds (per run) | share of the analysis after ingest | share with ingest |\n|---|---|---|---|\n");
  const double total = analysis + ingest;
  auto row = [&](const char* name, double seconds) {
    std::printf("| %s | %.4f | %.1f %% | %.1f %% |\n", name, seconds, 100 * seconds / analysis, 100 * seconds / total);
  };
  std::printf("| ingest (once) | %.4f | – | %.1f %% |\n", ingest, 100 * ingest / total);
  row("normalise", normalise * scale);
  row("identity", identity * scale);
  row("references", references * scale);
  row("structure", structure * scale);
  return 0;
}
