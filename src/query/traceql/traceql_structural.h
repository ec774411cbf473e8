// The structural operators of TraceQL over one trace's parent/child tree (traceql_evaluator.h
// gives their meaning). Walks up the tree are bounded by the trace's size, so a cycle of
// parent ids in bad data cannot loop.
// Thread safety: a free function.
#pragma once

#include <vector>

#include "query/traceql/traceql_ast.h"
#include "query/traceql/traceql_trace.h"

namespace weft::query::traceql {

// The spans of `right` (ascending indexes) that stand in relation `op` to some span of `left`
// (or, for the negated operators, to none). REQUIRES: op is structural (not && or ||).
std::vector<uint32_t> structural_select(SpansetOp op, const TraceContext& trace,
                                        const std::vector<uint32_t>& left,
                                        const std::vector<uint32_t>& right);

}  // namespace weft::query::traceql
