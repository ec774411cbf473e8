// TraceQL search: the traces a query matches in a time range, newest first, with up to
// `spans_per_spanset` spans of each matching spanset (Tempo's /api/search semantics).
// Thread safety: a free function; reads the source from the calling thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/traceql/traceql_ast.h"
#include "query/traceql/traceql_candidates.h"

namespace weft::query::traceql {

struct SearchOptions {
  UnixNanos start = 0;  // spans starting in [start, end] make a trace a candidate
  UnixNanos end = 0;
  size_t limit = 20;                        // traces
  size_t spans_per_spanset = 3;             // spans shown per spanset
  std::optional<int64_t> min_duration;      // of the whole trace, nanoseconds
  std::optional<int64_t> max_duration;
  CandidateLimits limits;
};

using NamedValue = std::pair<std::string, Literal>;

struct SpanMatch {
  SpanId span_id;
  std::string name;
  UnixNanos start = 0;
  int64_t duration = 0;
  std::vector<NamedValue> attributes;  // the query's attributes and select()ed ones
};

struct SpansetMatch {
  std::vector<SpanMatch> spans;    // the first spans_per_spanset
  size_t matched = 0;              // spans in the spanset
  std::vector<NamedValue> labels;  // by() groups
};

struct TraceMatch {
  TraceId trace_id;
  std::string root_service;
  std::string root_name;
  UnixNanos start = 0;
  int64_t duration = 0;
  std::vector<SpansetMatch> spansets;
};

struct SearchResult {
  std::vector<TraceMatch> traces;  // newest start first, at most limit
  ScanStats stats;
};

// REQUIRES: query.metrics is empty (a metrics query goes to query_range).
Result<SearchResult> search_traces(const Query& query, const SearchOptions& options,
                                   const SpanSource& source);

}  // namespace weft::query::traceql
