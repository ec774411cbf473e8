#include "query/logql/go_quote.h"

namespace weft::logql {

namespace {

const char kHex[] = "0123456789abcdef";

bool is_printable(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp == 0xad || cp == 0xfeff || cp == 0xfffd) return cp == 0xfffd;
  if (cp >= 0x2028 && cp <= 0x2029) return false;
  if (cp >= 0xe000 && cp <= 0xf8ff) return false;  // private use
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Status bad() { return Status::invalid("invalid syntax"); }

// Reads `digits` hex digits at s[i]; -1 when malformed.
int64_t read_hex(std::string_view s, size_t i, int digits) {
  if (i + digits > s.size()) return -1;
  int64_t v = 0;
  for (int k = 0; k < digits; ++k) {
    int h = hex_value(s[i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// One escape sequence at body[i] (just after the backslash); appends its value and returns the
// bytes consumed, or 0 when malformed.
size_t read_escape(std::string_view body, size_t i, char quote, std::string& out) {
  if (i >= body.size()) return 0;
  char c = body[i];
  switch (c) {
    case 'a': out += '\a'; return 1;
    case 'b': out += '\b'; return 1;
    case 'f': out += '\f'; return 1;
    case 'n': out += '\n'; return 1;
    case 'r': out += '\r'; return 1;
    case 't': out += '\t'; return 1;
    case 'v': out += '\v'; return 1;
    case '\\': out += '\\'; return 1;
    case 'x': {
      int64_t v = read_hex(body, i + 1, 2);
      if (v < 0) return 0;
      out += static_cast<char>(v);
      return 3;
    }
    case 'u':
    case 'U': {
      int digits = c == 'u' ? 4 : 8;
      int64_t v = read_hex(body, i + 1, digits);
      if (v < 0 || v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return 0;
      append_utf8(out, static_cast<uint32_t>(v));
      return 1 + digits;
    }
    default:
      if (c >= '0' && c <= '7') {
        if (i + 3 > body.size()) return 0;
        int v = 0;
        for (int k = 0; k < 3; ++k) {
          char d = body[i + k];
          if (d < '0' || d > '7') return 0;
          v = v * 8 + (d - '0');
        }
        if (v > 255) return 0;
        out += static_cast<char>(v);
        return 3;
      }
      if (c == quote) {
        out += c;
        return 1;
      }
      return 0;
  }
}

}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

size_t decode_utf8(std::string_view s, size_t i, uint32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  *cp = 0xfffd;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int n = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 1;
  uint32_t v = c & (0x7f >> n);
  for (int k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xc0) != 0x80) return 1;
    v = (v << 6) | (d & 0x3f);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[n] || v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return 1;
  *cp = v;
  return n;
}

std::string go_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (size_t i = 0; i < text.size();) {
    uint32_t cp;
    size_t n = decode_utf8(text, i, &cp);
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (cp == 0xfffd && n == 1 && c >= 0x80) {  // an invalid byte
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (is_printable(cp)) {
      out.append(text.substr(i, n));
    } else {
      switch (cp) {
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\v': out += "\\v"; break;
        default:
          if (cp < 0x80) {
            out += "\\x";
            out += kHex[cp >> 4];
            out += kHex[cp & 15];
          } else if (cp < 0x10000) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
          } else {
            out += "\\U";
            for (int shift = 28; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
          }
      }
    }
    i += n;
  }
  out += '"';
  return out;
}

Result<std::string> go_unquote(std::string_view literal) {
  if (literal.size() < 2) return bad();
  char quote = literal.front();
  if (literal.back() != quote) return bad();
  std::string_view body = literal.substr(1, literal.size() - 2);
  if (quote == '`') {
    if (body.find('`') != std::string_view::npos) return bad();
    std::string out;
    for (char c : body)
      if (c != '\r') out += c;
    return out;
  }
  if (quote != '"' && quote != '\'') return bad();
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c == quote || c == '\n') return bad();
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    size_t n = read_escape(body, i + 1, quote, out);
    if (n == 0) return bad();
    i += 1 + n;
  }
  return out;
}

}  // namespace weft::logql
