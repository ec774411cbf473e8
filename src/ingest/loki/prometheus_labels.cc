#include "ingest/loki/prometheus_labels.h"

#include <cstdio>

#include "common/utf8.h"

namespace weft::ingest::loki {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) { return is_letter(c) || is_digit(c); }
bool is_metric_char(char c) { return is_name_char(c) || c == ':'; }
bool is_quote(char c) { return c == '"' || c == '\'' || c == '`'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One parse of one label set; see the header for the grammar.
class LabelParser {
 public:
  explicit LabelParser(std::string_view text) : text_(text) {}

  Result<Labels> parse();

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  void skip_blanks();
  std::string_view take_while(bool (*pred)(char));

  Status label_set(Labels* out);
  Status label(Labels* out);
  Status label_name(std::string* out);
  Status expect_equals();
  Status string_literal(std::string* out);
  Status raw_string(std::string* out);
  Status quoted_string(char quote, std::string* out);
  Status escape(char quote, std::string* out);
  Status code_point(int digits, std::string* out);

  // "L:C: parse error: <what>" at `pos`.
  Status error_at(size_t pos, const std::string& what) const;
  Status error(const std::string& what) const { return error_at(pos_, what); }
  // What stands at the current position, for "unexpected ..." messages.
  std::string describe_here() const;

  std::string_view text_;
  size_t pos_ = 0;
};

Result<Labels> LabelParser::parse() {
  Labels labels;
  skip_blanks();
  if (at_end()) return labels;
  if (is_letter(peek()) || peek() == ':') {
    labels.push_back({"__name__", std::string(take_while(is_metric_char))});
    skip_blanks();
    if (at_end()) return labels;
  }
  if (peek() != '{') return error("unexpected " + describe_here() + ", expected \"{\"");
  WEFT_RETURN_IF_ERROR(label_set(&labels));
  skip_blanks();
  if (!at_end()) return error("unexpected " + describe_here() + ", expected end of input");
  return labels;
}

void LabelParser::skip_blanks() {
  while (!at_end()) {
    if (is_blank(peek())) {
      ++pos_;
    } else if (peek() == '#') {  // a comment, to the end of the line
      while (!at_end() && peek() != '\n') ++pos_;
    } else {
      return;
    }
  }
}

std::string_view LabelParser::take_while(bool (*pred)(char)) {
  size_t start = pos_;
  while (!at_end() && pred(peek())) ++pos_;
  return text_.substr(start, pos_ - start);
}

Status LabelParser::label_set(Labels* out) {
  ++pos_;  // '{'
  for (;;) {
    skip_blanks();
    if (peek() == '}') break;
    WEFT_RETURN_IF_ERROR(label(out));
    skip_blanks();
    if (peek() == ',') {
      ++pos_;
      continue;
    }
    if (peek() == '}') break;
    return error("unexpected " + describe_here() + " in label set, expected \",\" or \"}\"");
  }
  ++pos_;  // '}'
  return Status::ok();
}

Status LabelParser::label(Labels* out) {
  Label label;
  WEFT_RETURN_IF_ERROR(label_name(&label.name));
  skip_blanks();
  WEFT_RETURN_IF_ERROR(expect_equals());
  skip_blanks();
  if (!is_quote(peek()))
    return error("unexpected " + describe_here() + " in label set, expected string");
  WEFT_RETURN_IF_ERROR(string_literal(&label.value));
  out->push_back(std::move(label));
  return Status::ok();
}

Status LabelParser::label_name(std::string* out) {
  if (is_letter(peek())) {
    *out = std::string(take_while(is_name_char));
    return Status::ok();
  }
  if (!is_quote(peek()))
    return error("unexpected " + describe_here() + " in label set, expected identifier or \"}\"");
  size_t start = pos_;
  WEFT_RETURN_IF_ERROR(string_literal(out));
  if (out->empty()) return error_at(start, "empty label name");
  return Status::ok();
}

Status LabelParser::expect_equals() {
  std::string_view rest = text_.substr(pos_);
  for (std::string_view op : {"!=", "=~", "!~"})
    if (rest.substr(0, 2) == op)
      return error("unexpected \"" + std::string(op) + "\" in label set, expected \"=\"");
  if (peek() != '=')
    return error("unexpected " + describe_here() + " in label set, expected \"=\"");
  ++pos_;
  return Status::ok();
}

Status LabelParser::string_literal(std::string* out) {
  size_t start = pos_;
  char quote = peek();
  ++pos_;
  out->clear();
  WEFT_RETURN_IF_ERROR(quote == '`' ? raw_string(out) : quoted_string(quote, out));
  if (!is_valid_utf8(*out)) return error_at(start, "invalid UTF-8 in string");
  return Status::ok();
}

Status LabelParser::raw_string(std::string* out) {
  size_t end = text_.find('`', pos_);
  if (end == std::string_view::npos) return error("unterminated raw string");
  out->assign(text_.substr(pos_, end - pos_));
  pos_ = end + 1;
  return Status::ok();
}

Status LabelParser::quoted_string(char quote, std::string* out) {
  for (;;) {
    if (at_end() || peek() == '\n') return error("unterminated quoted string");
    char c = text_[pos_++];
    if (c == quote) return Status::ok();
    if (c == '\\') {
      WEFT_RETURN_IF_ERROR(escape(quote, out));
    } else {
      *out += c;
    }
  }
}

Status LabelParser::escape(char quote, std::string* out) {
  if (at_end()) return error("unterminated quoted string");
  size_t start = pos_ - 1;
  char c = text_[pos_++];
  switch (c) {
    case 'a': *out += '\a'; return Status::ok();
    case 'b': *out += '\b'; return Status::ok();
    case 'f': *out += '\f'; return Status::ok();
    case 'n': *out += '\n'; return Status::ok();
    case 'r': *out += '\r'; return Status::ok();
    case 't': *out += '\t'; return Status::ok();
    case 'v': *out += '\v'; return Status::ok();
    case '\\': *out += '\\'; return Status::ok();
    case 'x': return code_point(-2, out);
    case 'u': return code_point(4, out);
    case 'U': return code_point(8, out);
    default: break;
  }
  if (c == quote) {
    *out += c;
    return Status::ok();
  }
  if (c >= '0' && c <= '7') {
    int v = c - '0';
    for (int i = 0; i < 2; ++i) {
      if (peek() < '0' || peek() > '7') return error_at(start, "invalid octal escape");
      v = v * 8 + (text_[pos_++] - '0');
    }
    if (v > 255) return error_at(start, "octal escape value > 255");
    *out += static_cast<char>(v);
    return Status::ok();
  }
  char shown[32];
  std::snprintf(shown, sizeof shown, "unknown escape sequence '\\%c'", c);
  return error_at(start, c >= 0x20 && c < 0x7f ? shown : "unknown escape sequence");
}

// \xHH (digits = -2: a byte), \uHHHH (4) or \UHHHHHHHH (8: a code point, as UTF-8).
Status LabelParser::code_point(int digits, std::string* out) {
  size_t start = pos_ - 2;
  int n = digits < 0 ? -digits : digits;
  uint32_t v = 0;
  for (int i = 0; i < n; ++i) {
    int h = hex_value(peek());
    if (h < 0) return error_at(start, "invalid hexadecimal escape");
    v = v * 16 + static_cast<uint32_t>(h);
    ++pos_;
  }
  if (digits < 0) {
    *out += static_cast<char>(v);
    return Status::ok();
  }
  if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
    return error_at(start, "escape sequence is an invalid Unicode code point");
  append_utf8(*out, static_cast<char32_t>(v));
  return Status::ok();
}

Status LabelParser::error_at(size_t pos, const std::string& what) const {
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < pos && i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return Status::invalid(std::to_string(line) + ":" + std::to_string(pos - line_start + 1) +
                         ": parse error: " + what);
}

std::string LabelParser::describe_here() const {
  if (at_end()) return "end of input";
  char c = peek();
  std::string_view rest = text_.substr(pos_);
  for (std::string_view op : {"!=", "=~", "!~"})
    if (rest.substr(0, 2) == op) return "\"" + std::string(op) + "\"";
  if (c == '=' || c == ',' || c == '{' || c == '}') return std::string("\"") + c + "\"";
  if (is_letter(c)) {
    size_t n = 1;
    while (n < rest.size() && n < 64 && is_metric_char(rest[n])) ++n;
    return "identifier \"" + std::string(rest.substr(0, n)) + "\"";
  }
  if (is_quote(c)) return "string";
  if (is_digit(c)) return "number";
  if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f)
    return std::string("character '") + c + "'";
  char buf[32];
  std::snprintf(buf, sizeof buf, "byte 0x%02x", static_cast<unsigned char>(c));
  return buf;
}

// Appends `s` in double quotes, escaped as Go's strconv.Quote escapes what needs it.
void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : utf8_sequence_length(s, i);
    if (n > 1) {
      out.append(s.data() + i, n);
      i += n;
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\a': out += "\\a"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\v': out += "\\v"; continue;
      default: break;
    }
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {  // other control characters, DEL, and bytes that are not UTF-8
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  out += '"';
}

}  // namespace

Result<Labels> parse_prometheus_labels(std::string_view text) { return LabelParser(text).parse(); }

bool is_legacy_label_name(std::string_view name) {
  if (name.empty() || !is_letter(name[0])) return false;
  for (char c : name)
    if (!is_name_char(c)) return false;
  return true;
}

std::string format_labels(const Labels& labels) {
  std::string out = "{";
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out += ", ";
    if (is_legacy_label_name(labels[i].name)) out += labels[i].name;
    else append_quoted(out, labels[i].name);
    out += '=';
    append_quoted(out, labels[i].value);
  }
  out += '}';
  return out;
}

}  // namespace weft::ingest::loki
