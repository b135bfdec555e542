// Loads grammar XML files (format: grammars/README.md) into grammar::Rules.
#include "ratsdoc/grammar.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include <pugixml.hpp>

#include "common/hash.h"
#include "common/utf8.h"
#include "grammar/embedded.h"
#include "grammar/rules.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxIncludeDepth = 8;

struct GrammarFile {
  std::string display;   // for messages: a disk path or "grammars/<path> (built in)"
  std::string content;
  fs::path disk_dir;     // empty for built-in files
  std::string embedded_dir;  // directory of a built-in file, relative to grammars/
};

std::size_t LineOf(const std::string& content, std::ptrdiff_t offset) {
  if (offset < 0) return 0;
  const auto end = std::min(content.size(), static_cast<std::size_t>(offset));
  std::size_t line = 1;
  for (std::size_t i = 0; i < end; ++i) line += content[i] == '\n';
  return line;
}

bool ReadDiskFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

std::string JoinEmbedded(const std::string& dir, const std::string& href) {
  return (fs::path(dir) / href).lexically_normal().generic_string();
}

bool FindBuiltin(const std::string& path, GrammarFile* out) {
  const grammar::EmbeddedFile* file = grammar::FindEmbeddedFile(path);
  if (file == nullptr) return false;
  out->display = "grammars/" + path + " (built in)";
  out->content = std::string(file->content);
  out->embedded_dir = fs::path(path).parent_path().generic_string();
  return true;
}

class Loader {
 public:
  explicit Loader(grammar::Rules* rules) : rules_(rules) {}

