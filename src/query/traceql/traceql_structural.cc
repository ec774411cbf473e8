#include "query/traceql/traceql_structural.h"

namespace weft::query::traceql {

namespace {

using Marks = std::vector<uint8_t>;

Marks marks_of(const TraceContext& trace, const std::vector<uint32_t>& spans) {
  Marks m(trace.size(), 0);
  for (uint32_t i : spans) m[i] = 1;
  return m;
}

// Spans with a child among `spans` (their parents).
Marks parents_of(const TraceContext& trace, const std::vector<uint32_t>& spans) {
  Marks m(trace.size(), 0);
  for (uint32_t i : spans)
    if (trace.parent(i) >= 0) m[trace.parent(i)] = 1;
  return m;
}

// Spans with a descendant among `spans` (all their ancestors).
Marks ancestors_of(const TraceContext& trace, const std::vector<uint32_t>& spans) {
  Marks m(trace.size(), 0);
  for (uint32_t i : spans) {
    int32_t p = trace.parent(i);
    for (size_t steps = 0; p >= 0 && !m[p] && steps < trace.size(); ++steps) {
      m[p] = 1;
      p = trace.parent(p);
    }
  }
  return m;
}

bool has_marked_ancestor(const TraceContext& trace, const Marks& marks, uint32_t i) {
  int32_t p = trace.parent(i);
  for (size_t steps = 0; p >= 0 && steps < trace.size(); ++steps) {
    if (marks[p]) return true;
    p = trace.parent(p);
  }
  return false;
}

// Whether span i shares its parent with a span of `left` other than itself.
bool has_sibling_in(const TraceContext& trace, const std::vector<uint32_t>& counts,
                    const Marks& left, uint32_t i) {
  int32_t p = trace.parent(i);
  if (p < 0) return false;
  return counts[p] > (left[i] ? 1u : 0u);
}

bool relation_holds(SpansetOp op, const TraceContext& trace, uint32_t i, const Marks& marks, const std::vector<uint32_t>& sibling_counts) {
  switch (op) {
    case SpansetOp::kChild:
    case SpansetOp::kNotChild: return trace.parent(i) >= 0 && marks[trace.parent(i)];
    case SpansetOp::kDescendant:
    case SpansetOp::kNotDescendant: return has_marked_ancestor(trace, marks, i);
    case SpansetOp::kParent:
    case SpansetOp::kNotParent:
    case SpansetOp::kAncestor:
    case SpansetOp::kNotAncestor: return marks[i] != 0;
    case SpansetOp::kSibling:
    case SpansetOp::kNotSibling: return has_sibling_in(trace, sibling_counts, marks, i);
    default: return false;
  }
}

bool negated(SpansetOp op) {
  return op == SpansetOp::kNotChild || op == SpansetOp::kNotDescendant ||
         op == SpansetOp::kNotParent || op == SpansetOp::kNotAncestor ||
         op == SpansetOp::kNotSibling;
}

}  // namespace

std::vector<uint32_t> structural_select(SpansetOp op, const TraceContext& trace,
                                        const std::vector<uint32_t>& left,
                                        const std::vector<uint32_t>& right) {
  Marks marks;
  std::vector<uint32_t> sibling_counts;
  switch (op) {
    case SpansetOp::kParent: case SpansetOp::kNotParent: marks = parents_of(trace, left); break;
    case SpansetOp::kAncestor: case SpansetOp::kNotAncestor: marks = ancestors_of(trace, left); break;
    default: marks = marks_of(trace, left); break;
  }
  if (op == SpansetOp::kSibling || op == SpansetOp::kNotSibling) {
    sibling_counts.assign(trace.size(), 0);
    for (uint32_t i : left)
      if (trace.parent(i) >= 0) ++sibling_counts[trace.parent(i)];
  }
  std::vector<uint32_t> out;
  for (uint32_t i : right)
    if (relation_holds(op, trace, i, marks, sibling_counts) != negated(op)) out.push_back(i);
  return out;
}

}  // namespace weft::query::traceql
