// The metric half of the engine: evaluates a SampleExpr tree at every step of a StepGrid.
//
//   range_aggregation.cc   rate, count_over_time, ..., unwrap + *_over_time, absent_over_time
//   vector_aggregation.cc  sum/avg/min/max/count/stddev/stdvar/topk/bottomk/sort by/without
//   binary_op.cc           arithmetic, comparisons (bool), and/or/unless, on/ignoring,
//                          group_left/right; label_replace; vector(); literals
//
// Thread safety: a free function per evaluation; nothing is shared.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "query/logql/ast.h"
#include "query/logql/engine.h"
#include "query/logql/step_matrix.h"

namespace weft::logql {

struct EvalContext {
  const LogSource& source;
  std::string tenant;
  QueryControl& control;
  QueryStats& stats;
  EngineLimits limits;
};

Result<StepMatrix> evaluate(const SampleExpr& expr, const StepGrid& grid, EvalContext& ctx);

// A range aggregation; with `pushdown`, series are keyed by that grouping while reading
// (valid under a `sum` of the same grouping for the additive range operations).
Result<StepMatrix> evaluate_range_aggregation(const RangeAggregation& agg, const StepGrid& grid,
                                              EvalContext& ctx, const Grouping* pushdown);
// Whether `sum <grouping>` over this range aggregation may be pushed into it.
bool can_push_sum_into(const RangeAggregation& agg);

Result<StepMatrix> evaluate_vector_aggregation(const VectorAggregation& agg, const StepGrid& grid, EvalContext& ctx);
Result<StepMatrix> evaluate_binary(const BinaryExpr& bin, const StepGrid& grid, EvalContext& ctx);
Result<StepMatrix> evaluate_label_replace(const LabelReplaceExpr& expr, const StepGrid& grid, EvalContext& ctx);

// The labels a grouping keeps: by (a, b) -> only a and b; without (a, b) -> all but them.
LabelSet group_labels(const LabelSet& labels, const Grouping& grouping);

}  // namespace weft::logql
