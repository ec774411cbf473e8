// Batches for the Store tests.
#pragma once

#include <memory>
#include <string>

#include "model/log_record.h"
#include "model/span.h"

namespace weft::storage::testing {

inline TraceId test_trace(uint8_t n) {
  TraceId id;
  id.bytes[0] = 0xab;
  id.bytes[15] = n;
  return id;
}

inline LogBatch test_logs(const std::string& tenant, int n, UnixNanos t0 = 1000) {
  auto res = std::make_shared<Resource>();
  res->attributes.push_back({"service.name", "checkout"});
  auto scope = std::make_shared<Scope>();
  scope->name = "test";
  LogBatch batch{tenant, {}};
  for (int i = 0; i < n; ++i) {
    LogRecord r;
    r.time_unix_nano = t0 + i;
    r.observed_time_unix_nano = t0 + i + 1;
    r.severity_number = 9;
    r.body = "log line " + std::to_string(i);
    r.attributes.push_back({"i", int64_t{i}});
    r.trace_id = test_trace(static_cast<uint8_t>(i % 4 + 1));
    r.resource = res;
    r.scope = scope;
    batch.records.push_back(std::move(r));
  }
  return batch;
}

inline SpanBatch test_spans(const std::string& tenant, int n) {
  auto res = std::make_shared<Resource>();
  res->attributes.push_back({"service.name", "cart"});
  auto scope = std::make_shared<Scope>();
  SpanBatch batch{tenant, {}};
  for (int i = 0; i < n; ++i) {
    Span s;
    s.trace_id = test_trace(1);
    s.span_id.bytes[7] = static_cast<uint8_t>(i + 1);
    s.name = "op " + std::to_string(i);
    s.start_time_unix_nano = 100 + i;
    s.end_time_unix_nano = 200 + i;
    s.resource = res;
    s.scope = scope;
    batch.spans.push_back(std::move(s));
  }
  return batch;
}

}  // namespace weft::storage::testing
