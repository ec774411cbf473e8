// What a LogQL query returns: log streams, or an instant vector, a matrix, or a scalar, with
// the execution statistics Loki reports beside them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/time.h"
#include "query/logql/labels.h"

namespace weft::logql {

enum class Direction { kBackward, kForward };

struct LogEntry {
  UnixNanos time = 0;
  std::string line;
  LabelSet metadata;  // with categorized labels: the entry's structured metadata
  LabelSet parsed;    // with categorized labels: labels the pipeline added
};

struct StreamResult {
  LabelSet labels;
  std::vector<LogEntry> entries;  // in the query's direction
};

struct SamplePoint {
  int64_t time_ms = 0;
  double value = 0;
};

struct SeriesResult {
  LabelSet labels;
  std::vector<SamplePoint> points;  // one for an instant vector
};

struct QueryStats {
  uint64_t lines_processed = 0;      // rows read from the store
  uint64_t bytes_processed = 0;      // their line bytes
  uint64_t post_filter_lines = 0;    // rows that passed the pipeline
  uint64_t entries_returned = 0;     // log entries or samples in the result
  uint64_t streams_matched = 0;      // distinct streams read
  double exec_seconds = 0;
  double queue_seconds = 0;
};

struct QueryResult {
  enum class Type { kStreams, kVector, kMatrix, kScalar };
  Type type = Type::kStreams;
  std::vector<StreamResult> streams;
  std::vector<SeriesResult> series;  // kVector (one point each), kMatrix
  SamplePoint scalar;                // kScalar
  QueryStats stats;
};

}  // namespace weft::logql
