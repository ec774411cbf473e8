#include "query/traceql/traceql_search.h"

#include <algorithm>

#include "query/traceql/traceql_evaluator.h"
#include "query/traceql/traceql_query_info.h"
#include "query/traceql/traceql_value.h"

namespace weft::query::traceql {

namespace {

std::string shown_name(const AttributeRef& a) { return a.name; }

SpanMatch span_match(const TraceContext& trace, uint32_t i,
                     const std::vector<AttributeRef>& shown) {
  const Span& span = trace.span(i);
  SpanMatch m{span.span_id, span.name, span.start_time_unix_nano, span.duration_nanos(), {}};
  for (const AttributeRef& a : shown) {
    Literal v = attribute_value(trace, i, a);
    if (v.kind != Literal::Kind::kNil) m.attributes.emplace_back(shown_name(a), std::move(v));
  }
  return m;
}

std::vector<AttributeRef> shown_attributes(std::vector<AttributeRef> base, const Spanset& set) {
  for (const AttributeRef& a : set.selected) {
    bool intrinsic_field = a.scope == AttrScope::kIntrinsic &&
                           (a.intrinsic == Intrinsic::kName || a.intrinsic == Intrinsic::kDuration);
    if (!intrinsic_field && std::find(base.begin(), base.end(), a) == base.end())
      base.push_back(a);
  }
  return base;
}

SpansetMatch spanset_match(const TraceContext& trace, const Spanset& set,
                           const std::vector<AttributeRef>& referenced, size_t per_spanset) {
  SpansetMatch m;
  m.matched = set.spans.size();
  m.labels = set.labels;
  std::vector<AttributeRef> shown = shown_attributes(referenced, set);
  for (size_t k = 0; k < set.spans.size() && k < per_spanset; ++k)
    m.spans.push_back(span_match(trace, set.spans[k], shown));
  return m;
}

void describe_trace(const TraceContext& trace, TraceMatch& m) {
  m.trace_id = trace.trace_id();
  m.start = trace.start();
  m.duration = trace.end() - trace.start();
  const Span* root = trace.root();
  m.root_service = root ? std::string(service_name(*root)) : "";
  m.root_name = root ? root->name : "";
}

bool duration_ok(const SearchOptions& o, int64_t duration) {
  if (o.min_duration && duration < *o.min_duration) return false;
  if (o.max_duration && duration > *o.max_duration) return false;
  return true;
}

void keep_newest(std::vector<TraceMatch>& traces, size_t limit) {
  std::sort(traces.begin(), traces.end(), [](const TraceMatch& a, const TraceMatch& b) {
    if (a.start != b.start) return a.start > b.start;
    return a.trace_id.hex() < b.trace_id.hex();
  });
  if (traces.size() > limit) traces.resize(limit);
}

// Candidates held only their spans in range: root, start and duration come from the whole
// trace.
Status complete_descriptions(std::vector<TraceMatch>& traces, const SpanSource& source) {
  for (TraceMatch& m : traces) {
    std::vector<Span> spans;
    WEFT_RETURN_IF_ERROR(source.fetch_trace(m.trace_id, spans));
    if (spans.empty()) continue;
    std::vector<SpansetMatch> sets = std::move(m.spansets);
    describe_trace(TraceContext(std::move(spans)), m);
    m.spansets = std::move(sets);
  }
  return Status::ok();
}

}  // namespace

Result<SearchResult> search_traces(const Query& query, const SearchOptions& options,
                                   const SpanSource& source) {
  SearchResult result;
  // Durations filter whole traces, so they need whole traces too.
  const bool whole = needs_whole_traces(query) || options.min_duration || options.max_duration;
  const std::vector<AttributeRef> referenced = referenced_attributes(query);
  const size_t limit = std::max<size_t>(options.limit, 1);
  Status s = for_each_candidate_trace(
      source, options.start, options.end, whole, options.limits, result.stats,
      [&](const TraceContext& trace) {
        if (!duration_ok(options, trace.end() - trace.start())) return true;
        std::vector<Spanset> sets = evaluate_pipeline(query.pipeline, trace);
        if (sets.empty()) return true;
        TraceMatch m;
        describe_trace(trace, m);
        for (const Spanset& set : sets)
          m.spansets.push_back(spanset_match(trace, set, referenced, options.spans_per_spanset));
        result.traces.push_back(std::move(m));
        if (result.traces.size() >= 4 * limit) keep_newest(result.traces, limit);
        return true;
      });
  WEFT_RETURN_IF_ERROR(s);
  keep_newest(result.traces, limit);
  if (!whole) WEFT_RETURN_IF_ERROR(complete_descriptions(result.traces, source));
  return result;
}

}  // namespace weft::query::traceql
