// Fixed traces for the TraceQL engine tests (test-only).
//
// Trace 1 (frontend/backend), starting at kBase:
//   GET /api        server  frontend  100ms  http.method=GET http.status_code=200
//   ├─ db query     client  frontend   30ms  db.system=postgres, status error "timeout"
//   └─ call backend client  frontend   50ms
//      └─ handle    server  backend    40ms  resource env=prod, event "retry"
// Trace 2 (orders), starting at kBase + 60s:
//   POST /orders    server  orders      2s   http.method=POST, status ok
//   └─ publish      producer orders     5ms  messaging.system=kafka cache.hit=true ratio=0.5
#pragma once

#include <memory>
#include <vector>

#include "model/span.h"

namespace weft::query::traceql::testing {

inline constexpr UnixNanos kBase = 1'700'000'040'000'000'000;
inline constexpr int64_t kMs = 1'000'000;

inline TraceId trace_id(uint8_t n) {
  TraceId id;
  id.bytes[15] = n;
  return id;
}

inline SpanId span_id(uint8_t n) {
  SpanId id;
  id.bytes[7] = n;
  return id;
}

inline ResourcePtr resource(Attributes attributes) {
  auto r = std::make_shared<Resource>();
  r->attributes = std::move(attributes);
  return r;
}

inline Span make_span(uint8_t trace, uint8_t id, uint8_t parent, std::string name, SpanKind kind,
                      UnixNanos start, int64_t duration, ResourcePtr res, Attributes attrs = {}) {
  Span s;
  s.trace_id = trace_id(trace);
  s.span_id = span_id(id);
  if (parent) s.parent_span_id = span_id(parent);
  s.name = std::move(name);
  s.kind = kind;
  s.start_time_unix_nano = start;
  s.end_time_unix_nano = start + duration;
  s.attributes = std::move(attrs);
  s.resource = std::move(res);
  s.scope = std::make_shared<Scope>();
  return s;
}

inline std::vector<Span> fixed_spans() {
  auto frontend = resource({{"service.name", "frontend"}});
  auto backend = resource({{"service.name", "backend"}, {"env", "prod"}});
  auto orders = resource({{"service.name", "orders"}});
  std::vector<Span> spans;
  spans.push_back(make_span(1, 1, 0, "GET /api", SpanKind::kServer, kBase, 100 * kMs, frontend,
                            {{"http.method", "GET"}, {"http.status_code", 200}}));
  Span db = make_span(1, 2, 1, "db query", SpanKind::kClient, kBase + 5 * kMs, 30 * kMs, frontend,
                      {{"db.system", "postgres"}});
  db.status_code = SpanStatusCode::kError;
  db.status_message = "timeout";
  spans.push_back(db);
  spans.push_back(make_span(1, 3, 1, "call backend", SpanKind::kClient, kBase + 40 * kMs,
                            50 * kMs, frontend));
  Span handle = make_span(1, 4, 3, "handle", SpanKind::kServer, kBase + 45 * kMs, 40 * kMs,
                          backend);
  handle.events.push_back(SpanEvent{kBase + 50 * kMs, "retry", {}, 0});
  spans.push_back(handle);
  Span post = make_span(2, 1, 0, "POST /orders", SpanKind::kServer, kBase + 60'000 * kMs,
                        2000 * kMs, orders, {{"http.method", "POST"}});
  post.status_code = SpanStatusCode::kOk;
  spans.push_back(post);
  spans.push_back(make_span(2, 2, 1, "publish", SpanKind::kProducer, kBase + 60'010 * kMs,
                            5 * kMs, orders,
                            {{"messaging.system", "kafka"}, {"cache.hit", true}, {"ratio", 0.5}}));
  return spans;
}

}  // namespace weft::query::traceql::testing
