// TraceQL lexer: turns query text into tokens with their byte offsets, for the parser.
//
// Attribute references are single tokens: `span.http.method`, `resource."service name"`,
// `.foo`; an unquoted attribute name runs until whitespace or one of {}()=~!<>&|^,"'.
// Thread safety: none needed; a Lexer is used by one parse.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace weft::query::traceql {

enum class TokenKind {
  kEnd, kLBrace, kRBrace, kLParen, kRParen, kComma, kPipe, kAndAnd, kOrOr, kNot, kMinus,
  kEq, kNeq, kGt, kGte, kLt, kLte, kRegex, kNotRegex,
  kDescendant, kAncestor, kNotChild, kNotParent, kNotDescendant, kNotAncestor, kTilde,
  kString, kInt, kFloat, kDuration, kIdentifier, kAttribute,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  size_t offset = 0;       // of its first byte in the query
  std::string text;        // identifier; decoded string; attribute name (without scope)
  std::string scope;       // kAttribute: "span", "resource", "" for `.x`, "event", "link"
  int64_t int_value = 0;   // kInt; kDuration in nanoseconds
  double float_value = 0;  // kFloat
};

// How a token kind reads in error messages ("'{'", "a string", "end of query").
std::string_view token_kind_name(TokenKind kind);

// "line 1, col 7" for a byte offset (columns count from 1).
std::string position_text(std::string_view query, size_t offset);

// kInvalidArgument "parse error at line 1, col 7: ..." for an unknown character, an unclosed
// string or a bad number.
Result<std::vector<Token>> lex_traceql(std::string_view query);

// Parses "100ms", "1.5s", "2h"; nullopt for anything else. Units: ns us µs ms s m h.
bool parse_duration_literal(std::string_view text, int64_t& nanos);

}  // namespace weft::query::traceql
