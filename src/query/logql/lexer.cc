#include "query/logql/lexer.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "query/logql/go_quote.h"
#include "query/logql/units.h"

namespace weft::logql {

namespace {

const std::map<std::string, Tok, std::less<>>& keywords() {
  static const std::map<std::string, Tok, std::less<>> k = {
      {"by", Tok::kBy},           {"without", Tok::kWithout},     {"bool", Tok::kBool},
      {"offset", Tok::kOffset},   {"on", Tok::kOn},               {"ignoring", Tok::kIgnoring},
      {"group_left", Tok::kGroupLeft}, {"group_right", Tok::kGroupRight},
      {"or", Tok::kOr},           {"and", Tok::kAnd},             {"unless", Tok::kUnless},
      {"json", Tok::kJson},       {"regexp", Tok::kRegexp},       {"logfmt", Tok::kLogfmt},
      {"unpack", Tok::kUnpack},   {"pattern", Tok::kPattern},     {"label_format", Tok::kLabelFmt},
      {"line_format", Tok::kLineFmt}, {"ip", Tok::kIp},           {"decolorize", Tok::kDecolorize},
      {"drop", Tok::kDrop},       {"keep", Tok::kKeep},           {"unwrap", Tok::kUnwrap},
      {"label_replace", Tok::kLabelReplace}};
  return k;
}

const std::map<std::string, Tok, std::less<>>& functions() {
  static const std::map<std::string, Tok, std::less<>> f = {
      {"rate", Tok::kRangeOp},             {"rate_counter", Tok::kRangeOp},
      {"count_over_time", Tok::kRangeOp},  {"bytes_rate", Tok::kRangeOp},
      {"bytes_over_time", Tok::kRangeOp},  {"avg_over_time", Tok::kRangeOp},
      {"sum_over_time", Tok::kRangeOp},    {"min_over_time", Tok::kRangeOp},
      {"max_over_time", Tok::kRangeOp},    {"stdvar_over_time", Tok::kRangeOp},
      {"stddev_over_time", Tok::kRangeOp}, {"quantile_over_time", Tok::kRangeOp},
      {"first_over_time", Tok::kRangeOp},  {"last_over_time", Tok::kRangeOp},
      {"absent_over_time", Tok::kRangeOp}, {"vector", Tok::kVector},
      {"sum", Tok::kVectorOp},             {"avg", Tok::kVectorOp},
      {"max", Tok::kVectorOp},             {"min", Tok::kVectorOp},
      {"count", Tok::kVectorOp},           {"stddev", Tok::kVectorOp},
      {"stdvar", Tok::kVectorOp},          {"bottomk", Tok::kVectorOp},
      {"topk", Tok::kVectorOp},            {"sort", Tok::kVectorOp},
      {"sort_desc", Tok::kVectorOp},       {"approx_topk", Tok::kVectorOp},
      {"label_replace", Tok::kLabelReplace}, {"bytes", Tok::kConvOp},
      {"duration", Tok::kConvOp},          {"duration_seconds", Tok::kConvOp},
      {"ip", Tok::kIp}};
  return f;
}

struct TwoChar {
  const char* text;
  Tok kind;
};
constexpr TwoChar kTwoChar[] = {
    {"!=", Tok::kNeq},      {"=~", Tok::kRe},        {"!~", Tok::kNre},
    {"!>", Tok::kNpa},      {"|=", Tok::kPipeExact}, {"|~", Tok::kPipeMatch},
    {"|>", Tok::kPipePattern}, {"==", Tok::kCmpEq},  {">=", Tok::kGte},
    {"<=", Tok::kLte}};

Tok single_char(char c) {
  switch (c) {
    case ',': return Tok::kComma;
    case '.': return Tok::kDot;
    case '{': return Tok::kOpenBrace;
    case '}': return Tok::kCloseBrace;
    case '(': return Tok::kOpenParen;
    case ')': return Tok::kCloseParen;
    case ']': return Tok::kCloseBracket;
    case '=': return Tok::kEq;
    case '|': return Tok::kPipe;
    case '+': return Tok::kAdd;
    case '-': return Tok::kSub;
    case '*': return Tok::kMul;
    case '/': return Tok::kDiv;
    case '%': return Tok::kMod;
    case '^': return Tok::kPow;
    case '>': return Tok::kGt;
    case '<': return Tok::kLt;
    default: return Tok::kEnd;
  }
}

bool is_ident_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return is_ident_start(c) || std::isdigit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_duration_char(unsigned char c) {
  return std::isdigit(c) || c == '.' || c == 'n' || c == 'u' || c == 'm' || c == 's' ||
         c == 'h' || c == 'd' || c == 'w' || c == 'y' || c == 0xc2 || c == 0xb5;
}
bool is_bytes_char(unsigned char c) {
  return std::isdigit(c) || c == '.' || c == 'B' || c == 'i' || c == 'k' || c == 'K' ||
         c == 'M' || c == 'G' || c == 'T' || c == 'P';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Lexer {
 public:
  explicit Lexer(std::string_view q) : q_(q) {}

  LexResult run() {
    LexResult result;
    while (true) {
      skip_space_and_comments();
      Token t;
      t.pos = position(i_);
      if (i_ >= q_.size()) {
        t.kind = Tok::kEnd;
        result.tokens.push_back(std::move(t));
        return result;
      }
      if (!next_token(t)) {
        result.ok = false;
        result.error = error_;
        return result;
      }
      result.tokens.push_back(std::move(t));
    }
  }

 private:
  Position position(size_t at) {
    // Columns count characters (UTF-8 lead bytes) since the last newline.
    while (pos_index_ < at) {
      unsigned char c = static_cast<unsigned char>(q_[pos_index_]);
      if (c == '\n') {
        pos_.line++;
        pos_.col = 1;
      } else if ((c & 0xc0) != 0x80) {
        pos_.col++;
      }
      ++pos_index_;
    }
    return pos_;
  }

  bool fail(std::string message, size_t at) {
    error_ = {std::move(message), position(at)};
    return false;
  }

  void skip_space_and_comments() {
    while (i_ < q_.size()) {
      if (is_space(q_[i_])) {
        ++i_;
      } else if (q_[i_] == '#') {
        while (i_ < q_.size() && q_[i_] != '\n') ++i_;
      } else {
        return;
      }
    }
  }

  // The next non-space characters after `at`.
  size_t skip_space_from(size_t at) const {
    while (at < q_.size() && is_space(q_[at])) ++at;
    return at;
  }

  // Whether "(" or "by (" / "without (" follows position `at`: a function call.
  bool function_follows(size_t at) const {
    at = skip_space_from(at);
    if (at < q_.size() && q_[at] == '(') return true;
    for (std::string_view kw : {"by", "without"}) {
      if (q_.size() - at >= kw.size() && lower(q_.substr(at, kw.size())) == kw) {
        size_t after = skip_space_from(at + kw.size());
        return after < q_.size() && q_[after] == '(';
      }
    }
    return false;
  }

  bool next_token(Token& t) {
    unsigned char c = static_cast<unsigned char>(q_[i_]);
    if (std::isdigit(c) || (c == '.' && i_ + 1 < q_.size() && std::isdigit(static_cast<unsigned char>(q_[i_ + 1]))))
      return number(t);
    if (c == '"' || c == '`') return string_literal(t);
    if (c == '\'') return fail("literal not terminated", i_);
    if (c == '[') return range(t);
    if (is_ident_start(c)) return identifier(t);
    if (c == '-' && i_ + 1 < q_.size()) {
      if (q_[i_ + 1] == '-' && flag(t)) return true;
      if (negative_duration(t)) return true;
    }
    for (const TwoChar& two : kTwoChar) {
      if (q_.substr(i_, 2) == two.text) {
        t.kind = two.kind;
        t.text = two.text;
        i_ += 2;
        return true;
      }
    }
    Tok kind = single_char(static_cast<char>(c));
    if (kind == Tok::kEnd) {
      uint32_t cp;
      size_t n = decode_utf8(q_, i_, &cp);
      return fail("unexpected character " + go_quote(q_.substr(i_, n)), i_);
    }
    t.kind = kind;
    t.text = std::string(1, static_cast<char>(c));
    ++i_;
    return true;
  }

  bool number(Token& t) {
    size_t start = i_;
    while (i_ < q_.size() && std::isdigit(static_cast<unsigned char>(q_[i_]))) ++i_;
    if (i_ < q_.size() && (q_[i_] == 'x' || q_[i_] == 'X') && i_ == start + 1 && q_[start] == '0') {
      ++i_;
      while (i_ < q_.size() && std::isxdigit(static_cast<unsigned char>(q_[i_]))) ++i_;
    } else {
      if (i_ < q_.size() && q_[i_] == '.') {
        ++i_;
        while (i_ < q_.size() && std::isdigit(static_cast<unsigned char>(q_[i_]))) ++i_;
      }
      if (i_ < q_.size() && (q_[i_] == 'e' || q_[i_] == 'E')) {
        size_t e = i_ + 1;
        if (e < q_.size() && (q_[e] == '+' || q_[e] == '-')) ++e;
        if (e < q_.size() && std::isdigit(static_cast<unsigned char>(q_[e]))) {
          i_ = e;
          while (i_ < q_.size() && std::isdigit(static_cast<unsigned char>(q_[i_]))) ++i_;
        }
      }
    }
    std::string_view text = q_.substr(start, i_ - start);
    if (suffixed(t, text)) return true;
    t.kind = Tok::kNumber;
    t.text = std::string(text);
    return true;
  }

  // A duration or byte-size unit directly after a number: "5m", "1h30m", "10KB".
  bool suffixed(Token& t, std::string_view number_text) {
    size_t end = i_;
    while (end < q_.size() && !is_space(q_[end]) && is_duration_char(static_cast<unsigned char>(q_[end]))) ++end;
    if (end > i_) {
      std::string full = std::string(number_text) + std::string(q_.substr(i_, end - i_));
      auto d = parse_duration_literal(full);
      if (d.is_ok()) {
        t.kind = Tok::kDuration;
        t.nanos = *d;
        t.text = full;
        i_ = end;
        return true;
      }
    }
    end = i_;
    while (end < q_.size() && !is_space(q_[end]) && is_bytes_char(static_cast<unsigned char>(q_[end]))) ++end;
    if (end > i_) {
      std::string full = std::string(number_text) + std::string(q_.substr(i_, end - i_));
      auto b = parse_bytes(full);
      if (b.is_ok()) {
        t.kind = Tok::kBytes;
        t.bytes = *b;
        t.text = full;
        i_ = end;
        return true;
      }
    }
    return false;
  }

  bool negative_duration(Token& t) {
    size_t end = i_ + 1;
    while (end < q_.size() && !is_space(q_[end]) && is_duration_char(static_cast<unsigned char>(q_[end]))) ++end;
    if (end == i_ + 1) return false;
    std::string text(q_.substr(i_, end - i_));
    auto d = parse_duration_literal(text);
    if (!d.is_ok()) return false;
    t.kind = Tok::kDuration;
    t.nanos = *d;
    t.text = text;
    i_ = end;
    return true;
  }

  bool flag(Token& t) {
    size_t end = i_;
    while (end < q_.size() && (std::isalpha(static_cast<unsigned char>(q_[end])) || q_[end] == '-')) ++end;
    std::string_view text = q_.substr(i_, end - i_);
    if (text != "--strict" && text != "--keep-empty") return false;
    t.kind = Tok::kFunctionFlag;
    t.text = std::string(text);
    i_ = end;
    return true;
  }

  bool string_literal(Token& t) {
    size_t start = i_;
    char quote = q_[i_++];
    while (i_ < q_.size() && q_[i_] != quote) {
      if (quote == '"' && q_[i_] == '\n') return fail("literal not terminated", start);
      if (quote == '"' && q_[i_] == '\\') ++i_;
      ++i_;
    }
    if (i_ >= q_.size()) return fail("literal not terminated", start);
    ++i_;
    std::string_view literal = q_.substr(start, i_ - start);
    uint32_t cp;
    for (size_t k = 0; k < literal.size();) {
      size_t n = decode_utf8(literal, k, &cp);
      if (cp == 0xfffd && n == 1 && static_cast<unsigned char>(literal[k]) >= 0x80)
        return fail("invalid UTF-8 rune", start);
      k += n;
    }
    auto value = go_unquote(literal);
    if (!value.is_ok()) return fail(value.status().message(), start);
    t.kind = Tok::kString;
    t.text = std::move(*value);
    return true;
  }

  bool range(Token& t) {
    size_t start = i_;
    size_t close = q_.find(']', i_);
    if (close == std::string_view::npos) return fail("missing closing ']' in duration", start);
    std::string_view inner = q_.substr(i_ + 1, close - i_ - 1);
    auto d = parse_prometheus_duration(inner);
    if (!d.is_ok()) return fail(d.status().message(), start);
    t.kind = Tok::kRange;
    t.nanos = *d;
    t.text = std::string(inner);
    i_ = close + 1;
    return true;
  }

  bool identifier(Token& t) {
    size_t start = i_;
    while (i_ < q_.size() && is_ident_char(static_cast<unsigned char>(q_[i_]))) ++i_;
    std::string_view text = q_.substr(start, i_ - start);
    std::string low = lower(text);
    auto f = functions().find(low);
    if (f != functions().end() && function_follows(i_)) {
      t.kind = f->second;
      t.text = low;
      return true;
    }
    auto k = keywords().find(low);
    if (k != keywords().end()) {
      t.kind = k->second;
      t.text = low;
      return true;
    }
    t.kind = Tok::kIdentifier;
    t.text = std::string(text);
    return true;
  }

  std::string_view q_;
  size_t i_ = 0;
  size_t pos_index_ = 0;
  Position pos_;
  LexError error_;
};

}  // namespace

LexResult lex(std::string_view query) { return Lexer(query).run(); }

std::string_view token_kind_name(Tok kind) {
  switch (kind) {
    case Tok::kEnd: return "$end";
    case Tok::kIdentifier: return "IDENTIFIER";
    case Tok::kString: return "STRING";
    case Tok::kNumber: return "NUMBER";
    case Tok::kDuration: return "DURATION";
    case Tok::kRange: return "RANGE";
    case Tok::kBytes: return "BYTES";
    case Tok::kFunctionFlag: return "FUNCTION_FLAG";
    case Tok::kComma: return ",";
    case Tok::kDot: return ".";
    case Tok::kOpenBrace: return "{";
    case Tok::kCloseBrace: return "}";
    case Tok::kOpenParen: return "(";
    case Tok::kCloseParen: return ")";
    case Tok::kOpenBracket: return "[";
    case Tok::kCloseBracket: return "]";
    case Tok::kEq: return "=";
    case Tok::kNeq: return "!=";
    case Tok::kRe: return "=~";
    case Tok::kNre: return "!~";
    case Tok::kNpa: return "!>";
    case Tok::kPipeExact: return "|=";
    case Tok::kPipeMatch: return "|~";
    case Tok::kPipePattern: return "|>";
    case Tok::kPipe: return "|";
    case Tok::kOr: return "or";
    case Tok::kAnd: return "and";
    case Tok::kUnless: return "unless";
    case Tok::kAdd: return "+";
    case Tok::kSub: return "-";
    case Tok::kMul: return "*";
    case Tok::kDiv: return "/";
    case Tok::kMod: return "%";
    case Tok::kPow: return "^";
    case Tok::kCmpEq: return "==";
    case Tok::kGt: return ">";
    case Tok::kGte: return ">=";
    case Tok::kLt: return "<";
    case Tok::kLte: return "<=";
    case Tok::kBy: return "by";
    case Tok::kWithout: return "without";
    case Tok::kBool: return "bool";
    case Tok::kOffset: return "offset";
    case Tok::kOn: return "on";
    case Tok::kIgnoring: return "ignoring";
    case Tok::kGroupLeft: return "group_left";
    case Tok::kGroupRight: return "group_right";
    case Tok::kJson: return "json";
    case Tok::kRegexp: return "regexp";
    case Tok::kLogfmt: return "logfmt";
    case Tok::kUnpack: return "unpack";
    case Tok::kPattern: return "pattern";
    case Tok::kLabelFmt: return "label_format";
    case Tok::kLineFmt: return "line_format";
    case Tok::kIp: return "ip";
    case Tok::kDecolorize: return "decolorize";
    case Tok::kDrop: return "drop";
    case Tok::kKeep: return "keep";
    case Tok::kUnwrap: return "unwrap";
    case Tok::kLabelReplace: return "label_replace";
    case Tok::kRangeOp: return "RANGE_OP";
    case Tok::kVectorOp: return "VECTOR_OP";
    case Tok::kConvOp: return "CONV_OP";
    case Tok::kVector: return "VECTOR";
  }
  return "?";
}

std::string token_display_name(const Token& token) {
  switch (token.kind) {
    case Tok::kRangeOp:
    case Tok::kVectorOp:
    case Tok::kConvOp:
    case Tok::kVector: {
      std::string upper = token.text;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (token.kind == Tok::kConvOp) upper += "_CONV";
      return upper;
    }
    default:
      return std::string(token_kind_name(token.kind));
  }
}

}  // namespace weft::logql
