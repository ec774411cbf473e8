// The tokens of LogQL, as its lexer produces them (logql_lexer.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace weft::logql {

enum class Tok : uint8_t {
  kEnd,
  kIdentifier,
  kString,
  kNumber,
  kDuration,     // 5m, 1.5s, -1h: a duration literal (value in `nanos`)
  kRange,        // [5m] (value in `nanos`)
  kBytes,        // 10KB (value in `bytes`)
  kFunctionFlag, // --strict, --keep-empty
  // punctuation
  kComma, kDot, kOpenBrace, kCloseBrace, kOpenParen, kCloseParen, kOpenBracket, kCloseBracket,
  kEq, kNeq, kRe, kNre, kNpa, kPipeExact, kPipeMatch, kPipePattern, kPipe,
  // binary operators
  kOr, kAnd, kUnless, kAdd, kSub, kMul, kDiv, kMod, kPow, kCmpEq, kGt, kGte, kLt, kLte,
  // keywords
  kBy, kWithout, kBool, kOffset, kOn, kIgnoring, kGroupLeft, kGroupRight,
  kJson, kRegexp, kLogfmt, kUnpack, kPattern, kLabelFmt, kLineFmt, kIp, kDecolorize, kDrop,
  kKeep, kUnwrap, kLabelReplace,
  // functions (only when followed by "(" or by/without): `text` holds the lower-case name
  kRangeOp,   // rate, count_over_time, ...
  kVectorOp,  // sum, avg, topk, sort, ...
  kConvOp,    // bytes, duration, duration_seconds (in unwrap)
  kVector,    // vector
};

struct Position {
  int line = 1;
  int col = 1;
};

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;  // identifier name, unquoted string, number text, op name, flag
  int64_t nanos = 0;
  uint64_t bytes = 0;
  Position pos;
};

// How an error message names a token kind: "IDENTIFIER", "STRING", "{", "by", "$end", ...
std::string token_display_name(const Token& token);
std::string_view token_kind_name(Tok kind);

}  // namespace weft::logql
