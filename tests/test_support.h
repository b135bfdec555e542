// Helpers shared by the tests: paths into the repository, whole-file reads,
// running the pipeline on a file, and running the ratsdoc binary.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "ratsdoc/grammar.h"
#include "ratsdoc/graph.h"
#include "ratsdoc/ingest.h"
#include "ratsdoc/normalize.h"

namespace ratsdoc::testing {

inline std::string SourcePath(const std::string& relative) { return std::string(RATSDOC_SOURCE_DIR) + "/" + relative; }

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A built-in grammar by name. REQUIRES: it loads.
inline std::shared_ptr<const Grammar> LoadGrammar(const std::string& name) {
  std::shared_ptr<const Grammar> loaded;
  const Status status = Grammar::Load(name, &loaded);
  if (!status.ok()) throw std::runtime_error(status.ToString());
  return loaded;
}

inline const Grammar& Magdeburg() {
  static const std::shared_ptr<const Grammar> grammar = LoadGrammar("magdeburg");
  return *grammar;
}

inline const Grammar& Karlsruhe() {
  static const std::shared_ptr<const Grammar> grammar = LoadGrammar("karlsruhe");
  return *grammar;
}

// Normalised text of a repository file. REQUIRES: the file reads without error.
inline std::string NormalizedFile(const std::string& relative) {
  const SourceDocument source = ReadDocument(SourcePath(relative));
  EXPECT_TRUE(source.status.ok()) << source.status.ToString();
  return Normalize(source, Magdeburg()).text;
}

// The record of the repository file `relative` through the whole pipeline,
// analysed once per test binary.
inline const DocumentRecord& AnalyzedFile(const std::string& relative) {
  static std::map<std::string, DocumentRecord> cache;
  auto found = cache.find(relative);
  if (found == cache.end()) found = cache.emplace(relative, AnalyzeDocument(SourcePath(relative), Magdeburg())).first;
  return found->second;
}

// The sample `stem` in its "text" or "pdf" form: samples/<form>/<stem>.txt|.pdf.
inline std::string SamplePath(const std::string& form, const std::string& stem) {
  return "samples/" + form + "/" + stem + (form == "pdf" ? ".pdf" : ".txt");
}

// Normalised text of an in-memory text document.
inline NormalizedText NormalizedBytes(const std::string& bytes) {
  const SourceDocument source = ReadDocumentFromBytes("test.txt", bytes);
  EXPECT_TRUE(source.status.ok()) << source.status.ToString();
  return Normalize(source, Magdeburg());
}

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs `command` (shell syntax), standard error with standard output.
inline CommandResult RunCommand(const std::string& shell_command) {
  CommandResult result;
  const std::string command = shell_command + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), read);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Runs the ratsdoc binary with `arguments` (shell syntax).
inline CommandResult RunRatsdoc(const std::string& arguments) {
  return RunCommand(std::string(RATSDOC_BINARY) + " " + arguments);
}

}  // namespace ratsdoc::testing
