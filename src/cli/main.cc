// The ratsdoc command line. It parses arguments, runs the library's stages and
// turns Status values into printed lines and exit codes; it holds no logic of
// its own beyond that.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "ratsdoc/archive.h"
#include "ratsdoc/document_xml.h"
#include "ratsdoc/grammar.h"
#include "ratsdoc/graph.h"
#include "ratsdoc/ingest.h"
#include "ratsdoc/normalize.h"
#include "ratsdoc/oparl.h"
#include "ratsdoc/oparl_export.h"
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

// --ocr and --ocr-language, shared by the commands that read files.
struct OcrFlags {
  std::string mode = "auto";
  std::string language;  // empty: the grammar's, else deu
  bool given = false;    // --ocr was on the command line
};

// The flags into `options`; false (with a message) when OCR was asked for but is not built in.
bool ApplyOcrFlags(const OcrFlags& flags, const ratsdoc::Grammar& grammar, ratsdoc::IngestOptions* options) {
  options->ocr = flags.mode == "never"    ? ratsdoc::OcrMode::kNever
                 : flags.mode == "always" ? ratsdoc::OcrMode::kAlways
                                          : ratsdoc::OcrMode::kAuto;
  options->ocr_language =
      !flags.language.empty() ? flags.language : !grammar.ocr_language().empty() ? grammar.ocr_language() : "deu";
  if (flags.given && options->ocr != ratsdoc::OcrMode::kNever && !ratsdoc::OcrAvailable()) {
    PrintError("--ocr " + flags.mode + ": this ratsdoc was built without OCR (Tesseract); install libtesseract-dev "
               "and build again, or use --ocr never");
    return false;
  }
  return true;
}

void AddOcrOptions(CLI::App* command, OcrFlags* flags) {
  command->add_option("--ocr", flags->mode,
                      "OCR (Tesseract) of PDF pages: auto (pages without a text layer), never, always")
      ->check(CLI::IsMember({"auto", "never", "always"}))
      ->capture_default_str()
      ->each([flags](const std::string&) { flags->given = true; });
  command->add_option("--ocr-language", flags->language,
                      "Tesseract's language(s) for OCR, e.g. deu or deu+eng (default: the grammar's, deu)");
}

int RunText(const std::string& file, const std::string& grammar_name, bool raw, const OcrFlags& ocr) {
  const auto grammar = LoadGrammar(grammar_name);
  if (!grammar) return kExitFatal;
  ratsdoc::IngestOptions options;
  if (!ApplyOcrFlags(ocr, *grammar, &options)) return kExitUsage;
  const ratsdoc::SourceDocument source = ratsdoc::ReadDocument(file, options);
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

int RunParse(const std::string& file, const std::string& grammar_name, const OcrFlags& ocr) {
  const auto grammar = LoadGrammar(grammar_name);
  if (!grammar) return kExitFatal;
  ratsdoc::IngestOptions options;
  if (!ApplyOcrFlags(ocr, *grammar, &options)) return kExitUsage;
  ratsdoc::DocumentRecord record = ratsdoc::AnalyzeDocument(file, *grammar, options);
  // Rendered in memory first, so that a failure while rendering is reported as
  // this document's internal error instead of a half-printed document.
  std::ostringstream xml;
  try {
    StreamWriter writer(xml);
    ratsdoc::WriteDocumentXml(record, writer);
  } catch (...) {
    record = ratsdoc::FailedAnalysis(file, record.sha256, "output", std::current_exception());
    xml.str("");
    StreamWriter writer(xml);
    ratsdoc::WriteDocumentXml(record, writer);
  }
  std::cout << xml.str();
  std::cout.flush();
  if (!std::cout) return kExitFatal;
  return record.status.ok() ? kExitOk : kExitInputFailed;
}

// Writes the graph next to `output` under a temporary name and renames it into
// place, so that a crash or kill never leaves a truncated graph behind.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)), temporary_(path_ + ".tmp." + std::to_string(getpid())) {}
  ~AtomicFile() {
    if (!committed_) std::remove(temporary_.c_str());
    if (lock_ >= 0) close(lock_);
  }
  bool Open() {
    RemoveStaleTemporaries();
    // Created and locked at once; the lock is held while this process lives,
    // so a temporary file nobody holds is stale.
    lock_ = open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (lock_ < 0) return false;
    flock(lock_, LOCK_EX | LOCK_NB);
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
  // Removes "OUTPUT.tmp.PID" files left by runs that were killed: files no
  // process holds a lock on. A running run's file is left alone.
  void RemoveStaleTemporaries() const {
    const fs::path output(path_);
    const std::string prefix = output.filename().string() + ".tmp.";
    std::error_code error;
    const fs::path parent = output.has_parent_path() ? output.parent_path() : fs::path(".");
    std::vector<fs::path> stale;  // collected first: removing while reading a directory may skip entries
    for (fs::directory_iterator it(parent, error); !error && it != fs::directory_iterator(); it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (name.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string pid = name.substr(prefix.size());
      if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
      const int fd = open(it->path().c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) continue;
      if (flock(fd, LOCK_EX | LOCK_NB) == 0) stale.push_back(it->path());
      close(fd);
    }
    for (const fs::path& path : stale) fs::remove(path, error);
  }

  std::string path_;
  std::string temporary_;
  std::ofstream out_;
  int lock_ = -1;
  bool committed_ = false;
};

// Options shared by process and extract.
struct RunOptions {
  ratsdoc::ExtractOptions extract;
  bool no_progress = false;
  std::string files_from;  // a list of further paths, one per line
  std::uint64_t max_document_mib = 1024;
  std::uint64_t max_document_text_mib = 256;
  std::string oparl_dir;               // an OParl dump whose metadata names the files
  std::string oparl_trust = "metadata";  // who wins where dump and text disagree
  OcrFlags ocr;
};

// Appends the paths listed in `list` (one per line; "-": standard input).
bool ReadPathList(const std::string& list, std::vector<std::string>* paths) {
  std::ifstream file;
  if (list != "-") {
    file.open(list);
    if (!file) {
      PrintError("cannot read the list of paths " + list);
      return false;
    }
  }
  std::istream& in = list == "-" ? std::cin : file;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) paths->push_back(line);
  }
  return true;
}

