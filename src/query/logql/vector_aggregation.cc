// Vector aggregations: at every step, combine the present values of the series of each
// group (by / without), or pick k series per group (topk, bottomk).
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "query/logql/metric_eval.h"

namespace weft::logql {

namespace {

struct GroupState {
  double sum = 0, min = 0, max = 0, mean = 0, m2 = 0;
  int64_t count = 0;

  void add(double v) {
    if (count == 0) {
      min = max = v;
    } else {
      if (v < min || std::isnan(min)) min = v;
      if (v > max || std::isnan(max)) max = v;
    }
    sum += v;
    ++count;
    double delta = v - mean;
    mean += delta / static_cast<double>(count);
    m2 += delta * (v - mean);
  }

  double value(const std::string& op) const {
    if (op == "sum") return sum;
    if (op == "min") return min;
    if (op == "max") return max;
    if (op == "count") return static_cast<double>(count);
    if (op == "avg") return mean;
    double var = m2 / static_cast<double>(count);
    if (op == "stdvar") return var;
    return std::sqrt(var);  // stddev
  }
};

Grouping effective_grouping(const VectorAggregation& agg) {
  return agg.has_grouping ? agg.grouping : Grouping{};
}

StepMatrix aggregate(const VectorAggregation& agg, StepMatrix in, size_t steps) {
  Grouping g = effective_grouping(agg);
  std::unordered_map<LabelSet, size_t, LabelSetHash> index;
  std::vector<LabelSet> keys;
  std::vector<size_t> group_of(in.series.size());
  for (size_t s = 0; s < in.series.size(); ++s) {
    LabelSet key = group_labels(in.series[s].labels, g);
    auto [it, added] = index.try_emplace(key, keys.size());
    if (added) keys.push_back(std::move(key));
    group_of[s] = it->second;
  }
  StepMatrix out;
  out.series.reserve(keys.size());
  for (auto& k : keys) out.series.emplace_back(std::move(k), steps);
  std::vector<GroupState> state(keys.size());
  for (size_t i = 0; i < steps; ++i) {
    std::fill(state.begin(), state.end(), GroupState{});
    for (size_t s = 0; s < in.series.size(); ++s)
      if (in.series[s].present[i]) state[group_of[s]].add(in.series[s].values[i]);
    for (size_t k = 0; k < keys.size(); ++k)
      if (state[k].count > 0) out.series[k].set(i, state[k].value(agg.op));
  }
  out.series.erase(std::remove_if(out.series.begin(), out.series.end(), [](const StepSeries& s) { return !s.any(); }),
                   out.series.end());
  return out;
}

// topk/bottomk: per step and group, the k largest/smallest present values keep their series.
StepMatrix select_k(const VectorAggregation& agg, StepMatrix in, size_t steps) {
  Grouping g = effective_grouping(agg);
  bool top = agg.op == "topk";
  std::map<LabelSet, std::vector<size_t>> groups;
  for (size_t s = 0; s < in.series.size(); ++s) groups[group_labels(in.series[s].labels, g)].push_back(s);
  std::vector<std::vector<uint8_t>> keep(in.series.size(), std::vector<uint8_t>(steps, 0));
  std::vector<size_t> members;
  for (size_t i = 0; i < steps; ++i) {
    for (const auto& [key, list] : groups) {
      members.clear();
      for (size_t s : list)
        if (in.series[s].present[i]) members.push_back(s);
      size_t k = std::min<size_t>(static_cast<size_t>(agg.param), members.size());
      std::partial_sort(members.begin(), members.begin() + k, members.end(), [&](size_t a, size_t b) {
        double x = in.series[a].values[i], y = in.series[b].values[i];
        if (std::isnan(x)) return false;
        if (std::isnan(y)) return true;
        return top ? x > y : x < y;
      });
      for (size_t m = 0; m < k; ++m) keep[members[m]][i] = 1;
    }
  }
  StepMatrix out;
  for (size_t s = 0; s < in.series.size(); ++s) {
    StepSeries& series = in.series[s];
    for (size_t i = 0; i < steps; ++i)
      if (!keep[s][i]) series.present[i] = 0;
    if (series.any()) out.series.push_back(std::move(series));
  }
  out.order = top ? ResultOrder::kValueDescending : ResultOrder::kValueAscending;
  return out;
}

}  // namespace

Result<StepMatrix> evaluate_vector_aggregation(const VectorAggregation& agg, const StepGrid& grid, EvalContext& ctx) {
  Result<StepMatrix> inner = Status::internal("unset");
  const auto* range = agg.inner->kind == SampleKind::kRangeAggregation
                          ? static_cast<const RangeAggregation*>(agg.inner.get()) : nullptr;
  Grouping g = effective_grouping(agg);
  if (agg.op == "sum" && range && can_push_sum_into(*range)) inner = evaluate_range_aggregation(*range, grid, ctx, &g);
  else inner = evaluate(*agg.inner, grid, ctx);
  if (!inner.is_ok()) return inner.status();
  if (inner->scalar) return Status::invalid("expected type instant vector in aggregation expression, got scalar");
  size_t steps = grid.size();
  if (agg.op == "sort" || agg.op == "sort_desc") {
    inner->order = agg.op == "sort" ? ResultOrder::kValueAscending : ResultOrder::kValueDescending;
    return inner;
  }
  if (agg.op == "topk" || agg.op == "bottomk" || agg.op == "approx_topk") {
    VectorAggregation copy;
    copy.op = agg.op == "bottomk" ? "bottomk" : "topk";
    copy.param = agg.param;
    copy.grouping = agg.grouping;
    copy.has_grouping = agg.has_grouping;
    return select_k(copy, std::move(*inner), steps);
  }
  return aggregate(agg, std::move(*inner), steps);
}

}  // namespace weft::logql
