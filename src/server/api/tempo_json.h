// JSON bodies of Tempo's search and metrics APIs, in Tempo's shapes (its protobuf messages as
// JSON: 64-bit integers as strings, attribute values as {"stringValue": ...} and the like).
// Thread safety: free functions.
#pragma once

#include <string>

#include "common/json_writer.h"
#include "query/traceql/traceql_metrics.h"
#include "query/traceql/traceql_search.h"

namespace weft::server::api {

// {"stringValue": "x"} / {"intValue": "3"} / {"doubleValue": 1.5} / {"boolValue": true};
// durations as intValue nanoseconds, status and kind as their keywords.
void write_tempo_value(JsonWriter& w, const query::traceql::Literal& value);

// [{"key": ..., "value": {...}}, ...]
void write_tempo_attributes(JsonWriter& w, const std::vector<query::traceql::NamedValue>& values);

// {"traces": [...], "metrics": {...}} (GET /api/search).
std::string tempo_search_body(const query::traceql::SearchResult& result);

// {"series": [...], "metrics": {...}} (GET /api/metrics/query_range).
std::string tempo_query_range_body(const query::traceql::MetricsResult& result);

// {"inspectedTraces": n, "inspectedBytes": "n", ...} as the value of a "metrics" key.
void write_tempo_search_metrics(JsonWriter& w, const query::traceql::ScanStats& stats);

}  // namespace weft::server::api