// Progress only where a person watches: standard error a terminal, not CI.
bool ShowProgress(bool no_progress) {
  const char* ci = std::getenv("CI");
  return !no_progress && isatty(STDERR_FILENO) == 1 && (ci == nullptr || *ci == '\0' || std::string(ci) == "false");
}

// The output: a file written under a temporary name and renamed into place,
// or standard output for "-" or nothing.
class Output {
 public:
  explicit Output(const std::string& path) : path_(path) {}
  // Known before any work: an output that cannot be written.
  bool Open() {
    if (path_.empty() || path_ == "-") return true;
    file_ = std::make_unique<AtomicFile>(path_);
    if (file_->Open()) return true;
    PrintError("cannot write to " + path_ + " (cannot create " + file_->temporary() + ")");
    return false;
  }
  std::ostream& stream() { return file_ ? file_->stream() : std::cout; }
  bool Commit() {
    if (file_ ? file_->Commit() : static_cast<bool>(std::cout.flush())) return true;
    PrintError("could not write " + (file_ ? path_ : std::string("standard output")));
    return false;
  }
  // Commits a graph and writes the citation index of `cites` next to it. The
  // old index is removed first, so that a run killed between the two never
  // leaves an index that passes for the new graph's. A graph on standard
  // output gets no index.
  bool CommitGraph(const ratsdoc::FragmentStore& store, const std::string& grammar) {
    if (file_) std::remove(ratsdoc::CitationIndexPath(path_).c_str());
    if (!Commit()) return false;
    if (!file_) return true;
    const ratsdoc::Status status = ratsdoc::WriteCitationIndex(path_, grammar, store.documents());
    if (!status.ok()) PrintError("warning: no citation index for cites: " + status.ToString());
    return true;
  }
  // Where the documents wait until the graph is written: next to the output
  // file (same disk, not a memory-backed /tmp), else $TMPDIR.
  std::string spool_directory() const {
    if (!file_) return "";
    const std::string parent = fs::path(path_).parent_path().string();
    return parent.empty() ? "." : parent;
  }
  // True when `path` is the output or a file written beside it (its temporary
  // file, the citation index "OUTPUT.cites" and that one's temporary file).
  bool Produces(const std::string& path) const {
    if (!file_) return false;
    const std::string name = fs::path(path_).filename().string();
    const std::string candidate = fs::path(path).filename().string();
    if (candidate.compare(0, name.size(), name) != 0 || (candidate.size() > name.size() && candidate[name.size()] != '.')) {
      return false;
    }
    std::error_code error;
    return fs::weakly_canonical(fs::absolute(path).parent_path(), error) ==
           fs::weakly_canonical(fs::absolute(path_).parent_path(), error);
  }

 private:
  std::string path_;
  std::unique_ptr<AtomicFile> file_;
};

