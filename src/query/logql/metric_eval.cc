// The dispatch of metric evaluation, and the small node kinds: literals, vector(),
// label_replace().
#include "query/logql/metric_eval.h"

#include <algorithm>

#include "query/logql/regex.h"

namespace weft::logql {

Result<StepMatrix> evaluate_label_replace(const LabelReplaceExpr& e, const StepGrid& grid, EvalContext& ctx) {
  auto inner = evaluate(*e.inner, grid, ctx);
  if (!inner.is_ok()) return inner;
  auto re = compile_anchored_regex(e.regex);
  if (!re.is_ok()) return Status::invalid("invalid regex in label_replace: " + re.status().message());
  std::vector<re2::StringPiece> groups((*re)->NumberOfCapturingGroups() + 1);
  for (auto& s : inner->series) {
    const std::string* src = s.labels.get(e.src);
    std::string value = src ? *src : "";
    if (!(*re)->Match(value, 0, value.size(), re2::RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size())))
      continue;
    std::string replaced = expand_regex_template(**re, e.replacement, groups);
    if (replaced.empty()) s.labels.erase(e.dst);
    else s.labels.set(e.dst, replaced);
  }
  return inner;
}

Result<StepMatrix> evaluate(const SampleExpr& expr, const StepGrid& grid, EvalContext& ctx) {
  WEFT_RETURN_IF_ERROR(ctx.control.check());
  switch (expr.kind) {
    case SampleKind::kRangeAggregation:
      return evaluate_range_aggregation(static_cast<const RangeAggregation&>(expr), grid, ctx, nullptr);
    case SampleKind::kVectorAggregation:
      return evaluate_vector_aggregation(static_cast<const VectorAggregation&>(expr), grid, ctx);
    case SampleKind::kBinary: return evaluate_binary(static_cast<const BinaryExpr&>(expr), grid, ctx);
    case SampleKind::kLabelReplace:
      return evaluate_label_replace(static_cast<const LabelReplaceExpr&>(expr), grid, ctx);
    case SampleKind::kLiteral:
      return StepMatrix::constant(static_cast<const LiteralExpr&>(expr).value, grid.size(), true);
    case SampleKind::kVector:
      return StepMatrix::constant(static_cast<const VectorExpr&>(expr).value, grid.size(), false);
  }
  return Status::internal("unknown expression");
}

}  // namespace weft::logql