  Status Load(const GrammarFile& file, int depth, bool is_root) {
    if (depth > kMaxIncludeDepth) {
      return Error(file, 0, "", "includes are nested more than 8 deep (an include cycle?)");
    }
    if (!seen_.insert(file.display).second) return Status::Ok();  // included twice: harmless
    fingerprint_input_ += file.display;
    fingerprint_input_ += '\0';
    fingerprint_input_ += file.content;

    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(file.content.data(), file.content.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
      return Error(file, LineOf(file.content, parsed.offset), "", std::string("not well-formed XML: ") + parsed.description());
    }
    const pugi::xml_node root = doc.document_element();
    const std::string root_name = root.name();
    if (root_name != "grammar" && root_name != "grammar-part") {
      return Error(file, LineOf(file.content, root.offset_debug()), "",
                   "the root element must be <grammar> or <grammar-part>, not <" + root_name + ">");
    }
    if (is_root) {
      if (root_name != "grammar") {
        return Error(file, LineOf(file.content, root.offset_debug()), "",
                     "this is a <grammar-part>, meant to be included; load a <grammar> file instead");
      }
      rules_->name = root.attribute("name").as_string();
      if (rules_->name.empty()) {
        return Error(file, LineOf(file.content, root.offset_debug()), "", "<grammar> needs a name attribute");
      }
    }
    for (pugi::xml_node child : root.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string element = child.name();
      Status status;
      if (element == "include") {
        status = LoadInclude(file, child, depth);
      } else if (element == "description") {
        continue;
      } else if (element == "page-furniture") {
        status = LoadFurniture(file, child);
      } else if (element == "hyphenation") {
        status = LoadHyphenation(file, child);
      } else {
        status = Error(file, LineOf(file.content, child.offset_debug()), "", "unknown element <" + element + ">");
      }
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  std::string Fingerprint() const { return Sha256Hex(fingerprint_input_); }

 private:
  static Status Error(const GrammarFile& file, std::size_t line, const std::string& rule, const std::string& what) {
    std::string message = file.display;
    if (line > 0) message += ":" + std::to_string(line);
    if (!rule.empty()) message += ": rule '" + rule + "'";
    message += ": " + what;
    return Status(ErrorCode::kInvalidGrammar, message);
  }

  Status LoadInclude(const GrammarFile& from, pugi::xml_node node, int depth) {
    const std::string href = node.attribute("href").as_string();
    const std::size_t line = LineOf(from.content, node.offset_debug());
    if (href.empty()) return Error(from, line, "", "<include> needs an href attribute");
    GrammarFile included;
    bool found = false;
    if (!from.disk_dir.empty()) {
      const fs::path candidate = from.disk_dir / href;
      if (ReadDiskFile(candidate, &included.content)) {
        included.display = candidate.string();
        included.disk_dir = candidate.parent_path();
        found = true;
      }
    }
    if (!found) found = FindBuiltin(JoinEmbedded(from.embedded_dir, href), &included);
    if (!found && !from.disk_dir.empty()) found = FindBuiltin(fs::path(href).lexically_normal().generic_string(), &included);
    if (!found) return Error(from, line, "", "included file '" + href + "' was not found");
    return Load(included, depth + 1, /*is_root=*/false);
  }

  Status LoadFurniture(const GrammarFile& file, pugi::xml_node section) {
    for (pugi::xml_node node : section.children("rule")) {
      const std::size_t line = LineOf(file.content, node.offset_debug());
      grammar::FurnitureRule rule;
      rule.name = node.attribute("name").as_string();
      if (rule.name.empty()) return Error(file, line, "", "a page-furniture <rule> needs a name");
      const std::string scope = node.attribute("scope").as_string("anywhere");
      if (scope == "anywhere") {
        rule.scope = grammar::FurnitureRule::Scope::kAnywhere;
      } else if (scope == "page-edge") {
        rule.scope = grammar::FurnitureRule::Scope::kPageEdge;
      } else {
        return Error(file, line, rule.name, "scope must be 'anywhere' or 'page-edge', not '" + scope + "'");
      }
      Status status = Compile(file, node, rule.name, &rule.line);
      if (!status.ok()) return status;
      rules_->furniture.push_back(std::move(rule));
    }
    return Status::Ok();
  }

  Status LoadHyphenation(const GrammarFile& file, pugi::xml_node section) {
    for (pugi::xml_node node : section.children("suspension-word")) {
      const std::string word(utf8::Trim(node.text().as_string()));
      if (word.empty()) {
        return Error(file, LineOf(file.content, node.offset_debug()), "", "empty <suspension-word>");
      }
      rules_->suspension_words.push_back(word);
    }
    return Status::Ok();
  }

  // Compiles the rule's <pattern> and checks it against the rule's <example>
  // (must match the whole text) and <counterexample> (must not).
  Status Compile(const GrammarFile& file, pugi::xml_node node, const std::string& name, std::unique_ptr<RE2>* out) {
    const std::size_t line = LineOf(file.content, node.offset_debug());
    const pugi::xml_node pattern_node = node.child("pattern");
    const std::string pattern = pattern_node.text().as_string();
    if (pattern.empty()) return Error(file, line, name, "the rule has no <pattern>");
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_unique<RE2>(pattern, options);
    if (!re->ok()) {
      return Error(file, LineOf(file.content, pattern_node.offset_debug()), name, "pattern does not compile: " + re->error());
    }
    for (pugi::xml_node example : node.children("example")) {
      const std::string text = example.text().as_string();
      if (!RE2::FullMatch(text, *re)) {
        return Error(file, LineOf(file.content, example.offset_debug()), name, "pattern does not match its example \"" + text + "\"");
      }
    }
    for (pugi::xml_node counter : node.children("counterexample")) {
      const std::string text = counter.text().as_string();
      if (RE2::FullMatch(text, *re)) {
        return Error(file, LineOf(file.content, counter.offset_debug()), name, "pattern matches its counterexample \"" + text + "\"");
      }
    }
    *out = std::move(re);
    return Status::Ok();
  }

  grammar::Rules* rules_;
  std::unordered_set<std::string> seen_;
  std::string fingerprint_input_;
};

}  // namespace

Grammar::Grammar(std::unique_ptr<grammar::Rules> rules) : rules_(std::move(rules)) {}
Grammar::~Grammar() = default;

const std::string& Grammar::name() const { return rules_->name; }
const std::string& Grammar::fingerprint() const { return rules_->fingerprint; }

std::vector<std::string> Grammar::BuiltinNames() {
  std::vector<std::string> names;
  for (const grammar::EmbeddedFile& file : grammar::EmbeddedFiles()) {
    const fs::path path(file.path);
    // Top-level files are grammars; sub-folders hold the parts they include.
    if (!path.has_parent_path()) names.push_back(path.stem().string());
  }
  return names;
}

Status Grammar::Load(const std::string& name_or_path, std::shared_ptr<const Grammar>* out) {
  GrammarFile file;
  const bool looks_like_path = name_or_path.find('/') != std::string::npos ||
                               fs::path(name_or_path).extension() == ".xml";
  if (looks_like_path) {
    if (!ReadDiskFile(name_or_path, &file.content)) {
      return Status(ErrorCode::kInvalidGrammar, "cannot read grammar file " + name_or_path);
    }
    file.display = name_or_path;
    file.disk_dir = fs::path(name_or_path).parent_path();
    if (file.disk_dir.empty()) file.disk_dir = ".";
  } else if (!FindBuiltin(name_or_path + ".xml", &file)) {
    std::string known;
    for (const std::string& name : BuiltinNames()) known += (known.empty() ? "" : ", ") + name;
    return Status(ErrorCode::kInvalidGrammar,
                  "there is no built-in grammar called '" + name_or_path + "' (built in: " + known +
                      "); give a path to a grammar XML file to use your own");
  }
  auto rules = std::make_unique<grammar::Rules>();
  Loader loader(rules.get());
  Status status = loader.Load(file, 0, /*is_root=*/true);
  if (!status.ok()) return status;
  rules->fingerprint = loader.Fingerprint();
  out->reset(new Grammar(std::move(rules)));
  return Status::Ok();
}

}  // namespace ratsdoc
