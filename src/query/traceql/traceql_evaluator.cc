#include "query/traceql/traceql_evaluator.h"

#include <algorithm>

#include "query/traceql/traceql_printer.h"
#include "query/traceql/traceql_value.h"
#include "query/traceql/traceql_stages.h"
#include "query/traceql/traceql_structural.h"

namespace weft::query::traceql {

namespace {

bool field_matches(const FieldExpr& e, const TraceContext& trace, uint32_t i) {
  switch (e.kind) {
    case FieldExpr::Kind::kCompare:
      return compare_attribute(trace, i, e.attribute, e.op, e.literal, e.regex.get());
    case FieldExpr::Kind::kAttribute: {
      Literal v = attribute_value(trace, i, e.attribute);
      return v.kind == Literal::Kind::kBool && v.int_value != 0;
    }
    case FieldExpr::Kind::kBoolLiteral: return e.literal.int_value != 0;
    case FieldExpr::Kind::kNot: return !field_matches(*e.left, trace, i);
    case FieldExpr::Kind::kAnd:
      return field_matches(*e.left, trace, i) && field_matches(*e.right, trace, i);
    case FieldExpr::Kind::kOr:
      return field_matches(*e.left, trace, i) || field_matches(*e.right, trace, i);
  }
  return false;
}

std::vector<uint32_t> unite(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  std::vector<uint32_t> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::vector<Spanset> evaluate_spanset(const SpansetExpr& e, const TraceContext& trace,
                                      std::vector<Spanset> input);

std::vector<Spanset> apply_stages(const std::vector<PipelineStage>& stages,
                                  const TraceContext& trace, std::vector<Spanset> sets) {
  for (const PipelineStage& stage : stages) {
    if (sets.empty()) break;
    switch (stage.kind) {
      case PipelineStage::Kind::kSpanset:
        sets = evaluate_spanset(*stage.spanset, trace, std::move(sets));
        break;
      case PipelineStage::Kind::kScalarFilter:
        sets = filter_by_aggregate(stage.scalar, trace, std::move(sets));
        break;
      case PipelineStage::Kind::kBy: sets = group_by(stage.attributes, trace, std::move(sets)); break;
      case PipelineStage::Kind::kSelect: sets = select_attributes(stage.attributes, std::move(sets)); break;
      case PipelineStage::Kind::kCoalesce: sets = coalesce(std::move(sets)); break;
    }
  }
  return sets;
}

// The spans an expression keeps from one input spanset, all its result spansets united.
std::vector<uint32_t> united_spans(const SpansetExpr& e, const TraceContext& trace,
                                   const Spanset& input) {
  std::vector<uint32_t> out;
  for (const Spanset& s : evaluate_spanset(e, trace, {input})) out = unite(out, s.spans);
  return out;
}

std::vector<uint32_t> combine(SpansetOp op, const TraceContext& trace,
                              const std::vector<uint32_t>& l, const std::vector<uint32_t>& r) {
  switch (op) {
    case SpansetOp::kAnd: return l.empty() || r.empty() ? std::vector<uint32_t>{} : unite(l, r);
    case SpansetOp::kOr: return unite(l, r);
    default: return structural_select(op, trace, l, r);
  }
}

Spanset filtered(const FieldExpr* filter, const TraceContext& trace, const Spanset& in) {
  Spanset out;
  out.labels = in.labels;
  out.selected = in.selected;
  for (uint32_t i : in.spans)
    if (!filter || field_matches(*filter, trace, i)) out.spans.push_back(i);
  return out;
}

std::vector<Spanset> evaluate_spanset(const SpansetExpr& e, const TraceContext& trace,
                                      std::vector<Spanset> input) {
  std::vector<Spanset> out;
  if (e.kind == SpansetExpr::Kind::kPipeline) {
    for (Spanset& s : input) {
      Pipeline const& p = *e.pipeline;
      std::vector<Spanset> part = evaluate_spanset(*p.head, trace, {std::move(s)});
      part = apply_stages(p.stages, trace, std::move(part));
      for (Spanset& r : part) out.push_back(std::move(r));
    }
    return out;
  }
  for (const Spanset& s : input) {
    Spanset result;
    if (e.kind == SpansetExpr::Kind::kFilter) {
      result = filtered(e.filter.get(), trace, s);
    } else {
      result.labels = s.labels;
      result.selected = s.selected;
      result.spans = combine(e.op, trace, united_spans(*e.left, trace, s),
                             united_spans(*e.right, trace, s));
    }
    if (!result.spans.empty()) out.push_back(std::move(result));
  }
  return out;
}

}  // namespace

std::vector<Spanset> evaluate_pipeline(const Pipeline& pipeline, const TraceContext& trace) {
  Spanset all;
  all.spans.resize(trace.size());
  for (uint32_t i = 0; i < trace.size(); ++i) all.spans[i] = i;
  std::vector<Spanset> sets = evaluate_spanset(*pipeline.head, trace, {std::move(all)});
  return apply_stages(pipeline.stages, trace, std::move(sets));
}

}  // namespace weft::query::traceql
