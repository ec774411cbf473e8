// Span and SpanBatch: one OpenTelemetry span, and the spans of one request.
#pragma once

#include <string>
#include <vector>

#include "common/time.h"
#include "model/any_value.h"
#include "model/ids.h"
#include "model/resource.h"

namespace weft {

// OTLP Span.SpanKind numbers.
enum class SpanKind : int32_t {
  kUnspecified = 0,
  kInternal = 1,
  kServer = 2,
  kClient = 3,
  kProducer = 4,
  kConsumer = 5,
};

// OTLP Status.StatusCode numbers.
enum class SpanStatusCode : int32_t { kUnset = 0, kOk = 1, kError = 2 };

struct SpanEvent {
  UnixNanos time_unix_nano = 0;
  std::string name;
  Attributes attributes;
  uint32_t dropped_attributes_count = 0;
};

struct SpanLink {
  TraceId trace_id;
  SpanId span_id;
  std::string trace_state;
  Attributes attributes;
  uint32_t dropped_attributes_count = 0;
  uint32_t flags = 0;
};

struct Span {
  TraceId trace_id;
  SpanId span_id;
  std::string trace_state;
  SpanId parent_span_id;  // absent for a root span
  uint32_t flags = 0;
  std::string name;
  SpanKind kind = SpanKind::kUnspecified;
  UnixNanos start_time_unix_nano = 0;
  UnixNanos end_time_unix_nano = 0;
  Attributes attributes;
  uint32_t dropped_attributes_count = 0;
  std::vector<SpanEvent> events;
  uint32_t dropped_events_count = 0;
  std::vector<SpanLink> links;
  uint32_t dropped_links_count = 0;
  SpanStatusCode status_code = SpanStatusCode::kUnset;
  std::string status_message;
  ResourcePtr resource;  // never null in a stored span
  ScopePtr scope;        // never null in a stored span

  UnixNanos duration_nanos() const { return end_time_unix_nano - start_time_unix_nano; }
};

// The spans of one request, all of one tenant.
struct SpanBatch {
  std::string tenant;
  std::vector<Span> spans;
};

std::string_view span_kind_name(SpanKind kind);      // "server", "client", ...
std::string_view span_status_name(SpanStatusCode c);  // "unset", "ok", "error"

// Approximate heap bytes of a span, not counting its shared resource and scope.
size_t span_heap_bytes(const Span& span);

}  // namespace weft
