#include "query/traceql/traceql_candidates.h"

#include <unordered_map>

namespace weft::query::traceql {

namespace {

Status too_many(const char* what, size_t limit) {
  return Status::exhausted("the query reads more than " + std::to_string(limit) + " " + what +
                           "; narrow the time range or the query");
}

}  // namespace

Status for_each_candidate_trace(const SpanSource& source, UnixNanos start, UnixNanos end,
                                bool whole_traces, const CandidateLimits& limits,
                                ScanStats& stats,
                                const std::function<bool(const TraceContext&)>& fn) {
  std::unordered_map<TraceId, std::vector<Span>, TraceIdHash> traces;
  Status over;
  Status s = source.scan(start, end, [&](const Span& span) {
    if (stats.inspected_spans + 1 > limits.max_spans) {
      over = too_many("spans", limits.max_spans);
      return false;
    }
    auto [it, added] = traces.try_emplace(span.trace_id);
    if (added && traces.size() > limits.max_traces) {
      traces.erase(it);
      over = too_many("traces", limits.max_traces);
      return false;
    }
    ++stats.inspected_spans;
    stats.inspected_bytes += sizeof(Span) + span_heap_bytes(span);
    it->second.push_back(span);
    return true;
  });
  WEFT_RETURN_IF_ERROR(s);
  if (!over.is_ok() && limits.truncate) {
    stats.truncated = true;
    over = Status::ok();
  }
  WEFT_RETURN_IF_ERROR(over);
  stats.inspected_traces += traces.size();
  for (auto& [id, spans] : traces) {
    if (whole_traces) {
      std::vector<Span> all;
      WEFT_RETURN_IF_ERROR(source.fetch_trace(id, all));
      if (!all.empty()) spans = std::move(all);
    }
    TraceContext trace(std::move(spans));
    if (!fn(trace)) break;
  }
  return Status::ok();
}

}  // namespace weft::query::traceql
