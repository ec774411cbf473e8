// TraceQL printer: the canonical text of a syntax tree. parse(print(q)) gives back a tree that
// prints the same (the fuzz target checks this fixed point).
// Thread safety: free functions.
#pragma once

#include <string>

#include "query/traceql/traceql_ast.h"

namespace weft::query::traceql {

std::string print_query(const Query& query);
std::string print_attribute(const AttributeRef& attribute);  // "span.http.method", "name"
std::string print_literal(const Literal& literal);           // "\"GET\"", "100ms", "error"

}  // namespace weft::query::traceql
