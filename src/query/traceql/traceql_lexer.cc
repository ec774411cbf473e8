#include "query/traceql/traceql_lexer.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace weft::query::traceql {

namespace {

bool is_attribute_end(char c) {
  return std::isspace(static_cast<unsigned char>(c)) ||
         std::string_view("{}()=~!<>&|^,\"'`").find(c) != std::string_view::npos;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':';
}

Status lex_error(std::string_view query, size_t offset, std::string_view what) {
  return Status::invalid("parse error at " + position_text(query, offset) + ": " +
                         std::string(what));
}

class Lexer {
 public:
  explicit Lexer(std::string_view q) : q_(q) {}

  Result<std::vector<Token>> run() {
    std::vector<Token> tokens;
    for (;;) {
      skip_space();
      Token t;
      t.offset = pos_;
      if (pos_ >= q_.size()) {
        tokens.push_back(t);
        return tokens;
      }
      Status s = next(t);
      if (!s.is_ok()) return s;
      tokens.push_back(std::move(t));
    }
  }

 private:
  void skip_space() {
    while (pos_ < q_.size() && std::isspace(static_cast<unsigned char>(q_[pos_]))) ++pos_;
  }
  bool at(std::string_view s) const { return q_.substr(pos_, s.size()) == s; }
  char peek(size_t ahead = 0) const { return pos_ + ahead < q_.size() ? q_[pos_ + ahead] : 0; }

  Status next(Token& t) {
    char c = q_[pos_];
    if (c == '"' || c == '`') return lex_string(t, t.text);
    if (std::isdigit(static_cast<unsigned char>(c))) return lex_number(t);
    if (c == '.' && !std::isdigit(static_cast<unsigned char>(peek(1)))) return lex_attribute(t, "");
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') return lex_word(t);
    if (lex_operator(t)) return Status::ok();
    return lex_error(q_, pos_, std::string("syntax error: unexpected character '") + c + "'");
  }

  bool lex_operator(Token& t) {
    static const std::pair<std::string_view, TokenKind> kOps[] = {
        {"!>>", TokenKind::kNotDescendant}, {"!<<", TokenKind::kNotAncestor},
        {"&&", TokenKind::kAndAnd}, {"||", TokenKind::kOrOr}, {"!=", TokenKind::kNeq},
        {"!~", TokenKind::kNotRegex}, {"=~", TokenKind::kRegex}, {">=", TokenKind::kGte},
        {"<=", TokenKind::kLte}, {">>", TokenKind::kDescendant}, {"<<", TokenKind::kAncestor},
        {"!>", TokenKind::kNotChild}, {"!<", TokenKind::kNotParent},
        {"{", TokenKind::kLBrace}, {"}", TokenKind::kRBrace}, {"(", TokenKind::kLParen},
        {")", TokenKind::kRParen}, {",", TokenKind::kComma}, {"|", TokenKind::kPipe},
        {"!", TokenKind::kNot}, {"-", TokenKind::kMinus}, {"=", TokenKind::kEq},
        {">", TokenKind::kGt}, {"<", TokenKind::kLt}, {"~", TokenKind::kTilde},
    };
    for (const auto& [text, kind] : kOps) {
      if (!at(text)) continue;
      t.kind = kind;
      pos_ += text.size();
      return true;
    }
    return false;
  }

