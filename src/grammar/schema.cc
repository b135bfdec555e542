#include "grammar/schema.h"

#include <algorithm>
#include <vector>

#include "grammar/rules.h"

namespace ratsdoc::grammar::schema {

std::string_view TypeName(Type type) {
  switch (type) {
    case Type::kText:
      return "text";
    case Type::kCount:
      return "count";
    case Type::kDate:
      return "date";
    case Type::kTime:
      return "time";
  }
  return "text";
}

const LayoutName* FindLayout(std::string_view name) {
  for (const LayoutName& layout : kLayouts) {
    if (layout.name == name) return &layout;
  }
  return nullptr;
}

std::string_view NameOf(Layout layout) {
  for (const LayoutName& known : kLayouts) {
    if (known.layout == layout) return known.name;
  }
  return "none";
}

const Match* FindMatch(std::string_view name) {
  for (const Match* match : kMatches) {
    if (match->section == Section::kStructure && match->name == name) return match;
  }
  return nullptr;
}

const Text* FindText(std::string_view name) {
  for (const Text* text : kTexts) {
    if (text->name == name) return text;
  }
  return nullptr;
}

const RelationName* FindRelation(std::string_view name) {
  for (const RelationName& relation : kRelations) {
    if (relation.name == name) return &relation;
  }
  return nullptr;
}

const Group* FindGroup(const Match& match, std::string_view name) {
  for (const Group& group : match.groups) {
    if (group.name == name) return &group;
  }
  return nullptr;
}

namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// "`n` count 0–9999, required"
std::string DescribeGroup(const Group& group) {
  std::string out = "`" + std::string(group.name) + "` " + std::string(TypeName(group.type));
  if (group.range != nullptr) out += " " + std::to_string(group.range->min) + "–" + std::to_string(group.range->max);
  if (group.required) out += ", required";
  out += ": " + std::string(group.meaning);
  return out;
}

std::string Cell(std::string_view text) {
  std::string out;
  for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

std::string ClosestName(std::string_view name, std::span<const std::string_view> known) {
  std::string best;
  std::size_t best_distance = name.size() / 3 + 1;
  for (std::string_view candidate : known) {
    const std::size_t distance = EditDistance(name, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

std::string Describe(const Rules* rules) {
  const bool with_grammar = rules != nullptr;
  std::string out;
  const std::string defined_head = with_grammar ? " " + rules->name + " |" : "";
  const std::string defined_rule = with_grammar ? "---|" : "";

  out += "Layouts a `<kind layout=\"…\">` can name (a kind without one is `none`):\n\n";
  out += "| layout | what its parser reads |" + defined_head + "\n|---|---|" + defined_rule + "\n";
  for (const LayoutName& layout : kLayouts) {
    out += "| `" + std::string(layout.name) + "` | " + Cell(layout.meaning) + " |";
    if (with_grammar) {
      std::string kinds;
      for (const auto& [kind, mapped] : rules->kind_layouts) {
        if (mapped == layout.layout) kinds += (kinds.empty() ? "" : ", ") + kind;
      }
      out += " " + (kinds.empty() ? std::string("–") : kinds) + " |";
    }
    out += "\n";
  }

  out +=
      "\nNamed patterns: `<match name=\"…\">` of `<structure>`, and `<date>`, `<measure-row>` of "
      "`<references>`. Groups marked required must be in the pattern; a match that needs another "
      "is refused without it.\n\n";
  out +=
      "| name | read by | meaning | groups | needs |" + defined_head + "\n|---|---|---|---|---|" + defined_rule + "\n";
  for (const Match* match : kMatches) {
    const bool in_references = match->section == Section::kReferences;
    out += "| `" + std::string(in_references ? "<" : "") + std::string(match->name) + (in_references ? ">" : "") +
           "` | " + std::string(match->reader) + " | " + Cell(match->meaning) + " | ";
    std::string groups;
    for (const Group& group : match->groups) groups += (groups.empty() ? "" : "; ") + Cell(DescribeGroup(group));
    out += (groups.empty() ? "–" : groups) + " | ";
    std::string needs;
    for (std::string_view need : match->needs) needs += (needs.empty() ? "`" : ", `") + std::string(need) + "`";
    out += (needs.empty() ? "–" : needs) + " |";
    if (with_grammar) {
      bool defined = false;
      if (match == &kDate) {
        defined = rules->date != nullptr;
      } else if (match == &kMeasureRow) {
        defined = rules->measure_row != nullptr;
      } else {
        defined = rules->Match(*match) != nullptr;
      }
      out += defined ? " yes |" : " – |";
    }
    out += "\n";
  }

  out += "\nTexts: `<text name=\"…\">` of `<structure>`, words ratsdoc writes into its output.\n\n";
  out += "| name | read by | meaning |" + defined_head + "\n|---|---|---|" + defined_rule + "\n";
  for (const Text* text : kTexts) {
    out += "| `" + std::string(text->name) + "` | " + std::string(text->reader) + " | " + Cell(text->meaning) + " |";
    if (with_grammar) {
      const auto found = rules->texts.find(text->name);
      out += found == rules->texts.end() ? std::string(" – |") : " " + Cell(found->second) + " |";
    }
    out += "\n";
  }

  out += "\nRewrite lists C++ applies by name (`<rewrite name=\"…\">`; templates may use any other):\n\n";
  out += "| name | read by | meaning |" + defined_head + "\n|---|---|---|" + defined_rule + "\n";
  for (const Text* list : kRewriteLists) {
    out += "| `" + std::string(list->name) + "` | " + std::string(list->reader) + " | " + Cell(list->meaning) + " |";
    if (with_grammar) out += rules->rewrites.count(list->name) > 0 ? " yes |" : " – |";
    out += "\n";
  }

  out += "\nID templates (attributes) and the only fields each may use:\n\n";
  out += "| attribute | on | read by | meaning | fields |\n|---|---|---|---|---|\n";
  for (const IdTemplate* t : kIdTemplates) {
    std::string fields;
    for (std::string_view field : t->fields) fields += (fields.empty() ? "`{" : ", `{") + std::string(field) + "}`";
    out += "| `" + std::string(t->attribute) + "` | `<" + std::string(t->element) + ">` | " + std::string(t->reader) +
           " | " + Cell(t->meaning) + " | " + fields + " |\n";
  }

  out += "\nRelations a `<relation name=\"…\">` may name (references/extract.cc):";
  for (const RelationName& relation : kRelations) {
    out += " `" + std::string(relation.name) + "` (" + std::string(relation.meaning) + ")";
    out += &relation == &kRelations[std::size(kRelations) - 1] ? "." : ";";
  }
  out += "\n";

  out += "\nIdentity fields: `<field name=\"…\">` of `<identity>` (src/identify/identify.cc):";
  for (const char* field : kIdentityFields) out += std::string(" `") + field + "`";
  out += ".\n";

  out += "\nFile roles: `<file-role role=\"…\">` of `<oparl>` (src/oparl/join.cc), what a file of an OParl paper is:\n\n";
  out += "| role | meaning |" + defined_head + "\n|---|---|" + defined_rule + "\n";
  for (const FileRoleSpec& role : kFileRoles) {
    out += "| `" + std::string(role.name) + "` | " + Cell(role.meaning) + " |";
    if (with_grammar) {
      std::size_t rules_for_role = 0;
      for (const FileRoleRule& rule : rules->oparl.file_roles) {
        if (ratsdoc::FileRoleName(rule.role) == role.name) ++rules_for_role;
      }
      out += rules_for_role > 0 ? " yes |" : " – |";
    }
    out += "\n";
  }
  out += "\nGroups of a `<file-role>` pattern:";
  for (const Group& group : file_role::kGroups) out += " " + Cell(DescribeGroup(group)) + ";";
  out.back() = '.';
  out += "\n";
  return out;
}

}  // namespace ratsdoc::grammar::schema
