// Facts about a parsed query that decide how it is run and what its results show.
// Thread safety: free functions.
#pragma once

#include <vector>

#include "query/traceql/traceql_ast.h"

namespace weft::query::traceql {

// Whether the query reads anything beyond single spans (structural operators or trace-level
// intrinsics), so that its candidate traces must be complete, not just their spans in range.
bool needs_whole_traces(const Query& query);

// Non-intrinsic attributes the filters compare and select() names, without duplicates, in
// order of appearance: the attributes shown on matched spans.
std::vector<AttributeRef> referenced_attributes(const Query& query);

}  // namespace weft::query::traceql
