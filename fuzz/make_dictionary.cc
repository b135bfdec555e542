// Writes a libFuzzer dictionary from grammar files, so that the fuzz targets
// reach the shapes the grammar reads (a vote line, a TOP heading, a header
// table) instead of waiting for random bytes to spell "Enthaltung".
//
//   make_dictionary OUTPUT GRAMMAR.xml...
//
// Entries, each once:
//   * the text of every <example>, <counterexample> and <id> (cut at the
//     dictionary's entry limit, and also split into its lines);
//   * the literal runs of every <pattern>, <cue> and <define> and of the
//     other leaf elements (labels, keywords, suspension words): a regex with
//     its operators and classes removed, runs of at least three characters
//     holding a letter ("Enthaltung", "Stellungnahme-Nr.", "zum/zur");
//   * the attribute values that are words (kind and field names).
// A build step (fuzz/CMakeLists.txt) runs it on grammars/ whenever a grammar
// changes; scripts/dev.sh passes the result with -dict=.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace {

// libFuzzer ignores longer entries (fuzzer::Word::kMaxSize).
constexpr std::size_t kMaxEntryBytes = 64;
constexpr std::size_t kMinRunBytes = 3;

bool HasLetter(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || byte >= 0x80) return true;
  }
  return false;
}

void Add(std::string_view text, std::set<std::string>* entries) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.size() < kMinRunBytes || !HasLetter(text)) return;
  if (text.size() > kMaxEntryBytes) {
    std::size_t cut = kMaxEntryBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    text = text.substr(0, cut);
  }
  entries->emplace(text);
}

// An example as a whole and line by line.
void AddExample(std::string_view text, std::set<std::string>* entries) {
  Add(text, entries);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start < text.size()) Add(text.substr(start, end - start), entries);
    start = end + 1;
  }
}

// The literal runs of a regular expression: escapes of a literal character
// become that character, \s a space, \d a digit; character classes, groups'
// syntax, quantifiers and alternation end a run.
void AddLiterals(std::string_view pattern, std::set<std::string>* entries) {
  std::string run;
  auto flush = [&] {
    Add(run, entries);
    run.clear();
  };
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char escaped = pattern[++i];
      if (escaped == 's') {
        run += ' ';
      } else if (escaped == 'd') {
        run += '1';
      } else if (escaped == 'b' || escaped == 'B') {
        // a word boundary: nothing to type
      } else if ((escaped >= 'a' && escaped <= 'z') || (escaped >= 'A' && escaped <= 'Z')) {
        flush();  // \w, \p{…}, \x…: a class, not a literal
      } else {
        run += escaped;
      }
    } else if (c == '[') {
      flush();
      for (++i; i < pattern.size() && pattern[i] != ']'; ++i) {
        if (pattern[i] == '\\') ++i;
      }
    } else if (c == '(' && i + 1 < pattern.size() && pattern[i + 1] == '?') {
      flush();
      // (?:  (?P<name>  (?i)  — skip to the end of the group's syntax
      ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == 'P') {
        while (i < pattern.size() && pattern[i] != '>') ++i;
      } else {
        while (i + 1 < pattern.size() && pattern[i + 1] != ':' && pattern[i + 1] != ')') ++i;
        if (i + 1 < pattern.size() && pattern[i + 1] == ':') ++i;
      }
    } else if (c == '{') {
      flush();
      while (i < pattern.size() && pattern[i] != '}') ++i;
    } else if (c == '?' || c == '*' || c == '+') {
      // The quantified character is optional or repeated: the run before it
      // is a literal, and so is the run with it.
      if (!run.empty()) {
        Add(run.substr(0, run.size() - 1), entries);
        Add(run, entries);
      }
      run.clear();
    } else if (c == '(' || c == ')' || c == '|' || c == '^' || c == '$' || c == '.') {
      flush();
    } else {
      run += c;
    }
  }
  flush();
}

void Walk(const pugi::xml_node& node, std::set<std::string>* entries) {
  for (const pugi::xml_attribute& attribute : node.attributes()) {
    const std::string_view value = attribute.value();
    if (value.find_first_of("{}()[]\\") == std::string_view::npos) Add(value, entries);
  }
  const std::string_view name = node.name();
  const std::string_view text = node.child_value();
  if (name == "example" || name == "counterexample" || name == "id") {
    AddExample(text, entries);
  } else if (!text.empty()) {
    AddLiterals(text, entries);
  }
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_element) Walk(child, entries);
  }
}

// libFuzzer's dictionary syntax: a quoted string with \\, \" and \xNN.
std::string Quote(std::string_view entry) {
  std::string out = "\"";
  for (const char c : entry) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte >= 0x7F) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", byte);
      out += hex;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: make_dictionary OUTPUT GRAMMAR.xml...\n";
    return 2;
  }
  std::set<std::string> entries;
  for (int i = 2; i < argc; ++i) {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_file(argv[i]);
    if (!parsed) {
      std::cerr << "make_dictionary: " << argv[i] << ": " << parsed.description() << '\n';
      return 1;
    }
    Walk(document.document_element(), &entries);
  }
  // Shapes of the text around what the grammar reads.
  for (const char* shape : {"\n", "\n\n", "\f", ": ", ":\t", "\t", " Uhr", "01.01.2024", "31.12.99", "99999999999"}) {
    entries.emplace(shape);
  }
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out << "# Generated by fuzz/make_dictionary.cc from grammars/; do not edit.\n";
  for (const std::string& entry : entries) out << Quote(entry) << '\n';
  out.close();
  if (!out) {
    std::cerr << "make_dictionary: cannot write " << argv[1] << '\n';
    return 1;
  }
  std::cerr << "make_dictionary: " << entries.size() << " entries\n";
  return 0;
}
