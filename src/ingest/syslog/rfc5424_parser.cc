#include "ingest/syslog/rfc5424_parser.h"

namespace weft::ingest {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_print_ascii(char c) { return c >= 33 && c <= 126; }

bool is_sd_name_char(char c) { return is_print_ascii(c) && c != '=' && c != ']' && c != '"'; }

Status malformed(std::string_view what) {
  return Status::invalid("RFC 5424: " + std::string(what));
}

// Walks a message left to right.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  void skip(size_t n) { pos_ += n; }
  std::string_view rest() const { return text_.substr(pos_); }

  bool consume(char c) {
    if (done() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // A run of printable US-ASCII up to the next space (not consumed); empty when there is none.
  std::string_view token() {
    size_t begin = pos_;
    while (pos_ < text_.size() && is_print_ascii(text_[pos_])) ++pos_;
    return text_.substr(begin, pos_ - begin);
  }

  std::string_view sd_name() {
    size_t begin = pos_;
    while (pos_ < text_.size() && is_sd_name_char(text_[pos_])) ++pos_;
    return text_.substr(begin, pos_ - begin);
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

std::string_view nil_to_empty(std::string_view field) {
  return field == "-" ? std::string_view() : field;
}

// One header field followed by its space.
Status header_field(Cursor& c, std::string_view name, std::string_view* out) {
  std::string_view field = c.token();
  if (field.empty() || !c.consume(' '))
    return malformed("missing or malformed " + std::string(name));
  *out = nil_to_empty(field);
  return Status::ok();
}

Status timestamp(Cursor& c, UnixNanos* out) {
  std::string_view field = c.token();
  if (field.empty() || !c.consume(' ')) return malformed("missing TIMESTAMP");
  if (field == "-") return Status::ok();
  if (field.size() < 20 || field[4] != '-')
    return malformed("bad TIMESTAMP \"" + std::string(field.substr(0, 40)) + "\"");
  Result<UnixNanos> t = parse_time(field);
  if (!t) return malformed("bad TIMESTAMP \"" + std::string(field.substr(0, 40)) + "\"");
  *out = *t;
  return Status::ok();
}

// PARAM-VALUE after its opening quote, through the closing quote.
Status param_value(Cursor& c, std::string* out) {
  while (!c.done()) {
    char ch = c.peek();
    c.skip(1);
    if (ch == '"') return Status::ok();
    if (ch == '\\' && !c.done() && (c.peek() == '"' || c.peek() == '\\' || c.peek() == ']')) {
      *out += c.peek();
      c.skip(1);
      continue;
    }
    *out += ch;
  }
  return malformed("unterminated PARAM-VALUE");
}

// One [SD-ID *(SP PARAM-NAME="PARAM-VALUE")] after its '['.
Status sd_element(Cursor& c, SdElement& element) {
  element.id = c.sd_name();
  if (element.id.empty()) return malformed("empty SD-ID");
  while (c.consume(' ')) {
    SdParam& param = element.params.emplace_back();
    param.name = c.sd_name();
    if (param.name.empty())
      return malformed("empty PARAM-NAME in [" + std::string(element.id) + "]");
    if (!c.consume('=') || !c.consume('"'))
      return malformed("expected =\"value\" after " + std::string(param.name));
    WEFT_RETURN_IF_ERROR(param_value(c, &param.value));
  }
  if (!c.consume(']'))
    return malformed("unterminated SD-ELEMENT [" + std::string(element.id) + "]");
  return Status::ok();
}

Status structured_data(Cursor& c, std::vector<SdElement>& out) {
  if (c.consume('-')) return Status::ok();
  if (c.done() || c.peek() != '[') return malformed("missing STRUCTURED-DATA");
  while (c.consume('[')) WEFT_RETURN_IF_ERROR(sd_element(c, out.emplace_back()));
  return Status::ok();
}

std::string_view message(Cursor& c) {
  std::string_view msg = c.rest();
  if (msg.substr(0, kBom.size()) == kBom) msg.remove_prefix(kBom.size());
  return msg;
}

}  // namespace

bool looks_like_rfc5424(std::string_view text) {
  auto pri = parse_syslog_priority(text);
  if (!pri) return false;
  std::string_view rest = text.substr(pri->length);
  size_t digits = 0;
  while (digits < rest.size() && digits < 3 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  return digits > 0 && rest[0] != '0' && digits < rest.size() && rest[digits] == ' ';
}

Status parse_rfc5424(std::string_view text, SyslogMessage& out) {
  out.clear();
  out.format = SyslogMessage::Format::kRfc5424;
  auto pri = parse_syslog_priority(text);
  if (!pri) return malformed("missing or malformed PRI");
  out.priority = pri->priority;
  Cursor c(text);
  c.skip(pri->length);
  std::string_view version = c.token();
  bool digits = !version.empty() && version.size() <= 3 && version[0] != '0' &&
                version.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits || !c.consume(' ')) return malformed("missing or malformed VERSION");
  WEFT_RETURN_IF_ERROR(timestamp(c, &out.time));
  WEFT_RETURN_IF_ERROR(header_field(c, "HOSTNAME", &out.hostname));
  WEFT_RETURN_IF_ERROR(header_field(c, "APP-NAME", &out.app_name));
  WEFT_RETURN_IF_ERROR(header_field(c, "PROCID", &out.procid));
  std::string_view msgid = c.token();
  if (msgid.empty()) return malformed("missing or malformed MSGID");
  out.msgid = nil_to_empty(msgid);
  if (!c.consume(' ')) return malformed("missing STRUCTURED-DATA");
  WEFT_RETURN_IF_ERROR(structured_data(c, out.structured_data));
  if (c.done()) return Status::ok();
  if (!c.consume(' ')) return malformed("expected a space before MSG");
  out.message = message(c);
  return Status::ok();
}

}  // namespace weft::ingest
