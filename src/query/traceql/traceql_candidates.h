// Candidate traces of a TraceQL query: the spans starting in [start, end] grouped by trace id,
// each group completed from the whole trace when the query needs whole traces.
//
// Memory is bounded: more than `max_spans` spans (or `max_traces` traces) gathered is a
// kResourceExhausted error telling the user to narrow the time range or the query, or, with
// `truncate` (tag discovery, where a partial answer is useful), the end of the scan.
// Thread safety: a free function; the callback runs on the calling thread.
#pragma once

#include <functional>

#include "query/traceql/traceql_source.h"
#include "query/traceql/traceql_trace.h"

namespace weft::query::traceql {

struct CandidateLimits {
  size_t max_spans = 1'000'000;
  size_t max_traces = 100'000;
  bool truncate = false;
};

struct ScanStats {
  uint64_t inspected_spans = 0;
  uint64_t inspected_traces = 0;
  uint64_t inspected_bytes = 0;  // approximate heap bytes of the spans read
  bool truncated = false;        // a limit ended the scan early (CandidateLimits::truncate)
};

// Calls fn once per candidate trace (in no particular order) until fn returns false.
Status for_each_candidate_trace(const SpanSource& source, UnixNanos start, UnixNanos end,
                                bool whole_traces, const CandidateLimits& limits,
                                ScanStats& stats,
                                const std::function<bool(const TraceContext&)>& fn);

}  // namespace weft::query::traceql
