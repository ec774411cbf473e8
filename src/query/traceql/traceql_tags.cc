#include "query/traceql/traceql_tags.h"

#include <map>

#include "query/traceql/traceql_evaluator.h"
#include "query/traceql/traceql_printer.h"
#include "query/traceql/traceql_query_info.h"
#include "query/traceql/traceql_value.h"

namespace weft::query::traceql {

namespace {

// Calls fn(trace, index) for every span in range the filter matches.
template <typename Fn>
Status for_each_matching_span(const SpanSource& source, const TagScan& scan, ScanStats& stats,
                              Fn fn) {
  bool whole = scan.filter && needs_whole_traces(*scan.filter);
  return for_each_candidate_trace(
      source, scan.start, scan.end, whole, scan.limits, stats, [&](const TraceContext& trace) {
        std::vector<uint32_t> spans;
        if (scan.filter) {
          for (const Spanset& set : evaluate_pipeline(scan.filter->pipeline, trace))
            spans.insert(spans.end(), set.spans.begin(), set.spans.end());
        } else {
          for (uint32_t i = 0; i < trace.size(); ++i) spans.push_back(i);
        }
        for (uint32_t i : spans)
          if (!fn(trace, i)) return false;
        return true;
      });
}

}  // namespace

Status collect_tag_names(const SpanSource& source, const TagScan& scan, TagNames& out,
                         ScanStats& stats) {
  return for_each_matching_span(source, scan, stats, [&](const TraceContext& trace, uint32_t i) {
    const Span& span = trace.span(i);
    for (const KeyValue& kv : span.attributes) out.span.insert(kv.key);
    if (span.resource)
      for (const KeyValue& kv : span.resource->attributes) out.resource.insert(kv.key);
    return true;
  });
}

Status collect_tag_values(const SpanSource& source, const TagScan& scan,
                          const AttributeRef& attribute, std::vector<Literal>& out,
                          ScanStats& stats) {
  std::map<std::pair<int, std::string>, Literal> values;
  Status s = for_each_matching_span(source, scan, stats, [&](const TraceContext& trace, uint32_t i) {
    Literal v = attribute_value(trace, i, attribute);
    if (v.kind == Literal::Kind::kNil) return true;
    values.emplace(std::make_pair(static_cast<int>(v.kind), value_text(v)), std::move(v));
    return values.size() < kMaxTagValues;
  });
  for (auto& [key, v] : values) out.push_back(std::move(v));
  return s;
}

}  // namespace weft::query::traceql
