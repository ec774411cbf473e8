// LogQL lexer: query text -> tokens, with the rules of Loki's lexer.
//
//   - '#' starts a comment to the end of the line;
//   - numbers followed by a duration unit are durations (5m, 1h30m, 1.5s), by a size unit
//     bytes (10KB, 1MiB); "-5m" is a negative duration;
//   - "[5m]" is one range token;
//   - function names (rate, sum, ...) are functions only when "(" or "by (" / "without ("
//     follows, otherwise identifiers (a label may be called "rate");
//   - keywords (by, json, and, ...) are case-insensitive;
//   - strings are Go literals: "..." with escapes, or `...` raw.
//
// Positions are 1-based lines and columns (columns count characters), as Loki reports them.
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/logql/token.h"

namespace weft::logql {

struct LexError {
  std::string message;
  Position pos;
};

// All tokens, the last one kEnd; or the first lexical error.
struct LexResult {
  std::vector<Token> tokens;
  bool ok = true;
  LexError error;
};

LexResult lex(std::string_view query);

}  // namespace weft::logql
