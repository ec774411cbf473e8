#include "server/api/loki_json.h"

#include "query/logql/units.h"

namespace weft::server::api {

namespace {

using logql::QueryResult;

void write_entry(JsonWriter& w, const logql::LogEntry& e, bool categorize) {
  w.begin_array();
  w.value(std::to_string(e.time));
  w.value(e.line);
  if (categorize) {
    w.begin_object();
    if (!e.metadata.empty()) {
      w.key("structuredMetadata");
      write_label_map(w, e.metadata);
    }
    if (!e.parsed.empty()) {
      w.key("parsed");
      write_label_map(w, e.parsed);
    }
    w.end_object();
  }
  w.end_array();
}

void write_point(JsonWriter& w, const logql::SamplePoint& p) {
  w.begin_array();
  w.raw(sample_time_json(p.time_ms));
  w.value(logql::format_sample_value(p.value));
  w.end_array();
}

void write_result(JsonWriter& w, const QueryResult& r, bool categorize) {
  switch (r.type) {
    case QueryResult::Type::kStreams:
      w.begin_array();
      for (const auto& s : r.streams) {
        w.begin_object();
        w.key("stream");
        write_label_map(w, s.labels);
        w.key("values");
        w.begin_array();
        for (const auto& e : s.entries) write_entry(w, e, categorize);
        w.end_array();
        w.end_object();
      }
      w.end_array();
      return;
    case QueryResult::Type::kVector:
    case QueryResult::Type::kMatrix:
      w.begin_array();
      for (const auto& s : r.series) {
        w.begin_object();
        w.key("metric");
        write_label_map(w, s.labels);
        if (r.type == QueryResult::Type::kVector) {
          w.key("value");
          write_point(w, s.points[0]);
        } else {
          w.key("values");
          w.begin_array();
          for (const auto& p : s.points) write_point(w, p);
          w.end_array();
        }
        w.end_object();
      }
      w.end_array();
      return;
    case QueryResult::Type::kScalar:
      write_point(w, r.scalar);
      return;
  }
}

const char* result_type(QueryResult::Type t) {
  switch (t) {
    case QueryResult::Type::kStreams: return "streams";
    case QueryResult::Type::kVector: return "vector";
    case QueryResult::Type::kMatrix: return "matrix";
    case QueryResult::Type::kScalar: return "scalar";
  }
  return "streams";
}

void zero_fields(JsonWriter& w, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    w.key(k);
    w.value(int64_t{0});
  }
}

void write_store(JsonWriter& w, uint64_t lines, uint64_t bytes, uint64_t post_filter) {
  w.begin_object();
  zero_fields(w, {"chunksDownloadTime", "congestionControlLatency", "totalChunksRef", "totalChunksDownloaded",
                  "chunkRefsFetchTime"});
  w.key("queryReferencedStructuredMetadata");
  w.value(false);
  w.key("queryUsedV2Engine");
  w.value(false);
  zero_fields(w, {"pipelineWrapperFilteredLines"});
  w.key("chunk");
  w.begin_object();
  zero_fields(w, {"compressedBytes", "decompressedBytes", "decompressedLines", "decompressedStructuredMetadataBytes"});
  w.key("headChunkBytes");
  w.value(bytes);
  w.key("headChunkLines");
  w.value(lines);
  zero_fields(w, {"headChunkStructuredMetadataBytes"});
  w.key("postFilterLines");
  w.value(post_filter);
  zero_fields(w, {"totalDuplicates"});
  w.end_object();
  w.key("dataobj");
  w.begin_object();
  zero_fields(w, {"pageBatches", "pagesDownloaded", "pagesDownloadedBytes", "pagesScanned", "postFilterRows",
                  "postPredicateRows", "postPredicateDecompressedBytes", "postPredicateStructuredMetadataBytes",
                  "prePredicateDecompressedRows", "prePredicateDecompressedBytes",
                  "prePredicateDecompressedStructuredMetadataBytes", "totalPageDownloadTime", "totalRowsAvailable",
                  "wireBytesTransferred"});
  w.end_object();
  w.end_object();
}

void write_cache(JsonWriter& w) {
  w.begin_object();
  for (const char* name : {"chunk", "index", "statsResult", "seriesResult", "labelResult", "volumeResult",
                           "instantMetricResult", "result", "logResult", "taskResult"}) {
    w.key(name);
    w.begin_object();
    zero_fields(w, {"entriesFound", "entriesRequested", "entriesStored", "bytesReceived", "bytesSent", "requests",
                    "downloadTime", "queryLengthServed"});
    w.end_object();
  }
  w.end_object();
}

}  // namespace

