// TraceQL parser: query text -> syntax tree (traceql_ast.h).
//
// Errors are kInvalidArgument with Tempo-style text naming the position and what was expected:
// "parse error at line 1, col 14: syntax error: unexpected '}', expecting a value".
// Regular expressions are compiled (RE2) here, so a bad one is a parse error too.
// Thread safety: a free function.
#pragma once

#include <string_view>

#include "common/status.h"
#include "query/traceql/traceql_ast.h"

namespace weft::query::traceql {

// Queries longer than this are refused (they are typed by people and by Grafana).
inline constexpr size_t kMaxQueryBytes = 64 * 1024;
// Nesting deeper than this (parentheses, braces, operators) is refused; keeps recursion bounded.
inline constexpr int kMaxNesting = 100;
// More binary operators than this are refused: a left-leaning chain of them is as deep as it is
// long for the printer, the evaluator and the tree's destructor.
inline constexpr int kMaxOperators = 1000;

Result<Query> parse_traceql(std::string_view text);

// One attribute or intrinsic as a tag API names it: "span.http.method", "resource.x", ".x",
// "name", "status". A bare dotted name ("service.name", Tempo's v1 tags) is unscoped.
Result<AttributeRef> parse_tag_name(std::string_view text);

}  // namespace weft::query::traceql
