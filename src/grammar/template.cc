#include "grammar/template.h"

#include <optional>

#include "common/numbers.h"
#include "common/utf8.h"

namespace ratsdoc::grammar {
namespace {

std::string WithoutSpace(std::string_view value) {
  std::string out;
  std::size_t pos = 0;
  while (pos < value.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8::Next(value, &pos);
    if (!utf8::IsSpace(cp)) out.append(value.substr(start, pos - start));
  }
  return out;
}

std::string CollapseSpace(std::string_view value) {
  std::string out;
  bool space = false;
  std::size_t pos = 0;
  while (pos < value.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8::Next(value, &pos);
    if (utf8::IsSpace(cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out.append(value.substr(start, pos - start));
  }
  return out;
}

std::string Upper(std::string value, bool roman) {
  for (char& c : value) {
    if (roman && (c == 'l' || c == '1')) c = 'I';  // a Roman one as OCR and typewriters write it
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return value;
}

Status ParseField(std::string_view spec, Template::Field* field) {
  if (spec.substr(0, 5) == "self:") {
    field->from_self = true;
    spec.remove_prefix(5);
  }
  if (const std::size_t bar = spec.find('|'); bar != std::string_view::npos) {
    field->rewrite = std::string(spec.substr(bar + 1));
    if (field->rewrite.empty()) return Status(ErrorCode::kInvalidGrammar, "a template field has an empty rewrite list name after '|'");
    spec = spec.substr(0, bar);
  }
  const std::size_t colon = spec.find(':');
  field->name = std::string(spec.substr(0, colon));
  if (field->name.empty()) return Status(ErrorCode::kInvalidGrammar, "a template field has no name");
  if (colon == std::string_view::npos) return Status::Ok();
  const std::string_view transform = spec.substr(colon + 1);
  if (transform == "upper") {
    field->transform = Template::Transform::kUpper;
  } else if (transform == "roman") {
    field->transform = Template::Transform::kRoman;
  } else if (transform == "text") {
    field->transform = Template::Transform::kText;
  } else {
    const std::optional<int> width = numbers::ParseInt(transform, numbers::Range{1, 12, "template width"});
    if (!width) {
      return Status(ErrorCode::kInvalidGrammar, "unknown template transform '" + std::string(transform) +
                                                    "' (use a width such as 4, 'upper', 'roman' or 'text')");
    }
    field->transform = Template::Transform::kPad;
    field->width = *width;
  }
  return Status::Ok();
}

}  // namespace

Status Template::Parse(std::string_view text, Template* out) {
  Template parsed;
  std::string literal;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '}') return Status(ErrorCode::kInvalidGrammar, "template '" + std::string(text) + "' has a '}' without '{'");
    if (c != '{') {
      literal += c;
      ++pos;
      continue;
    }
    const std::size_t close = text.find('}', pos);
    if (close == std::string_view::npos) {
      return Status(ErrorCode::kInvalidGrammar, "template '" + std::string(text) + "' has an unclosed '{'");
    }
    if (!literal.empty()) parsed.pieces_.push_back(Piece{std::move(literal), false, {}});
    literal.clear();
    Piece piece;
    piece.is_field = true;
    Status status = ParseField(text.substr(pos + 1, close - pos - 1), &piece.field);
    if (!status.ok()) return status;
    parsed.pieces_.push_back(std::move(piece));
    pos = close + 1;
  }
  if (!literal.empty()) parsed.pieces_.push_back(Piece{std::move(literal), false, {}});
  *out = std::move(parsed);
  return Status::Ok();
}

std::optional<std::string> Template::Fill(const Lookup& lookup, const Rewriter& rewrite) const {
  std::string out;
  for (const Piece& piece : pieces_) {
    if (!piece.is_field) {
      out += piece.literal;
      continue;
    }
    const std::optional<std::string_view> raw = lookup(piece.field);
    if (!raw) return std::nullopt;
    std::string value = piece.field.transform == Transform::kText ? CollapseSpace(*raw) : WithoutSpace(*raw);
    switch (piece.field.transform) {
      case Transform::kNone:
      case Transform::kText: break;
      case Transform::kPad:
        if (static_cast<int>(value.size()) < piece.field.width) {
          value.insert(0, static_cast<std::size_t>(piece.field.width) - value.size(), '0');
        }
        break;
      case Transform::kUpper: value = Upper(std::move(value), false); break;
      case Transform::kRoman: value = Upper(std::move(value), true); break;
    }
    if (!piece.field.rewrite.empty() && rewrite) value = rewrite(piece.field.rewrite, std::move(value));
    out += value;
  }
  return out;
}

std::vector<Template::Field> Template::fields() const {
  std::vector<Field> out;
  for (const Piece& piece : pieces_) {
    if (piece.is_field) out.push_back(piece.field);
  }
  return out;
}

}  // namespace ratsdoc::grammar
