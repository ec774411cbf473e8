#include "query/traceql/traceql_query_info.h"

#include <algorithm>

namespace weft::query::traceql {

namespace {

// Calls fn on every attribute of the tree.
template <typename Fn>
void visit_field(const FieldExpr* e, Fn& fn) {
  if (!e) return;
  if (e->kind == FieldExpr::Kind::kCompare || e->kind == FieldExpr::Kind::kAttribute)
    fn(e->attribute);
  visit_field(e->left.get(), fn);
  visit_field(e->right.get(), fn);
}

template <typename Fn>
void visit_pipeline(const Pipeline& p, Fn& fn, bool& structural);

template <typename Fn>
void visit_spanset(const SpansetExpr* e, Fn& fn, bool& structural) {
  if (!e) return;
  if (e->kind == SpansetExpr::Kind::kFilter) return visit_field(e->filter.get(), fn);
  if (e->kind == SpansetExpr::Kind::kPipeline) return visit_pipeline(*e->pipeline, fn, structural);
  if (e->op != SpansetOp::kAnd && e->op != SpansetOp::kOr) structural = true;
  visit_spanset(e->left.get(), fn, structural);
  visit_spanset(e->right.get(), fn, structural);
}

template <typename Fn>
void visit_pipeline(const Pipeline& p, Fn& fn, bool& structural) {
  visit_spanset(p.head.get(), fn, structural);
  for (const PipelineStage& s : p.stages) {
    visit_spanset(s.spanset.get(), fn, structural);
    if (s.scalar.attribute) fn(*s.scalar.attribute);
    for (const AttributeRef& a : s.attributes) fn(a);
  }
}

bool trace_level(const AttributeRef& a) {
  if (a.scope != AttrScope::kIntrinsic) return false;
  switch (a.intrinsic) {
    case Intrinsic::kTraceDuration: case Intrinsic::kRootName: case Intrinsic::kRootService:
      return true;
    default: return false;
  }
}

}  // namespace

bool needs_whole_traces(const Query& query) {
  bool structural = false, trace_wide = false;
  auto fn = [&](const AttributeRef& a) { trace_wide = trace_wide || trace_level(a); };
  visit_pipeline(query.pipeline, fn, structural);
  if (query.metrics)
    for (const AttributeRef& a : query.metrics->by) fn(a);
  return structural || trace_wide;
}

std::vector<AttributeRef> referenced_attributes(const Query& query) {
  std::vector<AttributeRef> out;
  bool structural = false;
  auto fn = [&](const AttributeRef& a) {
    if (a.scope == AttrScope::kIntrinsic) return;
    if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  };
  visit_pipeline(query.pipeline, fn, structural);
  return out;
}

}  // namespace weft::query::traceql
