// The ratsdoc command line. It parses arguments, runs the library's stages and
// turns Status values into printed lines and exit codes; it holds no logic of
// its own beyond that.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "ratsdoc/document_xml.h"
#include "ratsdoc/grammar.h"
#include "ratsdoc/ingest.h"
#include "ratsdoc/normalize.h"
#include "ratsdoc/version.h"

namespace {

// Exit codes, documented in --help and README.md.
constexpr int kExitOk = 0;           // every input was read
constexpr int kExitInputFailed = 1;  // an input could not be read (its error is reported)
constexpr int kExitUsage = 2;        // the command line was wrong
constexpr int kExitFatal = 3;        // nothing could be done (e.g. the grammar does not load)

constexpr const char* kExitCodeHelp =
    "Exit status: 0 all inputs read; 1 some input could not be read (reported, output still written); "
    "2 wrong usage; 3 fatal error, nothing written.";

class StreamWriter : public pugi::xml_writer {
 public:
  explicit StreamWriter(std::ostream& out) : out_(out) {}
  void write(const void* data, size_t size) override { out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(size)); }

 private:
  std::ostream& out_;
};

void PrintError(const std::string& what) { std::cerr << "ratsdoc: " << what << '\n'; }

// Loads the grammar or reports why not.
std::shared_ptr<const ratsdoc::Grammar> LoadGrammar(const std::string& name) {
  std::shared_ptr<const ratsdoc::Grammar> grammar;
  const ratsdoc::Status status = ratsdoc::Grammar::Load(name, &grammar);
  if (!status.ok()) PrintError(status.ToString());
  return grammar;
}

int RunText(const std::string& file, const std::string& grammar_name, bool raw) {
  const auto grammar = LoadGrammar(grammar_name);
  if (!grammar) return kExitFatal;
  const ratsdoc::SourceDocument source = ratsdoc::ReadDocument(file);
  if (!source.status.ok()) {
    PrintError(source.status.ToString());
    return kExitInputFailed;
  }
  for (const std::string& warning : source.warnings) PrintError(file + ": warning: " + warning);
  if (raw) {
    std::cout << source.text;
    return std::cout ? kExitOk : kExitFatal;
  }
  const ratsdoc::NormalizedText text = ratsdoc::Normalize(source, *grammar);
  std::cout << text.text;
  std::cout.flush();
  return std::cout ? kExitOk : kExitFatal;
}

int RunParse(const std::string& file, const std::string& grammar_name) {
  const auto grammar = LoadGrammar(grammar_name);
  if (!grammar) return kExitFatal;
  const ratsdoc::SourceDocument source = ratsdoc::ReadDocument(file);
  StreamWriter writer(std::cout);
  if (!source.status.ok()) {
    ratsdoc::WriteDocumentXml(source, nullptr, writer);
    return kExitInputFailed;
  }
  const ratsdoc::NormalizedText text = ratsdoc::Normalize(source, *grammar);
  ratsdoc::WriteDocumentXml(source, &text, writer);
  std::cout.flush();
  return std::cout ? kExitOk : kExitFatal;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ratsdoc " RATSDOC_VERSION
               " — turns council papers (PDF or text) into clean text and a cross-reference graph."};
  app.footer(kExitCodeHelp);
  app.set_version_flag("--version", "ratsdoc " RATSDOC_VERSION);
  app.require_subcommand(1);

  std::string grammar = "magdeburg";
  app.add_option("--grammar", grammar, "Grammar: a built-in name or a grammar XML file")
      ->capture_default_str();

  std::string text_file;
  CLI::App* text = app.add_subcommand(
      "text", "Print the normalised text of FILE: headers, footers and page numbers removed, hyphenation "
              "undone, encoding fixed.");
  text->add_option("FILE", text_file, "A PDF or text file")->required();
  bool raw = false;
  text->add_flag("--raw", raw,
                 "Print the text as ingest read it, before normalisation (PDF: lines rebuilt from word boxes, "
                 "table cells separated by tabs)");

  std::string parse_file;
  CLI::App* parse = app.add_subcommand("parse", "Print the document XML of FILE (status, source, hash, pages).");
  parse->add_option("FILE", parse_file, "A PDF or text file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kExitUsage;
  }
  if (*text) return RunText(text_file, grammar, raw);
  if (*parse) return RunParse(parse_file, grammar);
  return kExitUsage;
}
