// The ratsdoc command line. It parses arguments, runs the library's stages and
// turns Status values into printed lines and exit codes; it holds no logic of
// its own beyond that.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "ratsdoc/document_xml.h"
#include "ratsdoc/grammar.h"
#include "ratsdoc/graph.h"
#include "ratsdoc/ingest.h"
#include "ratsdoc/normalize.h"
#include "ratsdoc/query.h"
#include "ratsdoc/references.h"
#include "ratsdoc/version.h"

namespace {

// Exit codes, documented in --help and README.md.
constexpr int kExitOk = 0;           // every input was read
constexpr int kExitInputFailed = 1;  // an input could not be read (its error is reported)
constexpr int kExitUsage = 2;        // the command line was wrong
constexpr int kExitFatal = 3;        // nothing could be done (e.g. the grammar does not load)

constexpr const char* kExitCodeHelp =
    "Exit status: 0 all inputs read; 1 some input could not be read (recorded in the output, which is still "
    "written); 2 wrong usage; 3 fatal error, nothing written. cites: 0 citations found, 1 none found.";

namespace fs = std::filesystem;

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
  const ratsdoc::DocumentRecord record = ratsdoc::AnalyzeDocument(file, *grammar);
  StreamWriter writer(std::cout);
  ratsdoc::WriteDocumentXml(record, writer);
  std::cout.flush();
  if (!std::cout) return kExitFatal;
  return record.status.ok() ? kExitOk : kExitInputFailed;
}

// Every file under `paths`, directories walked recursively (symbolic links to
// directories are not followed, so a link loop cannot trap the walk); a path
// that does not exist is kept, so that its error is recorded in the graph.
std::vector<std::string> CollectInputs(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      std::error_code type_error;
      if (!it->is_directory(type_error)) found.push_back(it->path().string());
    }
    if (error) PrintError("while walking " + path + ": " + error.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// Writes the graph next to `output` under a temporary name and renames it into
// place, so that a crash or kill never leaves a truncated graph behind.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)), temporary_(path_ + ".tmp." + std::to_string(getpid())) {}
  ~AtomicFile() {
    if (!committed_) std::remove(temporary_.c_str());
  }
  bool Open() {
    out_.open(temporary_, std::ios::binary | std::ios::trunc);
    return static_cast<bool>(out_);
  }
  std::ostream& stream() { return out_; }
  bool Commit() {
    out_.flush();
    out_.close();
    if (!out_) return false;
    std::error_code error;
    fs::rename(temporary_, path_, error);
    committed_ = !error;
    return committed_;
  }
  const std::string& temporary() const { return temporary_; }

 private:
  std::string path_;
  std::string temporary_;
  std::ofstream out_;
  bool committed_ = false;
};

int RunProcess(const std::vector<std::string>& paths, const std::string& output, const std::string& grammar_name) {
  const auto grammar = LoadGrammar(grammar_name);
  if (!grammar) return kExitFatal;
  std::unique_ptr<AtomicFile> file;
  if (!output.empty() && output != "-") {
    // Known before any work: an output that cannot be written.
    file = std::make_unique<AtomicFile>(output);
    if (!file->Open()) {
      PrintError("cannot write the graph to " + output + " (cannot create " + file->temporary() + ")");
      return kExitFatal;
    }
  }
  std::vector<ratsdoc::DocumentRecord> records;
  int failed = 0;
  for (const std::string& path : CollectInputs(paths)) {
    records.push_back(ratsdoc::AnalyzeDocument(path, *grammar));
    if (!records.back().status.ok()) {
      ++failed;
      PrintError(records.back().status.ToString());
    }
  }
  const ratsdoc::Graph graph = ratsdoc::Link(std::move(records), *grammar);
  StreamWriter writer(file ? file->stream() : std::cout);
  ratsdoc::WriteGraphXml(graph, writer);
  if (file ? !file->Commit() : !std::cout.flush()) {
    PrintError("could not write the graph to " + (output.empty() ? std::string("standard output") : output));
    return kExitFatal;
  }
  return failed == 0 ? kExitOk : kExitInputFailed;
}

