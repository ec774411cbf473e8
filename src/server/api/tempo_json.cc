#include "server/api/tempo_json.h"

#include "query/traceql/traceql_printer.h"
#include "query/traceql/traceql_value.h"

namespace weft::server::api {

namespace tql = query::traceql;

namespace {

void write_span(JsonWriter& w, const tql::SpanMatch& span) {
  w.begin_object();
  w.key("spanID");
  w.value(span.span_id.hex());
  w.key("name");
  w.value(span.name);
  w.key("startTimeUnixNano");
  w.value(std::to_string(span.start));
  w.key("durationNanos");
  w.value(std::to_string(span.duration));
  if (!span.attributes.empty()) {
    w.key("attributes");
    write_tempo_attributes(w, span.attributes);
  }
  w.end_object();
}

void write_spanset(JsonWriter& w, const tql::SpansetMatch& set) {
  w.begin_object();
  w.key("spans");
  w.begin_array();
  for (const tql::SpanMatch& span : set.spans) write_span(w, span);
  w.end_array();
  w.key("matched");
  w.value(static_cast<uint64_t>(set.matched));
  if (!set.labels.empty()) {
    w.key("attributes");
    write_tempo_attributes(w, set.labels);
  }
  w.end_object();
}

void write_trace(JsonWriter& w, const tql::TraceMatch& trace) {
  w.begin_object();
  w.key("traceID");
  w.value(trace.trace_id.hex());
  w.key("rootServiceName");
  w.value(trace.root_service.empty() ? std::string("<root span not yet received>")
                                     : trace.root_service);
  if (!trace.root_name.empty()) {
    w.key("rootTraceName");
    w.value(trace.root_name);
  }
  w.key("startTimeUnixNano");
  w.value(std::to_string(trace.start));
  w.key("durationMs");
  w.value(static_cast<int64_t>(trace.duration / 1'000'000));
  if (!trace.spansets.empty()) {
    w.key("spanSet");
    write_spanset(w, trace.spansets.front());
  }
  w.key("spanSets");
  w.begin_array();
  for (const tql::SpansetMatch& set : trace.spansets) write_spanset(w, set);
  w.end_array();
  w.end_object();
}

// Prometheus-style text of a series' labels: {resource.service.name="api", p="0.9"}.
std::string prom_labels(const std::vector<tql::NamedValue>& labels) {
  std::string out = "{";
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i) out += ", ";
    out += labels[i].first + "=";
    append_json_string(out, tql::value_text(labels[i].second));
  }
  return out + "}";
}

}  // namespace

void write_tempo_value(JsonWriter& w, const tql::Literal& v) {
  w.begin_object();
  switch (v.kind) {
    case tql::Literal::Kind::kInt:
    case tql::Literal::Kind::kDuration:
      w.key("intValue");
      w.value(std::to_string(v.int_value));
      break;
    case tql::Literal::Kind::kFloat:
      w.key("doubleValue");
      w.value(v.float_value);
      break;
    case tql::Literal::Kind::kBool:
      w.key("boolValue");
      w.value(v.int_value != 0);
      break;
    default:
      w.key("stringValue");
      w.value(tql::value_text(v));
      break;
  }
  w.end_object();
}

void write_tempo_attributes(JsonWriter& w, const std::vector<tql::NamedValue>& values) {
  w.begin_array();
  for (const auto& [key, value] : values) {
    w.begin_object();
    w.key("key");
    w.value(key);
    w.key("value");
    write_tempo_value(w, value);
    w.end_object();
  }
  w.end_array();
}

void write_tempo_search_metrics(JsonWriter& w, const tql::ScanStats& stats) {
  w.begin_object();
  w.key("inspectedTraces");
  w.value(stats.inspected_traces);
  w.key("inspectedBytes");
  w.value(std::to_string(stats.inspected_bytes));
  w.key("inspectedSpans");
  w.value(std::to_string(stats.inspected_spans));
  w.key("totalBlocks");
  w.value(0);
  w.key("completedJobs");
  w.value(1);
  w.key("totalJobs");
  w.value(1);
  w.end_object();
}

std::string tempo_search_body(const tql::SearchResult& result) {
  JsonWriter w;
  w.begin_object();
  w.key("traces");
  w.begin_array();
  for (const tql::TraceMatch& trace : result.traces) write_trace(w, trace);
  w.end_array();
  w.key("metrics");
  write_tempo_search_metrics(w, result.stats);
  w.end_object();
  return w.take();
}

std::string tempo_query_range_body(const tql::MetricsResult& result) {
  JsonWriter w;
  w.begin_object();
  w.key("series");
  w.begin_array();
  for (const tql::MetricsSeries& series : result.series) {
    w.begin_object();
    w.key("labels");
    write_tempo_attributes(w, series.labels);
    w.key("promLabels");
    w.value(prom_labels(series.labels));
    w.key("samples");
    w.begin_array();
    for (const tql::MetricsSample& s : series.samples) {
      w.begin_object();
      w.key("timestampMs");
      w.value(std::to_string(s.timestamp_ms));
      w.key("value");
      w.value(s.value);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("metrics");
  write_tempo_search_metrics(w, result.stats);
  w.end_object();
  return w.take();
}

}  // namespace weft::server::api
