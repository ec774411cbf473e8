// Engine: runs a parsed LogQL query over a LogSource (log_source.h).
//
//   Engine engine(source, limits);
//   auto result = engine.execute(query, params, control);
//
// A log query returns the `limit` newest (backward) or oldest (forward) entries in
// [start, end), grouped into streams. A metric query is evaluated at `start`, `start+step`,
// ... `end` (once at `end` for an instant query) and returns a vector, a matrix or a scalar.
// Errors are kInvalidArgument for what the client asked wrong (a bad template, a pipeline
// error in a metric query, too many series or points), and the QueryControl's error for a
// timeout, a cancellation or the memory budget.
//
// Thread safety: an Engine is immutable; execute() may run concurrently (each call compiles
// its own pipelines).
#pragma once

#include "common/status.h"
#include "query/logql/ast.h"
#include "query/logql/log_source.h"
#include "query/logql/query_control.h"
#include "query/logql/query_result.h"

namespace weft::logql {

struct EngineLimits {
  uint32_t max_entries = 5000;   // the largest `limit` of a log query
  uint32_t max_series = 500;     // series in a metric result
  uint32_t max_points = 11000;   // steps of a range query
};

struct QueryParams {
  std::string tenant;
  UnixNanos start = 0;
  UnixNanos end = 0;           // log queries: exclusive; metric queries: the last step
  int64_t step_nanos = 0;      // 0 for an instant query
  int64_t interval_nanos = 0;  // log queries: at most one entry per interval per stream
  uint32_t limit = 100;
  Direction direction = Direction::kBackward;
  bool instant = false;
  bool categorize_labels = false;  // log entries keep metadata and parsed labels apart
};

class Engine {
 public:
  Engine(const LogSource& source, EngineLimits limits) : source_(source), limits_(limits) {}

  Result<QueryResult> execute(const Query& query, const QueryParams& params, QueryControl& control) const;

 private:
  const LogSource& source_;
  EngineLimits limits_;
};

}  // namespace weft::logql
