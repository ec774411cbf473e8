// TraceQL metrics: rate(), count_over_time(), quantile_over_time() and min/max/avg/sum_over_time
// of the spans a query matches, per step bucket of [start, end], split by the metrics `by()`
// (Tempo's /api/metrics/query_range semantics).
//
// Buckets start at `start` rounded down to a multiple of `step`; a span counts in the bucket
// of its start time. rate() is spans per second; durations are reported in seconds;
// quantiles are exact (nearest rank) over the bucket's values. rate and count_over_time give
// every bucket (0 when empty); the others only buckets with values.
// Thread safety: a free function; reads the source from the calling thread.
#pragma once

#include <vector>

#include "query/traceql/traceql_search.h"

namespace weft::query::traceql {

inline constexpr size_t kMaxMetricsBuckets = 11000;  // as Prometheus bounds a range query

struct MetricsOptions {
  UnixNanos start = 0;
  UnixNanos end = 0;
  int64_t step = 60'000'000'000;  // nanoseconds, > 0
  size_t max_series = 1000;
  CandidateLimits limits;
};

struct MetricsSample {
  int64_t timestamp_ms = 0;
  double value = 0;
};

struct MetricsSeries {
  std::vector<NamedValue> labels;  // by() values in order, then "p" for quantiles
  std::vector<MetricsSample> samples;
};

struct MetricsResult {
  std::vector<MetricsSeries> series;  // ordered by labels
  ScanStats stats;
};

// REQUIRES: query.metrics is set. kInvalidArgument for a bad step or too many buckets;
// kResourceExhausted for more than max_series series.
Result<MetricsResult> query_range(const Query& query, const MetricsOptions& options,
                                  const SpanSource& source);

}  // namespace weft::query::traceql