void write_label_map(JsonWriter& w, const logql::LabelSet& labels) {
  w.begin_object();
  for (const auto& l : labels) {
    w.key(l.name);
    w.value(l.value);
  }
  w.end_object();
}

std::string sample_time_json(int64_t ms) {
  bool negative = ms < 0;
  uint64_t u = negative ? static_cast<uint64_t>(-ms) : static_cast<uint64_t>(ms);
  std::string out = (negative ? "-" : "") + std::to_string(u / 1000);
  uint64_t frac = u % 1000;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f = std::string(3 - f.size(), '0') + f;
    while (f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

void write_loki_stats(JsonWriter& w, const logql::QueryStats& s) {
  w.begin_object();
  w.key("index");
  w.begin_object();
  zero_fields(w, {"bloomFilterTime", "chunkRefsLookupTime", "postFilterChunks", "totalChunks"});
  w.key("totalStreams");
  w.value(s.streams_matched);
  w.key("usedBloomFilters");
  w.value(false);
  zero_fields(w, {"shardsDuration"});
  w.end_object();
  w.key("ingester");
  w.begin_object();
  w.key("store");
  write_store(w, s.lines_processed, s.bytes_processed, s.post_filter_lines);
  zero_fields(w, {"totalBatches", "totalChunksMatched"});
  w.key("totalLinesSent");
  w.value(s.entries_returned);
  w.key("totalReached");
  w.value(int64_t{1});
  w.end_object();
  w.key("querier");
  w.begin_object();
  w.key("querierExecTime");
  w.value(s.exec_seconds);
  w.key("store");
  write_store(w, 0, 0, 0);
  w.end_object();
  w.key("cache");
  write_cache(w);
  w.key("summary");
  w.begin_object();
  double exec = s.exec_seconds > 0 ? s.exec_seconds : 1e-9;
  w.key("bytesProcessedPerSecond");
  w.value(static_cast<int64_t>(static_cast<double>(s.bytes_processed) / exec));
  w.key("execTime");
  w.value(s.exec_seconds);
  w.key("linesProcessedPerSecond");
  w.value(static_cast<int64_t>(static_cast<double>(s.lines_processed) / exec));
  w.key("queueTime");
  w.value(s.queue_seconds);
  zero_fields(w, {"shards", "splits"});
  w.key("subqueries");
  w.value(int64_t{1});
  w.key("totalBytesProcessed");
  w.value(s.bytes_processed);
  w.key("totalEntriesReturned");
  w.value(s.entries_returned);
  w.key("totalLinesProcessed");
  w.value(s.lines_processed);
  zero_fields(w, {"totalStructuredMetadataBytesProcessed"});
  w.key("totalPostFilterLines");
  w.value(s.post_filter_lines);
  w.end_object();
  w.end_object();
}

std::string loki_query_body(const QueryResult& r, bool categorize) {
  JsonWriter w;
  w.begin_object();
  w.key("status");
  w.value("success");
  w.key("data");
  w.begin_object();
  w.key("resultType");
  w.value(result_type(r.type));
  if (categorize && r.type == QueryResult::Type::kStreams) {
    w.key("encodingFlags");
    w.begin_array();
    w.value("categorize-labels");
    w.end_array();
  }
  w.key("result");
  write_result(w, r, categorize && r.type == QueryResult::Type::kStreams);
  w.key("stats");
  write_loki_stats(w, r.stats);
  w.end_object();
  w.end_object();
  return w.take();
}

std::string loki_string_list_body(const std::vector<std::string>& values) {
  JsonWriter w;
  w.begin_object();
  w.key("status");
  w.value("success");
  w.key("data");
  w.begin_array();
  for (const auto& v : values) w.value(v);
  w.end_array();
  w.end_object();
  return w.take();
}

std::string loki_series_body(const std::vector<logql::LabelSet>& series) {
  JsonWriter w;
  w.begin_object();
  w.key("status");
  w.value("success");
  w.key("data");
  w.begin_array();
  for (const auto& s : series) write_label_map(w, s);
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace weft::server::api
