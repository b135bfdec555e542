// Loads grammar XML files (format: grammars/README.md) into grammar::Rules.
#include "ratsdoc/grammar.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_set>

#include <pugixml.hpp>

#include "common/hash.h"
#include "common/utf8.h"
#include "grammar/embedded.h"
#include "grammar/rules.h"
#include "grammar/schema.h"

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
      } else if (element == "define") {
        status = LoadDefine(file, child);
      } else if (element == "references") {
        status = LoadReferences(file, child);
      } else if (element == "relations") {
        status = LoadRelations(file, child);
      } else if (element == "structure") {
        status = LoadStructure(file, child);
      } else if (element == "identity") {
        status = LoadIdentity(file, child);
      } else if (element == "oparl") {
        status = LoadOparl(file, child);
      } else if (element == "ocr") {
        rules_->ocr_language = child.attribute("language").as_string();
        if (rules_->ocr_language.empty()) {
          status = Error(file, LineOf(file.content, child.offset_debug()), "",
                         "<ocr> needs a language attribute (Tesseract's name, e.g. \"deu\")");
        }
      } else {
        status = Error(file, LineOf(file.content, child.offset_debug()), "", "unknown element <" + element + ">");
      }
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  std::string Fingerprint() const { return Sha256Hex(fingerprint_input_); }

  // Checks made once every file is loaded: each defined match's companions
  // (schema::Match::needs) are defined too.
  Status Finish() const {
    for (const auto& [name, where] : match_lines_) {
      const grammar::schema::Match* match = grammar::schema::FindMatch(name);
      for (std::string_view need : match->needs) {
        if (rules_->matches.count(need) > 0) continue;
        GrammarFile file;
        file.display = where.display;
        return Error(file, where.line, name,
                     "<match name=\"" + name + "\"> is read only together with <match name=\"" + std::string(need) +
                         "\">, which the grammar does not define");
      }
    }
    return Status::Ok();
  }

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
    for (pugi::xml_node node : section.children("enumeration")) {
      const std::size_t line = LineOf(file.content, node.offset_debug());
      if (rules_->enumeration) return Error(file, line, "enumeration", "a grammar has one <enumeration>");
      Status status = Compile(file, node, "enumeration", &rules_->enumeration);
      if (!status.ok()) return status;
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

  // Replaces every {{name}} in `pattern` by the <define> of that name.
  Status Expand(const GrammarFile& file, std::size_t line, const std::string& rule, std::string pattern,
                std::string* out) const {
    std::string expanded;
    std::size_t pos = 0;
    while (true) {
      const std::size_t open = pattern.find("{{", pos);
      if (open == std::string::npos) break;
      const std::size_t close = pattern.find("}}", open + 2);
      if (close == std::string::npos) return Error(file, line, rule, "'{{' without '}}' in a pattern");
      const std::string name = pattern.substr(open + 2, close - open - 2);
      const auto found = defines_.find(name);
      if (found == defines_.end()) return Error(file, line, rule, "pattern uses {{" + name + "}}, which is not defined");
      expanded.append(pattern, pos, open - pos);
      expanded += "(?:" + found->second + ")";
      pos = close + 2;
    }
    expanded.append(pattern, pos, std::string::npos);
    *out = std::move(expanded);
    return Status::Ok();
  }

  // A pattern with the grammar's options: no logging, the memory budget.
  static std::unique_ptr<RE2> NewPattern(const std::string& pattern) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(Grammar::kPatternMemoryBudget);
    return std::make_unique<RE2>(pattern, options);
  }

  // Compiles a pattern (after expanding its {{defines}}).
  Status CompilePattern(const GrammarFile& file, pugi::xml_node pattern_node, const std::string& name,
                        std::unique_ptr<RE2>* out) const {
    const std::size_t line = LineOf(file.content, pattern_node.offset_debug());
    std::string pattern;
    Status status = Expand(file, line, name, pattern_node.text().as_string(), &pattern);
    if (!status.ok()) return status;
    if (pattern.empty()) return Error(file, line, name, "empty pattern");
    std::unique_ptr<RE2> re = NewPattern(pattern);
    if (!re->ok()) {
      const bool too_large = re->error_code() == RE2::ErrorPatternTooLarge;
      return Error(file, line, name,
                   too_large ? "pattern does not compile within RE2's memory budget of " +
                                   std::to_string(Grammar::kPatternMemoryBudget >> 20) + " MiB: " + re->error()
                             : "pattern does not compile: " + re->error());
    }
    *out = std::move(re);
    return Status::Ok();
  }

  // Compiles the rule's <pattern> and checks it against the rule's <example>
  // (must match the whole text) and <counterexample> (must not).
  Status Compile(const GrammarFile& file, pugi::xml_node node, const std::string& name, std::unique_ptr<RE2>* out) {
    const pugi::xml_node pattern_node = node.child("pattern");
    if (!pattern_node) return Error(file, LineOf(file.content, node.offset_debug()), name, "the rule has no <pattern>");
    std::unique_ptr<RE2> re;
    Status status = CompilePattern(file, pattern_node, name, &re);
    if (!status.ok()) return status;
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

  Status LoadDefine(const GrammarFile& file, pugi::xml_node node) {
    const std::size_t line = LineOf(file.content, node.offset_debug());
    const std::string name = node.attribute("name").as_string();
    if (name.empty()) return Error(file, line, "", "a <define> needs a name");
    std::string pattern;
    Status status = Expand(file, line, name, node.text().as_string(), &pattern);
    if (!status.ok()) return status;
    RE2::Options options;
    options.set_log_errors(false);
    const RE2 check(pattern, options);
    if (!check.ok()) return Error(file, line, name, "definition does not compile: " + check.error());
    defines_[name] = pattern;
    return Status::Ok();
  }

  // Parses the template in the child element `element` of `node` (empty when
  // absent) and checks that every field it uses names a group of `pattern`.
  Status LoadTemplate(const GrammarFile& file, pugi::xml_node node, const char* element, const std::string& rule,
                      const RE2* pattern, const std::vector<std::string>& extra_fields, grammar::Template* out) {
    const pugi::xml_node child = node.child(element);
    if (!child) return Status::Ok();
    const std::size_t line = LineOf(file.content, child.offset_debug());
    Status status = grammar::Template::Parse(utf8::Trim(child.text().as_string()), out);
    if (!status.ok()) return Error(file, line, rule, "<" + std::string(element) + ">: " + status.message());
    for (const grammar::Template::Field& field : out->fields()) {
      if (field.from_self) continue;  // a group of another rule's match; checked when filled
      bool known = std::find(extra_fields.begin(), extra_fields.end(), field.name) != extra_fields.end();
      if (pattern != nullptr) known = known || pattern->NamedCapturingGroups().count(field.name) > 0;
      if (!known) return Error(file, line, rule, "<" + std::string(element) + "> uses {" + field.name + "}, which is not a named group of the pattern");
    }
    return Status::Ok();
  }

  Status LoadReferences(const GrammarFile& file, pugi::xml_node section) {
    const std::size_t section_line = LineOf(file.content, section.offset_debug());
    for (const grammar::schema::IdTemplate* spec : {&grammar::schema::kAttachmentId, &grammar::schema::kMeasureId}) {
      grammar::Template* target = spec == &grammar::schema::kAttachmentId ? &rules_->attachment_id : &rules_->measure_id;
      Status status = LoadIdTemplate(file, section, section_line, *spec, target);
      if (!status.ok()) return status;
    }
    if (const pugi::xml_attribute parents = section.attribute("attachment-parents")) {
      rules_->attachment_parent_kinds = Words(parents.as_string());
    }
    for (pugi::xml_node child : section.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string element = child.name();
      const std::size_t line = LineOf(file.content, child.offset_debug());
      Status status;
      if (element == "rule") {
        status = LoadReferenceRule(file, child);
      } else if (element == "date") {
        status = CompilePattern(file, child, "date", &rules_->date);
        if (status.ok()) status = CheckGroups(file, line, grammar::schema::kDate, *rules_->date);
      } else if (element == "date-column") {
        status = CompilePattern(file, child, "date-column", &rules_->date_column);
      } else if (element == "measure-row") {
        status = Compile(file, child, "measure-row", &rules_->measure_row);
        if (status.ok()) status = CheckGroups(file, line, grammar::schema::kMeasureRow, *rules_->measure_row);
      } else {
        status = Error(file, line, "", "unknown element <" + element + "> in <references>");
      }
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  Status LoadReferenceRule(const GrammarFile& file, pugi::xml_node node) {
    const std::size_t line = LineOf(file.content, node.offset_debug());
    grammar::ReferenceRule rule;
    rule.name = node.attribute("name").as_string();
    if (rule.name.empty()) return Error(file, line, "", "a reference <rule> needs a name");
    rule.kind = node.attribute("kind").as_string();
    if (rule.kind.empty()) return Error(file, line, rule.name, "a reference <rule> needs a kind");
    const std::string part = node.attribute("part").as_string("paper");
    if (part == "paper") {
      rule.part = grammar::ReferenceRule::Part::kPaper;
    } else if (part == "attachment") {
      rule.part = grammar::ReferenceRule::Part::kAttachment;
    } else if (part == "measure") {
      rule.part = grammar::ReferenceRule::Part::kMeasure;
    } else {
      return Error(file, line, rule.name, "part must be 'paper', 'attachment' or 'measure', not '" + part + "'");
    }
    for (pugi::xml_node child : node.children()) {
      static const std::unordered_set<std::string> kKnown = {"pattern", "example", "counterexample", "id", "paper",
                                                             "attachment", "measure", "list"};
      if (child.type() == pugi::node_element && kKnown.count(child.name()) == 0) {
        return Error(file, LineOf(file.content, child.offset_debug()), rule.name,
                     "unknown element <" + std::string(child.name()) + "> in a reference rule");
      }
    }
    Status status = Compile(file, node, rule.name, &rule.pattern);
    if (!status.ok()) return status;
    rule.example = node.child("example").text().as_string();
    std::vector<std::string> extra;
    if (const pugi::xml_node list = node.child("list")) {
      const std::size_t list_line = LineOf(file.content, list.offset_debug());
      rule.list_group = list.attribute("group").as_string();
      if (rule.pattern->NamedCapturingGroups().count(rule.list_group) == 0) {
        return Error(file, list_line, rule.name, "<list group=\"" + rule.list_group + "\"> is not a named group of the pattern");
      }
      std::string item;
      status = Expand(file, list_line, rule.name, list.attribute("item").as_string(), &item);
      if (!status.ok()) return status;
      RE2::Options options;
      options.set_log_errors(false);
      rule.list_item = std::make_unique<RE2>(item, options);
      if (item.empty() || !rule.list_item->ok()) {
        return Error(file, list_line, rule.name, "<list item> does not compile: " + rule.list_item->error());
      }
      extra.emplace_back(grammar::schema::template_field::kItem);
    }
    struct TemplateSlot {
      const char* element;
      grammar::Template* target;
    };
    for (const TemplateSlot& slot : {TemplateSlot{"id", &rule.id}, TemplateSlot{"paper", &rule.paper},
                                     TemplateSlot{"attachment", &rule.attachment}, TemplateSlot{"measure", &rule.measure}}) {
      status = LoadTemplate(file, node, slot.element, rule.name, rule.pattern.get(), extra, slot.target);
      if (!status.ok()) return status;
    }
    using Part = grammar::ReferenceRule::Part;
    if (rule.part == Part::kPaper && rule.id.empty()) return Error(file, line, rule.name, "a paper rule needs an <id>");
    if (rule.part == Part::kAttachment && rule.attachment.empty()) {
      return Error(file, line, rule.name, "an attachment rule needs an <attachment>");
    }
    if (rule.part == Part::kMeasure && rule.measure.empty()) return Error(file, line, rule.name, "a measure rule needs a <measure>");
    rules_->references.push_back(std::move(rule));
    return Status::Ok();
  }

  static std::vector<std::string> Words(std::string_view text) {
    std::vector<std::string> words;
    std::istringstream in{std::string(text)};
    for (std::string word; in >> word;) words.push_back(word);
    return words;
  }

  Status LoadRelations(const GrammarFile& file, pugi::xml_node section) {
    for (pugi::xml_node node : section.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::size_t line = LineOf(file.content, node.offset_debug());
      if (std::string(node.name()) != "relation") {
        return Error(file, line, "", "unknown element <" + std::string(node.name()) + "> in <relations>");
      }
      grammar::RelationRule relation;
      relation.name = node.attribute("name").as_string();
      if (grammar::schema::FindRelation(relation.name) == nullptr) {
        std::vector<std::string_view> candidates;
        std::string names;
        for (const grammar::schema::RelationName& known : grammar::schema::kRelations) {
          candidates.push_back(known.name);
          names += (names.empty() ? "" : ", ") + std::string(known.name);
        }
        return Error(file, line, relation.name,
                     "relation name must be one of " + names + DidYouMean(relation.name, candidates));
      }
      relation.document_kinds = Words(node.attribute("document-kinds").as_string());
      relation.target_kinds = Words(node.attribute("target-kinds").as_string());
      for (pugi::xml_node cue_node : node.children()) {
        if (cue_node.type() != pugi::node_element) continue;
        const std::string where = cue_node.name();
        grammar::Cue cue;
        if (where == "line-start") {
          cue.where = grammar::Cue::Where::kLineStart;
          cue.within_lines = cue_node.attribute("within-lines").as_int(0);
          if (cue.within_lines <= 0) {
            return Error(file, LineOf(file.content, cue_node.offset_debug()), relation.name, "<line-start> needs within-lines > 0");
          }
        } else {
          if (where == "before") {
            cue.where = grammar::Cue::Where::kBefore;
          } else if (where == "after") {
            cue.where = grammar::Cue::Where::kAfter;
          } else if (where == "column") {
            cue.where = grammar::Cue::Where::kColumn;
          } else {
            return Error(file, LineOf(file.content, cue_node.offset_debug()), relation.name,
                         "unknown cue <" + where + "> (use before, after, column or line-start)");
          }
          Status status = CompilePattern(file, cue_node, relation.name, &cue.pattern);
          if (!status.ok()) return status;
        }
        relation.cues.push_back(std::move(cue));
      }
      if (relation.cues.empty()) return Error(file, line, relation.name, "a <relation> needs at least one cue");
      rules_->relations.push_back(std::move(relation));
    }
    return Status::Ok();
  }

  // <identity>: the header form's <field>s (a <label> and the shape of its
  // <value>, each a pattern with examples), the values of no label
  // (<aside>), letterhead lines (<skip>), what ends the title (<title-end>)
  // and what is never one (<not-title>), a first line that goes on
  // (<title-continues>) and a value that goes on (<value-continues>).
  // A field name ratsdoc does not know is an error, so that a typo cannot
  // silently switch a field off.
  Status LoadIdentity(const GrammarFile& file, pugi::xml_node section) {
    grammar::IdentityRules& identity = rules_->identity;
    const std::size_t section_line = LineOf(file.content, section.offset_debug());
    if (identity.present) return Error(file, section_line, "", "a grammar has at most one <identity>");
    identity.present = true;
    identity.within_lines = section.attribute("within-lines").as_int(40);
    identity.max_line_bytes = section.attribute("max-line-bytes").as_uint(400);
    for (pugi::xml_node child : section.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string element = child.name();
      const std::size_t line = LineOf(file.content, child.offset_debug());
      Status status;
      if (element == "field") {
        grammar::IdentityField field;
        field.name = child.attribute("name").as_string();
        const auto& known = grammar::kIdentityFields;
        if (std::find(std::begin(known), std::end(known), field.name) == std::end(known)) {
          std::string names;
          std::vector<std::string_view> candidates;
          for (const char* name : known) {
            names += std::string(names.empty() ? "" : ", ") + name;
            candidates.emplace_back(name);
          }
          return Error(file, line, "", "unknown <field name=\"" + field.name + "\"> in <identity>" +
                                           DidYouMean(field.name, candidates) + "; known: " + names);
        }
        const pugi::xml_node label = child.child("label");
        if (!label) return Error(file, line, field.name, "a <field> needs a <label>");
        status = Compile(file, label, "label " + field.name, &field.label);
        if (status.ok() && child.child("value")) status = Compile(file, child.child("value"), "value " + field.name, &field.value);
        if (status.ok()) {
          // The alternation of every label so far, for a quick first test.
          std::string any;
          for (const grammar::IdentityField& known_field : identity.fields) any += "(?:" + known_field.label->pattern() + ")|";
          any += "(?:" + field.label->pattern() + ")";
          identity.any_label = NewPattern(any);
          if (!identity.any_label->ok()) {
            return Error(file, line, field.name, "the labels together do not compile: " + identity.any_label->error());
          }
          identity.fields.push_back(std::move(field));
        }
      } else if (element == "aside") {
        status = Compile(file, child, "aside", &identity.aside);
      } else if (element == "skip") {
        status = Compile(file, child, "skip", &identity.skip);
      } else if (element == "title-end") {
        status = Compile(file, child, "title-end", &identity.title_end);
      } else if (element == "not-title") {
        status = Compile(file, child, "not-title", &identity.not_title);
      } else if (element == "title-continues") {
        status = Compile(file, child, "title-continues", &identity.title_continues);
      } else if (element == "value-continues") {
        status = Compile(file, child, "value-continues", &identity.value_continues);
      } else {
        status = Error(file, line, "", "unknown element <" + element + "> in <identity>");
      }
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  // <oparl>: <paper-type name kind> (with optional <name> and <reference>
  // patterns the Paper's name and reference must match) and <file-role role> with the pattern a File's
  // name matches (groups schema::file_role).
  Status LoadOparl(const GrammarFile& file, pugi::xml_node section) {
    for (pugi::xml_node child : section.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string element = child.name();
      const std::size_t line = LineOf(file.content, child.offset_debug());
      Status status;
      if (element == "paper-type") {
        grammar::PaperTypeRule rule;
        rule.paper_type = child.attribute("name").as_string();
        rule.kind = child.attribute("kind").as_string();
        if (rule.paper_type.empty() || rule.kind.empty()) {
          return Error(file, line, "", "a <paper-type> needs a name and a kind");
        }
        if (child.child("name")) status = Compile(file, child.child("name"), "paper-type " + rule.paper_type, &rule.name);
        if (status.ok() && child.child("reference")) {
          status = Compile(file, child.child("reference"), "paper-type " + rule.paper_type, &rule.reference);
        }
        if (status.ok()) rules_->oparl.paper_types.push_back(std::move(rule));
      } else if (element == "file-role") {
        grammar::FileRoleRule rule;
        const std::string role = child.attribute("role").as_string();
        const std::optional<FileRole> parsed = ParseFileRole(role);
        if (!parsed) {
          std::vector<std::string_view> candidates;
          std::string names;
          for (const grammar::schema::FileRoleSpec& known : grammar::schema::kFileRoles) {
            candidates.push_back(known.name);
            names += std::string(names.empty() ? "" : ", ") + std::string(known.name);
          }
          return Error(file, line, "", "unknown <file-role role=\"" + role + "\">" + DidYouMean(role, candidates) +
                                           "; known: " + names);
        }
        rule.role = *parsed;
        status = Compile(file, child, "file-role " + role, &rule.pattern);
        if (status.ok()) {
          for (const auto& [group, index] : rule.pattern->NamedCapturingGroups()) {
            (void)index;
            bool known = false;
            std::vector<std::string_view> candidates;
            for (const grammar::schema::Group& declared : grammar::schema::file_role::kGroups) {
              known = known || declared.name == group;
              candidates.push_back(declared.name);
            }
            if (!known) {
              return Error(file, line, "file-role " + role,
                           "unknown group (?P<" + group + ">)" + DidYouMean(group, candidates) +
                               "; a <file-role> pattern may have n, item, d, m, y");
            }
          }
          rules_->oparl.file_roles.push_back(std::move(rule));
        }
      } else {
        status = Error(file, line, "", "unknown element <" + element + "> in <oparl>");
      }
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  // <structure>: <kind> cues, named <match> patterns, <rewrite> lists and the
  // unit-ID templates.
  Status LoadStructure(const GrammarFile& file, pugi::xml_node section) {
    const std::size_t section_line = LineOf(file.content, section.offset_debug());
    if (const pugi::xml_attribute threshold = section.attribute("kind-threshold")) {
      rules_->kind_threshold = threshold.as_int(1);
    }
    for (const grammar::schema::IdTemplate* spec : {&grammar::schema::kQuestionId, &grammar::schema::kAgendaItemId}) {
      grammar::Template* target = spec == &grammar::schema::kQuestionId ? &rules_->question_id : &rules_->agenda_item_id;
      Status status = LoadIdTemplate(file, section, section_line, *spec, target);
      if (!status.ok()) return status;
    }
    for (pugi::xml_node child : section.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string element = child.name();
      const std::size_t line = LineOf(file.content, child.offset_debug());
      const std::string name = child.attribute("name").as_string();
      if (name.empty()) return Error(file, line, "", "<" + element + "> in <structure> needs a name");
      Status status;
      if (element == "kind") {
        grammar::KindRule kind;
        kind.kind = name;
        for (pugi::xml_node cue_node : child.children("cue")) {
          grammar::KindCue cue;
          cue.within_lines = cue_node.attribute("within-lines").as_int(0);
          cue.weight = cue_node.attribute("weight").as_int(1);
          status = CompilePattern(file, cue_node, "kind " + name, &cue.pattern);
          if (!status.ok()) return status;
          kind.cues.push_back(std::move(cue));
        }
        const pugi::xml_attribute layout = child.attribute("layout");
        if (layout) {
          status = MapLayout(file, line, name, layout.as_string());
          if (!status.ok()) return status;
        }
        if (kind.cues.empty() && !layout) {
          return Error(file, line, "kind " + name, "a <kind> needs at least one <cue> or a layout");
        }
        // A kind only mapped to a layout scores nothing: it is not a cue rule.
        if (!kind.cues.empty()) rules_->kinds.push_back(std::move(kind));
      } else if (element == "match") {
        const grammar::schema::Match* known = grammar::schema::FindMatch(name);
        if (known == nullptr) {
          std::vector<std::string_view> candidates;
          for (const grammar::schema::Match* match : grammar::schema::kMatches) {
            if (match->section == grammar::schema::Section::kStructure) candidates.push_back(match->name);
          }
          return Error(file, line, "", "unknown <match name=\"" + name + "\"> in <structure>" +
                                           DidYouMean(name, candidates) +
                                           " (ratsdoc grammar --describe lists the names ratsdoc reads)");
        }
        if (rules_->matches.count(name) > 0) return Error(file, line, name, "<match> defined twice");
        status = Compile(file, child, name, &rules_->matches[name]);
        if (status.ok()) status = CheckGroups(file, line, *known, *rules_->matches[name]);
        match_lines_[name] = MatchLine{file.display, line};
      } else if (element == "text") {
        if (grammar::schema::FindText(name) == nullptr) {
          std::vector<std::string_view> candidates;
          for (const grammar::schema::Text* text : grammar::schema::kTexts) candidates.push_back(text->name);
          return Error(file, line, "", "unknown <text name=\"" + name + "\"> in <structure>" +
                                           DidYouMean(name, candidates));
        }
        if (rules_->texts.count(name) > 0) return Error(file, line, name, "<text> defined twice");
        rules_->texts[name] = std::string(utf8::Trim(child.text().as_string()));
      } else if (element == "rewrite") {
        grammar::Rewrite step;
        status = Compile(file, child, name, &step.pattern);
        if (!status.ok()) return status;
        step.replace = child.child("replace").text().as_string();
        std::string error;
        if (!step.pattern->CheckRewriteString(step.replace, &error)) {
          return Error(file, line, name, "<replace>: " + error);
        }
        for (pugi::xml_node example : child.children("rewrites")) {
          std::string value = example.attribute("from").as_string();
          RE2::Replace(&value, *step.pattern, step.replace);
          if (value != example.attribute("to").as_string()) {
            return Error(file, LineOf(file.content, example.offset_debug()), name,
                         "rewrites \"" + std::string(example.attribute("from").as_string()) + "\" to \"" + value +
                             "\", not \"" + example.attribute("to").as_string() + "\"");
          }
        }
        rules_->rewrites[name].push_back(std::move(step));
      } else {
        status = Error(file, line, "", "unknown element <" + element + "> in <structure>");
      }
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  // The ID template `spec` from its attribute of `section` (unset when
  // absent); it may use only the fields the schema gives it.
  Status LoadIdTemplate(const GrammarFile& file, pugi::xml_node section, std::size_t line,
                        const grammar::schema::IdTemplate& spec, grammar::Template* out) const {
    const std::string attribute(spec.attribute);
    const pugi::xml_attribute value = section.attribute(attribute.c_str());
    if (!value) return Status::Ok();
    Status status = grammar::Template::Parse(value.as_string(), out);
    if (!status.ok()) return Error(file, line, "", attribute + ": " + status.message());
    for (const grammar::Template::Field& field : out->fields()) {
      if (std::find(spec.fields.begin(), spec.fields.end(), field.name) != spec.fields.end()) continue;
      std::string names;
      for (std::string_view known : spec.fields) names += (names.empty() ? "{" : ", {") + std::string(known) + "}";
      return Error(file, line, "",
                   attribute + " uses {" + field.name + "}, which ratsdoc does not fill" +
                       DidYouMean(field.name, {spec.fields.begin(), spec.fields.end()}) + "; it fills " + names);
    }
    return Status::Ok();
  }

  // The kind's layout, once; `layout` must be a schema layout name.
  Status MapLayout(const GrammarFile& file, std::size_t line, const std::string& kind, const std::string& layout) {
    const grammar::schema::LayoutName* known = grammar::schema::FindLayout(layout);
    if (known == nullptr) {
      std::vector<std::string_view> candidates;
      std::string names;
      for (const grammar::schema::LayoutName& each : grammar::schema::kLayouts) {
        candidates.push_back(each.name);
        names += (names.empty() ? "" : ", ") + std::string(each.name);
      }
      return Error(file, line, "kind " + kind,
                   "unknown layout \"" + layout + "\"" + DidYouMean(layout, candidates) + "; known: " + names);
    }
    const auto [at, inserted] = rules_->kind_layouts.emplace(kind, known->layout);
    if (!inserted && at->second != known->layout) {
      return Error(file, line, "kind " + kind,
                   "the kind already has the layout \"" + std::string(grammar::schema::NameOf(at->second)) + "\"");
    }
    return Status::Ok();
  }

  // "; did you mean \"x\"?" for the known name closest to `name`, or "".
  static std::string DidYouMean(std::string_view name, const std::vector<std::string_view>& candidates) {
    const std::string closest = grammar::schema::ClosestName(name, candidates);
    return closest.empty() ? "" : "; did you mean \"" + closest + "\"?";
  }

  // The named groups of `re` against the schema's `match`: every group is
  // one the schema declares, and every required group is there.
  Status CheckGroups(const GrammarFile& file, std::size_t line, const grammar::schema::Match& match,
                     const RE2& re) const {
    const std::string name(match.name);
    for (const auto& [group, index] : re.NamedCapturingGroups()) {
      if (grammar::schema::FindGroup(match, group) != nullptr) continue;
      std::vector<std::string_view> candidates;
      std::string names;
      for (const grammar::schema::Group& known : match.groups) {
        candidates.push_back(known.name);
        names += (names.empty() ? "" : ", ") + std::string(known.name);
      }
      return Error(file, line, name,
                   "the pattern has a group named " + group + ", which ratsdoc does not read" +
                       DidYouMean(group, candidates) + "; " +
                       (names.empty() ? std::string("this pattern has no groups") : "its groups: " + names));
    }
    for (const grammar::schema::Group& known : match.groups) {
      if (known.required && re.NamedCapturingGroups().count(std::string(known.name)) == 0) {
        return Error(file, line, name, "the pattern needs a group named " + std::string(known.name) + " (" +
                                           std::string(known.meaning) + ")");
      }
    }
    return Status::Ok();
  }

  struct MatchLine {
    std::string display;  // GrammarFile::display of the file it is in
    std::size_t line;
  };

  grammar::Rules* rules_;
  std::map<std::string, MatchLine> match_lines_;  // where each <match> is defined
  std::map<std::string, std::string> defines_;  // name → expanded pattern
  std::unordered_set<std::string> seen_;
  std::string fingerprint_input_;
};

// The prefilter over all reference rules. RE2::Set compiles every pattern into
// one automaton, so a text is scanned once to learn which rules can fire.
Status BuildReferenceSet(grammar::Rules* rules) {
  if (rules->references.empty()) return Status::Ok();
  RE2::Options options;
  options.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const grammar::ReferenceRule& rule : rules->references) {
    std::string error;
    if (set->Add(rule.pattern->pattern(), &error) < 0) {
      return Status(ErrorCode::kInvalidGrammar, "rule '" + rule.name + "': pattern does not compile: " + error);
    }
  }
  if (!set->Compile()) {
    return Status(ErrorCode::kInvalidGrammar, "the reference patterns together exceed RE2's memory budget");
  }
  rules->reference_set = std::move(set);
  return Status::Ok();
}

// The kind cues in two RE2::Sets (rules.h: line_cues, text_cues), so that the
// identity stage reads a text once for all of them.
Status BuildCueSets(grammar::Rules* rules) {
  RE2::Options options;
  options.set_log_errors(false);
  auto line_cues = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  auto text_cues = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (std::size_t k = 0; k < rules->kinds.size(); ++k) {
    for (std::size_t c = 0; c < rules->kinds[k].cues.size(); ++c) {
      const grammar::KindCue& cue = rules->kinds[k].cues[c];
      const bool bounded = cue.within_lines > 0;
      std::string error;
      const std::string pattern = bounded ? cue.pattern->pattern() : "(?m:" + cue.pattern->pattern() + ")";
      if ((bounded ? line_cues : text_cues)->Add(pattern, &error) < 0) {
        return Status(ErrorCode::kInvalidGrammar, "kind '" + rules->kinds[k].kind + "': cue does not compile: " + error);
      }
      (bounded ? rules->line_cue_owner : rules->text_cue_owner).emplace_back(k, c);
    }
  }
  if (!rules->line_cue_owner.empty()) {
    if (!line_cues->Compile()) return Status(ErrorCode::kInvalidGrammar, "the kind cues exceed RE2's memory budget");
    rules->line_cues = std::move(line_cues);
  }
  if (!rules->text_cue_owner.empty()) {
    if (!text_cues->Compile()) return Status(ErrorCode::kInvalidGrammar, "the kind cues exceed RE2's memory budget");
    rules->text_cues = std::move(text_cues);
  }
  return Status::Ok();
}

// Every {field|list} in a template names a rewrite list the grammar defines
// (lists may be defined after the rules that use them, so this runs last).
Status CheckRewriteNames(const grammar::Rules& rules) {
  auto check = [&](const grammar::Template& t, const std::string& where) {
    for (const grammar::Template::Field& field : t.fields()) {
      if (!field.rewrite.empty() && rules.rewrites.count(field.rewrite) == 0) {
        return Status(ErrorCode::kInvalidGrammar, where + ": template uses the rewrite list '" + field.rewrite +
                                                      "', which no <rewrite> in <structure> defines");
      }
    }
    return Status::Ok();
  };
  for (const grammar::ReferenceRule& rule : rules.references) {
    for (const grammar::Template* t : {&rule.id, &rule.paper, &rule.attachment, &rule.measure}) {
      Status status = check(*t, "rule '" + rule.name + "'");
      if (!status.ok()) return status;
    }
  }
  return Status::Ok();
}

}  // namespace

Grammar::Grammar(std::unique_ptr<grammar::Rules> rules) : rules_(std::move(rules)) {}
Grammar::~Grammar() = default;

const std::string& Grammar::name() const { return rules_->name; }
const std::string& Grammar::fingerprint() const { return rules_->fingerprint; }
const std::string& Grammar::ocr_language() const { return rules_->ocr_language; }

std::string Grammar::DescribeContract(const Grammar* grammar) {
  return grammar::schema::Describe(grammar == nullptr ? nullptr : grammar->rules_.get());
}

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
  status = loader.Finish();
  if (!status.ok()) return status;
  status = CheckRewriteNames(*rules);
  if (!status.ok()) return status;
  status = BuildReferenceSet(rules.get());
  if (!status.ok()) return status;
  status = BuildCueSets(rules.get());
  if (!status.ok()) return status;
  out->reset(new Grammar(std::move(rules)));
  return Status::Ok();
}

}  // namespace ratsdoc
