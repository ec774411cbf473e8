// TraceQL evaluator: runs a query's pipeline over the spans of one trace and returns the
// spansets that survive (an empty result means the trace does not match).
//
// The trace's spans form one input spanset. A filter `{...}` keeps the spans it matches;
// `A && B` needs both sides to match and unites their spans, `A || B` unites; the structural
// operators keep spans of the right side by their relation to spans of the left side
// (`{A} > {B}`: B spans whose parent is an A span; `<` parent, `>>` descendant, `<<` ancestor,
// `~` sibling; the `!` forms keep the B spans the relation does not hold for). Pipeline stages
// then filter spansets by aggregates, split them with by(), add select()ed attributes, or
// merge them with coalesce().
// Thread safety: free functions over immutable inputs.
#pragma once

#include <string>
#include <vector>

#include "query/traceql/traceql_ast.h"
#include "query/traceql/traceql_trace.h"

namespace weft::query::traceql {

struct Spanset {
  std::vector<uint32_t> spans;  // indexes into the TraceContext, ascending
  // by() groups: "by(resource.service.name)" -> the group's value.
  std::vector<std::pair<std::string, Literal>> labels;
  std::vector<AttributeRef> selected;  // attributes select() asked to show
};

std::vector<Spanset> evaluate_pipeline(const Pipeline& pipeline, const TraceContext& trace);

}  // namespace weft::query::traceql