// process (write_graph) and extract: files → fragments → a graph or fragment file.
int RunExtract(std::vector<std::string> paths, const std::string& output_path, const std::string& grammar_name,
               RunOptions options, bool write_graph) {
  if (!options.files_from.empty() && !ReadPathList(options.files_from, &paths)) return kExitFatal;
  if (paths.empty()) {
    PrintError("no PATH given (name files or directories, or --files-from LIST)");
    return kExitUsage;
  }
  const auto grammar = LoadGrammar(grammar_name);
  if (!grammar) return kExitFatal;
  if (!ApplyOcrFlags(options.ocr, *grammar, &options.extract.ingest)) return kExitUsage;
  Output output(output_path);
  if (!output.Open()) return kExitFatal;
  std::vector<std::string> problems;
  std::vector<std::string> files = ratsdoc::CollectInputs(paths, &problems);
  for (const std::string& problem : problems) PrintError(problem);
  // The output (and its temporary file) may lie inside the archive; it is not an input.
  std::erase_if(files, [&](const std::string& file) { return output.Produces(file); });
  // With --oparl, the dump names the files and adds its own links.
  ratsdoc::oparl::Dump dump;
  std::unique_ptr<ratsdoc::oparl::Join> join;
  ratsdoc::FragmentStore::LinkExtension extend;
  if (!options.oparl_dir.empty()) {
    const ratsdoc::Status read = ratsdoc::oparl::ReadDump(options.oparl_dir, &dump);
    if (!read.ok()) {
      PrintError(read.ToString());
      return kExitFatal;
    }
    join = std::make_unique<ratsdoc::oparl::Join>(dump, *grammar, files);
    options.extract.metadata = [&join](const std::string& path) { return join->Find(path); };
    options.extract.trust = options.oparl_trust == "text" ? ratsdoc::Trust::kText : ratsdoc::Trust::kMetadata;
    extend = [&](const std::vector<ratsdoc::DocumentFacts>& documents, ratsdoc::Links* links) {
      ratsdoc::oparl::AddDumpLinks(dump, *join, *grammar, documents, links);
    };
  }
  std::unique_ptr<ratsdoc::FragmentStore> store;
  ratsdoc::Status status = ratsdoc::FragmentStore::Create(output.spool_directory(), &store);
  ratsdoc::RunSummary summary;
  options.extract.progress = ShowProgress(options.no_progress);
  options.extract.ingest.max_file_bytes = options.max_document_mib << 20;
  options.extract.ingest.max_text_bytes = options.max_document_text_mib << 20;
  if (status.ok()) status = ratsdoc::ExtractArchive(files, *grammar, options.extract, store.get(), &summary);
  StreamWriter writer(output.stream());
  if (status.ok()) {
    status = write_graph ? store->WriteGraph(*grammar, writer, extend) : store->WriteFragments(*grammar, writer);
  }
  if (!status.ok()) {
    PrintError(status.ToString());
    return kExitFatal;
  }
  if (!(write_graph ? output.CommitGraph(*store, grammar->name()) : output.Commit())) return kExitFatal;
  ratsdoc::Summarize(*store, &summary);
  std::cerr << ratsdoc::FormatSummary(summary) << std::endl;
  if (join) {
    const ratsdoc::oparl::LinkComparison comparison = ratsdoc::oparl::CompareLinks(dump, *join, store->documents());
    for (const std::string& line : ratsdoc::oparl::FormatReport(dump, *join, comparison)) std::cerr << line << '\n';
  }
  return summary.errors.empty() ? kExitOk : kExitInputFailed;
}

