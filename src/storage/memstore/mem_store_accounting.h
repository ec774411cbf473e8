// Memory accounting and per-service counts of one batch, computed before MemStore takes its
// lock, so the exclusive section only moves records and updates indexes.
//
// The estimate: each record's or span's own heap (log_record_heap_bytes / span_heap_bytes),
// plus each distinct Resource and Scope object of the batch once (records of one OTLP
// ResourceLogs share one object), plus kTraceIndexBytes per record that carries a trace id.
// MemStore adds kTraceIndexNodeBytes for each trace id it sees for the first time.
//
// Thread safety: pure functions of their arguments.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "model/log_record.h"
#include "model/span.h"

namespace weft::storage {

// One trace-index slot (an 8-byte position, with vector growth slack).
inline constexpr uint64_t kTraceIndexBytes = 16;
// One hash-map node of the trace index (key, vector header, node and bucket overhead).
inline constexpr uint64_t kTraceIndexNodeBytes = 80;

struct BatchAccounting {
  uint64_t bytes = 0;
  // Records (or spans) per service name; the views point into the batch's resources.
  std::vector<std::pair<std::string_view, uint64_t>> services;
};

BatchAccounting account_logs(const std::vector<LogRecord>& records);
BatchAccounting account_spans(const std::vector<Span>& spans);

size_t resource_heap_bytes(const Resource& resource);
size_t scope_heap_bytes(const Scope& scope);

}  // namespace weft::storage
