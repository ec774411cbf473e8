// LogQL parser: query text -> Query (ast.h), following Loki's grammar (pkg/logql/syntax).
//
// Errors read like Loki's:
//   parse error at line 1, col 12: syntax error: unexpected IDENTIFIER, expecting STRING
//   parse error : queries require at least one regexp or equality matcher ...
// (position 0 when the error is about the whole query rather than one token). Besides syntax,
// parse() validates what Loki validates at parse time: a selector must have a matcher that
// does not match the empty string, range aggregations must or must not have an unwrap,
// grouping only where allowed, regexes must compile (RE2 syntax), binary operations need
// metric operands. Literal arithmetic is folded (1+1 -> 2).
//
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "query/logql/ast.h"

namespace weft::logql {

inline constexpr size_t kMaxQueryBytes = 131072;

// kInvalidArgument with the Loki-style message above.
Result<Query> parse_query(std::string_view text);

// A stream selector alone ("{app=\"x\"}"), for the labels/series APIs: anything else is an
// error. With `validate`, the selector must have a non-empty-matching matcher.
Result<std::vector<LabelMatcherExpr>> parse_stream_selector(std::string_view text, bool validate);

}  // namespace weft::logql