// link: fragment files → one graph.
int RunLink(const std::vector<std::string>& inputs, const std::string& output_path, const std::string& grammar_option) {
  Output output(output_path);
  if (!output.Open()) return kExitFatal;
  std::unique_ptr<ratsdoc::FragmentStore> store;
  ratsdoc::Status status = ratsdoc::FragmentStore::Create(output.spool_directory(), &store);
  for (std::size_t i = 0; status.ok() && i < inputs.size(); ++i) status = store->AddFile(inputs[i]);
  if (!status.ok()) {
    PrintError(status.ToString());
    return kExitFatal;
  }
  // The fragments are linked with the grammar they were made with.
  const auto grammar = LoadGrammar(!grammar_option.empty() ? grammar_option : store->grammar());
  if (!grammar) return kExitFatal;
  if (!store->fingerprint().empty() && store->fingerprint() != grammar->fingerprint()) {
    PrintError("the fragments were made with another version of the grammar " + store->grammar() +
               " than the one loaded (" + store->fingerprint().substr(0, 12) + " vs. " +
               grammar->fingerprint().substr(0, 12) + "); extract them again");
    return kExitFatal;
  }
  const auto start = std::chrono::steady_clock::now();
  StreamWriter writer(output.stream());
  status = store->WriteGraph(*grammar, writer);
  if (!status.ok()) {
    PrintError(status.ToString());
    return kExitFatal;
  }
  if (!output.CommitGraph(*store, grammar->name())) return kExitFatal;
  ratsdoc::RunSummary summary;
  summary.threads = 1;
  summary.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ratsdoc::Summarize(*store, &summary);
  std::cerr << ratsdoc::FormatSummary(summary) << std::endl;
  return summary.errors.empty() ? kExitOk : kExitInputFailed;
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
  std::vector<ratsdoc::Citation> citations;
  status = index.Lookup(id, &citations);
  if (!status.ok()) {
    PrintError(status.ToString());
    return kExitFatal;
  }
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

// ratsdoc grammar --describe: the contract, with what the grammar defines.
int RunDescribe(const std::string& grammar_name, bool contract_only) {
  if (contract_only) {
    std::cout << ratsdoc::Grammar::DescribeContract(nullptr);
    return kExitOk;
  }
  const auto grammar = LoadGrammar(grammar_name);
  if (!grammar) return kExitFatal;
  std::cout << ratsdoc::Grammar::DescribeContract(grammar.get());
  return kExitOk;
}

// export oparl: a graph → an OParl 1.1 dump in a directory (docs/oparl.md).
int RunExportOparl(const std::string& graph_path, const std::string& directory,
                   const ratsdoc::OparlExportOptions& options) {
  ratsdoc::Status status = ratsdoc::CheckOparlExportOptions(options);
  if (!status.ok()) {
    PrintError(status.message());
    return kExitUsage;
  }
  ratsdoc::OparlExportSummary summary;
  status = ratsdoc::WriteOparlDump(graph_path, directory, options, &summary);
  if (!status.ok()) {
    PrintError(status.message());
    return kExitFatal;
  }
  std::cerr << "ratsdoc: OParl dump in " << directory << ": " << summary.papers << " papers, " << summary.files
            << " files, " << summary.meetings << " meetings, " << summary.agenda_items << " agenda items, "
            << summary.consultations << " consultations, " << summary.persons << " persons, "
            << summary.organizations << " organizations, " << summary.memberships << " memberships ("
            << summary.written << " JSON files)" << std::endl;
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ratsdoc " RATSDOC_VERSION
               " — turns council papers (PDF or text) into clean text and a cross-reference graph."};
  app.footer(kExitCodeHelp);
  app.set_version_flag("--version", "ratsdoc " RATSDOC_VERSION + std::string("\nOCR: ") +
                                        (ratsdoc::OcrAvailable() ? "Tesseract " + ratsdoc::OcrVersion()
                                                                 : std::string("not built in")));
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
  OcrFlags ocr_flags;
  AddOcrOptions(text, &ocr_flags);
  bool raw = false;
  text->add_flag("--raw", raw,
                 "Print the text as ingest read it, before normalisation (PDF: lines rebuilt from word boxes, "
                 "table cells separated by tabs)");

  std::string parse_file;
  CLI::App* parse = app.add_subcommand(
      "parse", "Print the document XML of FILE: its own number, kind, date and every reference it makes.");
  parse->add_option("FILE", parse_file, "A PDF or text file")->required();
  AddOcrOptions(parse, &ocr_flags);

  std::vector<std::string> process_paths;
  std::string process_output;
  RunOptions run_options;
  CLI::App* process = app.add_subcommand(
      "process", "Read every file under PATH..., find their references and write the cross-reference graph XML "
                 "(extract and link in one).");
  CLI::App* extract = app.add_subcommand(
      "extract", "Read every file under PATH... and write their documents, not yet linked, as a fragment file "
                 "for ratsdoc link (one shard of a large archive).");
  for (CLI::App* command : {process, extract}) {
    command->add_option("PATH", process_paths, "Files and directories (walked recursively)");
    command->add_option("--files-from", run_options.files_from,
                        "Read further PATHs from this file, one per line (\"-\": standard input); for shards too "
                        "large for a command line");
    command->add_option("-o,--output", process_output, "The file to write (default: standard output)");
    command->add_option("-j,--jobs", run_options.extract.threads, "Files read at once (default: one per core)")
        ->check(CLI::PositiveNumber);
    command->add_option("--cache", run_options.extract.cache_dir,
                        "Reuse what earlier runs found in files whose content has not changed (a directory; "
                        "keyed by content hash, grammar and ratsdoc version)");
    command->add_option("--max-document-seconds", run_options.extract.ingest.max_seconds,
                        "Stop reading a PDF after the page that takes it past this many seconds, keeping the pages "
                        "read, with a warning (0: no limit)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command->add_option("--max-document-size", run_options.max_document_mib,
                        "Do not read a file larger than this many MiB: it is recorded with error too-large "
                        "(0: no limit)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command->add_option("--max-document-text", run_options.max_document_text_mib,
                        "Stop reading a PDF after the page that takes its text past this many MiB, keeping the "
                        "pages read, with a warning (0: no limit)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    AddOcrOptions(command, &run_options.ocr);
    command->add_option("--oparl", run_options.oparl_dir,
                        "An OParl 1.1 dump (a directory of JSON): each file takes its paper's number, kind, date "
                        "and title from it, and OParl's own links join the graph (docs/oparl.md)");
    command->add_option("--oparl-trust", run_options.oparl_trust,
                        "Who wins where the dump and the text disagree: metadata or text (both are warned about)")
        ->check(CLI::IsMember({"metadata", "text"}))
        ->capture_default_str();
    command->add_flag("--no-progress", run_options.no_progress,
                      "Print no progress line (it is printed only when standard error is a terminal and CI is unset)");
  }
  std::vector<std::string> link_inputs;
  std::string link_output;
  CLI::App* link = app.add_subcommand(
      "link", "Link fragment files written by ratsdoc extract into one cross-reference graph XML.");
  link->add_option("FRAGMENTS", link_inputs, "Fragment files (or graphs) made with the same grammar")->required();
  link->add_option("-o,--output", link_output, "The graph file to write (default: standard output)");

  bool describe = false;
  bool contract_only = false;
  CLI::App* grammar_command = app.add_subcommand(
      "grammar", "Print what ratsdoc reads from a grammar (grammars/README.md explains the format).");
  grammar_command
      ->add_flag("--describe", describe,
                 "Print the contract: every layout, named pattern (with its groups and their types), text and "
                 "rewrite list ratsdoc reads, and which of them the grammar (--grammar) defines")
      ->required();
  grammar_command->add_flag("--contract-only", contract_only,
                            "Leave out the grammar's column: the text grammars/README.md holds between its "
                            "contract markers");

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

  // export oparl: one contained block; more export formats would be further subcommands of export.
  std::string export_graph;
  std::string export_directory;
  ratsdoc::OparlExportOptions export_options;
  CLI::App* export_command = app.add_subcommand("export", "Write a graph in another format.");
  export_command->require_subcommand(1);
  CLI::App* export_oparl = export_command->add_subcommand(
      "oparl", "Write the graph as a static OParl 1.1 dump: one JSON file per object and the Body's list pages, "
               "with relatedPaper from the references in the text (docs/oparl.md).");
  export_oparl->add_option("--graph", export_graph, "A graph written by ratsdoc process")->required();
  export_oparl->add_option("-o,--output", export_directory, "The directory to write the dump into")->required();
  export_oparl->add_option("--base-url", export_options.base_url, "The URL the dump will be served under")
      ->capture_default_str();
  export_oparl->add_option("--timestamp", export_options.timestamp,
                           "created/modified of every object, e.g. 2024-03-01T00:00:00+01:00 (default: the latest "
                           "date in the graph, so that the same graph gives the same dump)");
  export_oparl->add_option("--body-name", export_options.body_name, "The Body's name (default: the grammar's name)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kExitUsage;
  }
  const std::string grammar_name = grammar.empty() ? "magdeburg" : grammar;
  if (*text) return RunText(text_file, grammar_name, raw, ocr_flags);
  if (*parse) return RunParse(parse_file, grammar_name, ocr_flags);
  if (*process) return RunExtract(process_paths, process_output, grammar_name, run_options, /*write_graph=*/true);
  if (*extract) return RunExtract(process_paths, process_output, grammar_name, run_options, /*write_graph=*/false);
  if (*link) return RunLink(link_inputs, link_output, grammar);
  if (*cites) return RunCites(cites_target, cites_graph, cites_format, grammar);
  if (*grammar_command) return RunDescribe(grammar_name, contract_only);
  if (*export_oparl) {
    export_options.grammar = grammar;  // which kinds are papers; default: the graph's grammar
    return RunExportOparl(export_graph, export_directory, export_options);
  }
  return kExitUsage;
}
