#include "query/traceql/traceql_metrics.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "query/traceql/traceql_evaluator.h"
#include "query/traceql/traceql_printer.h"
#include "query/traceql/traceql_query_info.h"
#include "query/traceql/traceql_value.h"

namespace weft::query::traceql {

namespace {

// The values of one series, bucket by bucket.
struct Accumulator {
  std::vector<NamedValue> labels;
  std::vector<std::vector<double>> values;  // per bucket; count-only functions store nothing
  std::vector<uint64_t> counts;
};

// Values of an attribute as a metric: durations in seconds, numbers as they are.
bool metric_value(const Literal& v, double& out) {
  if (!numeric_value(v, out)) return false;
  if (v.kind == Literal::Kind::kDuration) out /= 1e9;
  return true;
}

double nearest_rank(std::vector<double>& values, double q) {
  std::sort(values.begin(), values.end());
  size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[rank == 0 ? 0 : rank - 1];
}

double reduce(MetricsFn fn, std::vector<double>& v) {
  switch (fn) {
    case MetricsFn::kMinOverTime: return *std::min_element(v.begin(), v.end());
    case MetricsFn::kMaxOverTime: return *std::max_element(v.begin(), v.end());
    default: {
      double sum = 0;
      for (double x : v) sum += x;
      return fn == MetricsFn::kAvgOverTime ? sum / static_cast<double>(v.size()) : sum;
    }
  }
}

Literal double_literal(double d) {
  Literal l;
  l.kind = Literal::Kind::kFloat;
  l.float_value = d;
  return l;
}

void emit_series(const MetricsStage& m, const MetricsOptions& o, UnixNanos first, Accumulator& acc,
                 std::vector<MetricsSeries>& out) {
  auto timestamp = [&](size_t b) { return (first + static_cast<int64_t>(b) * o.step) / 1'000'000; };
  const double step_seconds = static_cast<double>(o.step) / 1e9;
  if (m.fn == MetricsFn::kRate || m.fn == MetricsFn::kCountOverTime) {
    MetricsSeries s{acc.labels, {}};
    for (size_t b = 0; b < acc.counts.size(); ++b) {
      double n = static_cast<double>(acc.counts[b]);
      s.samples.push_back({timestamp(b), m.fn == MetricsFn::kRate ? n / step_seconds : n});
    }
    out.push_back(std::move(s));
    return;
  }
  std::vector<double> quantiles = m.quantiles;
  if (m.fn != MetricsFn::kQuantileOverTime) quantiles = {NAN};
  for (double q : quantiles) {
    MetricsSeries s{acc.labels, {}};
    if (!std::isnan(q)) s.labels.emplace_back("p", double_literal(q));
    for (size_t b = 0; b < acc.values.size(); ++b) {
      if (acc.values[b].empty()) continue;
      double v = std::isnan(q) ? reduce(m.fn, acc.values[b]) : nearest_rank(acc.values[b], q);
      s.samples.push_back({timestamp(b), v});
    }
    out.push_back(std::move(s));
  }
}

std::vector<NamedValue> series_labels(const MetricsStage& m, const TraceContext& trace,
                                      uint32_t i) {
  std::vector<NamedValue> labels;
  // Without by(), one series named after the function (filled in by query_range).
  if (m.by.empty()) labels.emplace_back("__name__", Literal{Literal::Kind::kString, ""});
  for (const AttributeRef& a : m.by) labels.emplace_back(print_attribute(a), attribute_value(trace, i, a));
  return labels;
}

std::string_view function_name(MetricsFn fn) {
  switch (fn) {
    case MetricsFn::kRate: return "rate";
    case MetricsFn::kCountOverTime: return "count_over_time";
    case MetricsFn::kQuantileOverTime: return "quantile_over_time";
    case MetricsFn::kMinOverTime: return "min_over_time";
    case MetricsFn::kMaxOverTime: return "max_over_time";
    case MetricsFn::kAvgOverTime: return "avg_over_time";
    case MetricsFn::kSumOverTime: return "sum_over_time";
  }
  return "rate";
}

}  // namespace

Result<MetricsResult> query_range(const Query& query, const MetricsOptions& o,
                                  const SpanSource& source) {
  const MetricsStage& m = *query.metrics;
  if (o.step <= 0) return Status::invalid("step must be positive");
  if (o.end < o.start) return Status::invalid("end must not be before start");
  const UnixNanos first = o.start - ((o.start % o.step) + o.step) % o.step;
  const uint64_t buckets = static_cast<uint64_t>((o.end - first) / o.step) + 1;
  if (buckets > kMaxMetricsBuckets)
    return Status::invalid("more than " + std::to_string(kMaxMetricsBuckets) +
                           " steps in the range; use a larger step");
  const bool counting = m.fn == MetricsFn::kRate || m.fn == MetricsFn::kCountOverTime;
  MetricsResult result;
  std::map<std::string, Accumulator> series;
  Status over;
  Status s = for_each_candidate_trace(
      source, o.start, o.end, needs_whole_traces(query), o.limits, result.stats,
      [&](const TraceContext& trace) {
        std::vector<uint32_t> spans;
        for (const Spanset& set : evaluate_pipeline(query.pipeline, trace))
          spans.insert(spans.end(), set.spans.begin(), set.spans.end());
        std::sort(spans.begin(), spans.end());
        spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
        for (uint32_t i : spans) {
          UnixNanos t = trace.span(i).start_time_unix_nano;
          if (t < o.start || t > o.end) continue;
          double value = 0;
          if (!counting && !metric_value(attribute_value(trace, i, *m.attribute), value)) continue;
          std::vector<NamedValue> labels = series_labels(m, trace, i);
          std::string key;
          for (const auto& [name, v] : labels) key += print_literal(v) + '\0';
          auto [it, added] = series.try_emplace(key);
          if (added) {
            if (series.size() > o.max_series) {
              over = Status::exhausted("more than " + std::to_string(o.max_series) +
                                       " series; use fewer by() attributes");
              return false;
            }
            it->second.labels = std::move(labels);
            it->second.counts.assign(buckets, 0);
            if (!counting) it->second.values.resize(buckets);
          }
          size_t b = static_cast<size_t>((t - first) / o.step);
          ++it->second.counts[b];
          if (!counting) it->second.values[b].push_back(value);
        }
        return true;
      });
  WEFT_RETURN_IF_ERROR(s);
  WEFT_RETURN_IF_ERROR(over);
  for (auto& [key, acc] : series) {
    if (m.by.empty()) acc.labels.front().second.text = std::string(function_name(m.fn));
    emit_series(m, o, first, acc, result.series);
  }
  return result;
}

}  // namespace weft::query::traceql
