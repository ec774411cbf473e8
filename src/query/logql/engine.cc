#include "query/logql/engine.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "query/logql/log_query.h"
#include "query/logql/metric_eval.h"

namespace weft::logql {

namespace {

int64_t to_ms(UnixNanos t) { return t >= 0 ? t / 1000000 : -((-t + 999999) / 1000000); }

void order_series(std::vector<SeriesResult>& series, ResultOrder order) {
  auto by_labels = [](const SeriesResult& a, const SeriesResult& b) { return a.labels < b.labels; };
  if (order == ResultOrder::kByLabels) {
    std::sort(series.begin(), series.end(), by_labels);
    return;
  }
  bool ascending = order == ResultOrder::kValueAscending;
  std::stable_sort(series.begin(), series.end(), [&](const SeriesResult& a, const SeriesResult& b) {
    double x = a.points[0].value, y = b.points[0].value;
    if (x == y || (std::isnan(x) && std::isnan(y))) return by_labels(a, b);
    if (std::isnan(x)) return false;
    if (std::isnan(y)) return true;
    return ascending ? x < y : x > y;
  });
}

Status to_result(StepMatrix m, const StepGrid& grid, bool instant, const EngineLimits& limits, QueryResult& out) {
  size_t steps = grid.size();
  if (m.scalar && instant) {
    out.type = QueryResult::Type::kScalar;
    out.scalar = {to_ms(grid.at(0)), m.series[0].values[0]};
    return Status::ok();
  }
  out.type = instant ? QueryResult::Type::kVector : QueryResult::Type::kMatrix;
  for (auto& s : m.series) {
    SeriesResult r{std::move(s.labels), {}};
    for (size_t i = 0; i < steps; ++i)
      if (s.present[i]) r.points.push_back({to_ms(grid.at(i)), s.values[i]});
    if (!r.points.empty()) out.series.push_back(std::move(r));
  }
  if (out.series.size() > limits.max_series)
    return Status::invalid("maximum of series (" + std::to_string(limits.max_series) +
                           ") reached for a single query; consider reducing query cardinality by adding "
                           "more filters or aggregating by fewer labels");
  order_series(out.series, instant ? m.order : ResultOrder::kByLabels);
  for (const auto& s : out.series) out.stats.entries_returned += s.points.size();
  return Status::ok();
}

}  // namespace

Result<QueryResult> Engine::execute(const Query& query, const QueryParams& params, QueryControl& control) const {
  auto started = std::chrono::steady_clock::now();
  QueryResult result;
  if (query.is_log()) {
    if (params.instant)
      return Status::invalid("log queries are not supported as an instant query type, please change your query to a range query type");
    if (params.limit > limits_.max_entries)
      return Status::invalid("max entries limit per query exceeded, limit > max_entries_limit_per_query (" +
                             std::to_string(params.limit) + " > " + std::to_string(limits_.max_entries) + ")");
    auto streams = run_log_query(*query.log, params, source_, control, result.stats);
    if (!streams.is_ok()) return streams.status();
    result.type = QueryResult::Type::kStreams;
    result.streams = std::move(*streams);
  } else {
    StepGrid grid{params.start, params.end, params.instant ? 0 : params.step_nanos};
    if (!params.instant) {
      if (params.step_nanos <= 0)
        return Status::invalid("zero or negative query resolution step widths are not accepted. Try a positive integer");
      if (params.end < params.start) return Status::invalid("end timestamp must not be before start time");
      if ((params.end - params.start) / params.step_nanos + 1 > limits_.max_points)
        return Status::invalid("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
    }
    EvalContext ctx{source_, params.tenant, control, result.stats, limits_};
    auto m = evaluate(*query.sample, grid, ctx);
    if (!m.is_ok()) return m.status();
    WEFT_RETURN_IF_ERROR(to_result(std::move(*m), grid, params.instant, limits_, result));
  }
  result.stats.exec_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace weft::logql