  // `!~` between spansets is "not sibling" and inside a filter "does not match": the lexer
  // gives kNotRegex for both and the parser decides. A lone `~` is the sibling operator.
  Status lex_string(Token& t, std::string& out) {
    char quote = q_[pos_];
    size_t start = pos_++;
    out.clear();
    while (pos_ < q_.size() && q_[pos_] != quote) {
      char c = q_[pos_++];
      if (c != '\\' || quote == '`') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= q_.size()) break;
      char e = q_[pos_++];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case '\\': case '"': case '\'': out.push_back(e); break;
        default: out.push_back('\\'); out.push_back(e); break;  // kept for regexes: "\d"
      }
    }
    if (pos_ >= q_.size()) return lex_error(q_, start, "syntax error: unterminated string");
    ++pos_;
    if (t.kind != TokenKind::kAttribute) t.kind = TokenKind::kString;
    return Status::ok();
  }

  Status lex_number(Token& t) {
    size_t start = pos_;
    while (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.') ++pos_;
    if ((peek() == 'e' || peek() == 'E') &&
        (std::isdigit(static_cast<unsigned char>(peek(1))) ||
         ((peek(1) == '-' || peek(1) == '+') && std::isdigit(static_cast<unsigned char>(peek(2)))))) {
      pos_ += 2;
      while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
    }
    size_t number_end = pos_;
    while (std::isalpha(static_cast<unsigned char>(peek())) || at("µ")) pos_ += at("µ") ? 2 : 1;
    std::string_view text = q_.substr(start, pos_ - start);
    if (pos_ > number_end) {
      t.kind = TokenKind::kDuration;
      if (!parse_duration_literal(text, t.int_value))
        return lex_error(q_, start, "syntax error: bad duration \"" + std::string(text) + "\"");
      return Status::ok();
    }
    if (text.find_first_of(".eE") == std::string_view::npos) {
      t.kind = TokenKind::kInt;
      auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), t.int_value);
      if (ec != std::errc() || p != text.data() + text.size())
        return lex_error(q_, start, "syntax error: integer out of range");
      return Status::ok();
    }
    t.kind = TokenKind::kFloat;
    std::string copy(text);
    char* end = nullptr;
    t.float_value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(t.float_value))
      return lex_error(q_, start, "syntax error: bad number \"" + copy + "\"");
    return Status::ok();
  }

  Status lex_word(Token& t) {
    size_t start = pos_;
    while (pos_ < q_.size() && is_word_char(q_[pos_])) ++pos_;
    std::string word(q_.substr(start, pos_ - start));
    static const std::string_view kScopes[] = {"span", "resource", "event", "link",
                                               "instrumentation"};
    if (peek() == '.') {
      for (std::string_view scope : kScopes)
        if (word == scope) return lex_attribute(t, word);
    }
    t.kind = TokenKind::kIdentifier;
    t.text = std::move(word);
    return Status::ok();
  }

  // At the '.' after the scope (or of an unscoped attribute).
  Status lex_attribute(Token& t, std::string scope) {
    size_t dot = pos_++;
    t.kind = TokenKind::kAttribute;
    t.scope = std::move(scope);
    if (peek() == '"') return lex_string(t, t.text);
    size_t start = pos_;
    while (pos_ < q_.size() && !is_attribute_end(q_[pos_])) ++pos_;
    t.text = std::string(q_.substr(start, pos_ - start));
    if (t.text.empty()) return lex_error(q_, dot, "syntax error: empty attribute name");
    return Status::ok();
  }

  std::string_view q_;
  size_t pos_ = 0;
};

}  // namespace

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd: return "end of query";
    case TokenKind::kLBrace: return "'{'";
    case TokenKind::kRBrace: return "'}'";
    case TokenKind::kLParen: return "'('";
    case TokenKind::kRParen: return "')'";
    case TokenKind::kComma: return "','";
    case TokenKind::kPipe: return "'|'";
    case TokenKind::kAndAnd: return "'&&'";
    case TokenKind::kOrOr: return "'||'";
    case TokenKind::kNot: return "'!'";
    case TokenKind::kMinus: return "'-'";
    case TokenKind::kEq: return "'='";
    case TokenKind::kNeq: return "'!='";
    case TokenKind::kGt: return "'>'";
    case TokenKind::kGte: return "'>='";
    case TokenKind::kLt: return "'<'";
    case TokenKind::kLte: return "'<='";
    case TokenKind::kRegex: return "'=~'";
    case TokenKind::kNotRegex: return "'!~'";
    case TokenKind::kDescendant: return "'>>'";
    case TokenKind::kAncestor: return "'<<'";
    case TokenKind::kNotChild: return "'!>'";
    case TokenKind::kNotParent: return "'!<'";
    case TokenKind::kNotDescendant: return "'!>>'";
    case TokenKind::kNotAncestor: return "'!<<'";
    case TokenKind::kTilde: return "'~'";
    case TokenKind::kString: return "a string";
    case TokenKind::kInt: return "an integer";
    case TokenKind::kFloat: return "a float";
    case TokenKind::kDuration: return "a duration";
    case TokenKind::kIdentifier: return "an identifier";
    case TokenKind::kAttribute: return "an attribute";
  }
  return "a token";
}

std::string position_text(std::string_view query, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < query.size(); ++i) {
    if (query[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", col " + std::to_string(col);
}

Result<std::vector<Token>> lex_traceql(std::string_view query) { return Lexer(query).run(); }

bool parse_duration_literal(std::string_view text, int64_t& nanos) {
  static const std::pair<std::string_view, double> kUnits[] = {
      {"ns", 1}, {"us", 1e3}, {"µs", 1e3}, {"ms", 1e6}, {"s", 1e9}, {"m", 60e9}, {"h", 3600e9}};
  size_t unit_at = text.find_first_not_of("0123456789.");
  if (unit_at == 0 || unit_at == std::string_view::npos) return false;
  std::string number(text.substr(0, unit_at));
  std::string_view unit = text.substr(unit_at);
  char* end = nullptr;
  double value = std::strtod(number.c_str(), &end);
  if (end != number.c_str() + number.size()) return false;
  for (const auto& [name, scale] : kUnits) {
    if (unit != name) continue;
    double n = value * scale;
    if (!(n < 9.2e18)) return false;
    nanos = static_cast<int64_t>(std::llround(n));
    return true;
  }
  return false;
}

}  // namespace weft::query::traceql