int RunCites(const std::string& target, const std::string& graph_path, const std::string& format,
             const std::string& grammar_option) {
  ratsdoc::GraphIndex index;
  ratsdoc::Status status = ratsdoc::GraphIndex::Load(graph_path, &index);
  if (!status.ok()) {
    PrintError(status.ToString());
    return kExitFatal;
  }
  // The query is read with the grammar the graph was made with, unless told otherwise.
  const std::string grammar_name = !grammar_option.empty() ? grammar_option : index.grammar().empty() ? "magdeburg" : index.grammar();
  const auto grammar = LoadGrammar(grammar_name);
  if (!grammar) return kExitFatal;
  std::string id;
  status = ratsdoc::CanonicalizeTarget(target, *grammar, &id);
  if (!status.ok()) {
    PrintError(status.ToString());
    return kExitUsage;
  }
  const std::vector<ratsdoc::Citation> citations = index.CitationsOf(id);
  if (format == "json") {
    nlohmann::json result = {{"target", id}, {"citations", nlohmann::json::array()}};
    for (const ratsdoc::Citation& c : citations) {
      result["citations"].push_back({{"document", c.document}, {"kind", c.kind}, {"date", c.date}, {"unit", c.unit},
                                     {"relation", c.relation}, {"text", c.text}, {"page", c.page},
                                     {"source", c.source}, {"context", c.context}});
    }
    std::cout << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else if (format == "xml") {
    pugi::xml_document xml;
    pugi::xml_node root = xml.append_child("citations");
    root.append_attribute("xmlns") = ratsdoc::kGraphNamespace;
    root.append_attribute("target") = ratsdoc::XmlSafe(id).c_str();
    for (const ratsdoc::Citation& c : citations) {
      pugi::xml_node node = root.append_child("citation");
      for (const auto& [name, value] : {std::pair{"document", &c.document}, {"kind", &c.kind}, {"date", &c.date},
                                        {"unit", &c.unit}, {"relation", &c.relation}, {"text", &c.text},
                                        {"source", &c.source}}) {
        if (!value->empty()) node.append_attribute(name) = ratsdoc::XmlSafe(*value).c_str();
      }
      node.append_attribute("page") = c.page;
      node.append_child("context").text() = ratsdoc::XmlSafe(c.context).c_str();
    }
    StreamWriter writer(std::cout);
    xml.save(writer, "  ", pugi::format_default, pugi::encoding_utf8);
  } else {
    for (const ratsdoc::Citation& c : citations) {
      std::cout << c.document << '\t' << c.kind << '\t' << (c.date.empty() ? "-" : c.date) << '\t'
                << (c.unit.empty() ? "-" : c.unit) << '\t' << c.context << '\n';
    }
  }
  std::cout.flush();
  return citations.empty() ? kExitInputFailed : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ratsdoc " RATSDOC_VERSION
               " — turns council papers (PDF or text) into clean text and a cross-reference graph."};
  app.footer(kExitCodeHelp);
  app.set_version_flag("--version", "ratsdoc " RATSDOC_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // --grammar may stand before or after the subcommand

  std::string grammar;
  app.add_option("--grammar", grammar,
                 "Grammar: a built-in name or a grammar XML file (default: magdeburg; for cites: the graph's)");

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
  CLI::App* parse = app.add_subcommand(
      "parse", "Print the document XML of FILE: its own number, kind, date and every reference it makes.");
  parse->add_option("FILE", parse_file, "A PDF or text file")->required();

  std::vector<std::string> process_paths;
  std::string process_output;
  CLI::App* process = app.add_subcommand(
      "process", "Read every file under PATH..., find their references and write the cross-reference graph XML.");
  process->add_option("PATH", process_paths, "Files and directories (walked recursively)")->required();
  process->add_option("-o,--output", process_output, "The graph file to write (default: standard output)");

  std::string cites_target;
  std::string cites_graph;
  std::string cites_format = "text";
  CLI::App* cites = app.add_subcommand(
      "cites", "Print every document or unit citing TARGET: ID, kind, date, unit, sentence (tab-separated).");
  cites->add_option("TARGET", cites_target,
                    "A paper, Anlage or measure in any spelling the grammar reads, e.g. \"DS 583/21\" or "
                    "\"Maßnahme 3.32 der Anlage 2 zur DS0583/21\"")
      ->required();
  cites->add_option("--graph", cites_graph, "A graph written by ratsdoc process")->required();
  cites->add_option("--format", cites_format, "text, json or xml")
      ->check(CLI::IsMember({"text", "json", "xml"}))
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kExitUsage;
  }
  const std::string grammar_name = grammar.empty() ? "magdeburg" : grammar;
  if (*text) return RunText(text_file, grammar_name, raw);
  if (*parse) return RunParse(parse_file, grammar_name);
  if (*process) return RunProcess(process_paths, process_output, grammar_name);
  if (*cites) return RunCites(cites_target, cites_graph, cites_format, grammar);
  return kExitUsage;
}
