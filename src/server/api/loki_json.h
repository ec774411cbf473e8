// The JSON bodies of Loki's query API (Loki's HTTP API reference): query results (streams,
// vector, matrix, scalar) with their `stats` object, label lists and series lists.
#pragma once

#include <string>
#include <vector>

#include "common/json_writer.h"
#include "query/logql/labels.h"
#include "query/logql/query_result.h"

namespace weft::server::api {

// {"status":"success","data":{"resultType":...,"result":[...],"stats":{...}}}; with
// `categorize`, "encodingFlags":["categorize-labels"] and entries [ts, line, {metadata}].
std::string loki_query_body(const logql::QueryResult& result, bool categorize);

// {"status":"success","data":["a","b"]}
std::string loki_string_list_body(const std::vector<std::string>& values);

// {"status":"success","data":[{"a":"1"},...]}
std::string loki_series_body(const std::vector<logql::LabelSet>& series);

// {"a":"1","b":"2"}
void write_label_map(JsonWriter& w, const logql::LabelSet& labels);
// A sample time as Prometheus prints it: seconds with millisecond digits (1704067200.5).
std::string sample_time_json(int64_t time_ms);
// Loki's full stats object, with weft's figures where it has them.
void write_loki_stats(JsonWriter& w, const logql::QueryStats& stats);

}  // namespace weft::server::api
