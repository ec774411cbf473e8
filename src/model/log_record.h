// LogRecord and LogBatch: one OpenTelemetry log record, and the records of one request.
#pragma once

#include <string>
#include <vector>

#include "common/time.h"
#include "model/any_value.h"
#include "model/ids.h"
#include "model/resource.h"

namespace weft {

struct LogRecord {
  UnixNanos time_unix_nano = 0;           // when the event happened; 0 if unknown
  UnixNanos observed_time_unix_nano = 0;  // when it was observed (set at ingest if 0)
  int32_t severity_number = 0;            // 0-24
  std::string severity_text;
  AnyValue body;  // any kind: string, structured, empty
  Attributes attributes;
  uint32_t dropped_attributes_count = 0;
  uint32_t flags = 0;
  TraceId trace_id;
  SpanId span_id;
  std::string event_name;
  ResourcePtr resource;  // never null in a stored record
  ScopePtr scope;        // never null in a stored record

  // time_unix_nano, or observed_time_unix_nano when the former is 0: the time queries use.
  UnixNanos effective_time() const {
    return time_unix_nano != 0 ? time_unix_nano : observed_time_unix_nano;
  }
};

// The log records of one request, all of one tenant.
struct LogBatch {
  std::string tenant;
  std::vector<LogRecord> records;
};

// Approximate heap bytes of a record, not counting its shared resource and scope.
size_t log_record_heap_bytes(const LogRecord& record);

}  // namespace weft
