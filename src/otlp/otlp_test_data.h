// Sample batches for tests, fuzz seeds and benchmarks: every field of LogRecord and Span set
// to a non-default value, every AnyValue kind (nested arrays and kvlists, bytes), several
// resources and scopes shared the way the decoder shares them. Header-only, no test framework.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/log_record.h"
#include "model/span.h"

namespace weft::otlp::testdata {

inline TraceId trace_id(uint8_t seed) {
  TraceId id;
  for (size_t i = 0; i < id.bytes.size(); ++i) id.bytes[i] = static_cast<uint8_t>(seed + i + 1);
  return id;
}

inline SpanId span_id(uint8_t seed) {
  SpanId id;
  for (size_t i = 0; i < id.bytes.size(); ++i) id.bytes[i] = static_cast<uint8_t>(seed * 3 + i + 1);
  return id;
}

// A value of every kind, nested: {s, b, i, d, bytes, arr:[1,"x",[true,{}]], kv:{k:{inner:2}}}.
inline AnyValue every_kind_value() {
  std::vector<AnyValue> inner_array = {AnyValue(true), AnyValue(std::vector<KeyValue>{})};
  std::vector<AnyValue> array = {AnyValue(1), AnyValue("x"), AnyValue(std::move(inner_array)),
                                 AnyValue()};
  std::vector<KeyValue> inner_kv = {{"inner", AnyValue(2)}};
  std::vector<KeyValue> kv = {{"k", AnyValue(std::move(inner_kv))}, {"empty", AnyValue()}};
  return AnyValue(std::vector<KeyValue>{
      {"s", AnyValue("text")},
      {"empty_string", AnyValue("")},
      {"b", AnyValue(false)},
      {"i", AnyValue(int64_t{-1234567890123})},
      {"zero", AnyValue(0)},
      {"d", AnyValue(3.25)},
      {"bytes", AnyValue(Bytes{std::string("\x00\xff\x10", 3)})},
      {"arr", AnyValue(std::move(array))},
      {"kv", AnyValue(std::move(kv))},
  });
}

inline Attributes sample_attributes(int n) {
  Attributes attrs;
  for (int i = 0; i < n; ++i) attrs.push_back({"attr." + std::to_string(i), AnyValue(i * 7)});
  attrs.push_back({"dup", AnyValue("a")});
  attrs.push_back({"dup", AnyValue("b")});  // duplicates are kept as sent
  return attrs;
}

inline std::shared_ptr<Resource> sample_resource(const std::string& service) {
  auto r = std::make_shared<Resource>();
  r->attributes = {{"service.name", AnyValue(service)}, {"host.name", AnyValue("node-1")}};
  r->dropped_attributes_count = 2;
  r->schema_url = "https://opentelemetry.io/schemas/1.26.0";
  return r;
}

inline std::shared_ptr<Scope> sample_scope(const std::string& name) {
  auto s = std::make_shared<Scope>();
  s->name = name;
  s->version = "1.2.3";
  s->attributes = {{"scope.attr", AnyValue(true)}};
  s->dropped_attributes_count = 1;
  s->schema_url = "https://opentelemetry.io/schemas/1.25.0";
  return s;
}

inline LogRecord full_log_record(int i) {
  LogRecord r;
  r.time_unix_nano = 1795315856151000000 + i;
  r.observed_time_unix_nano = 1795315856152000000 + i;
  r.severity_number = 9 + (i % 16);
  r.severity_text = "INFO";
  r.body = i % 2 == 0 ? AnyValue("user logged in " + std::to_string(i)) : every_kind_value();
  r.attributes = sample_attributes(3);
  r.dropped_attributes_count = 4;
  r.flags = 1;
  r.trace_id = trace_id(static_cast<uint8_t>(i));
  r.span_id = span_id(static_cast<uint8_t>(i));
  r.event_name = "app.login";
  return r;
}

// Two resources; the first with two scopes, the second with one and a bare (empty) scope.
inline LogBatch rich_log_batch() {
  LogBatch batch;
  auto r1 = sample_resource("checkout");
  auto r2 = sample_resource("payments");
  auto s1 = sample_scope("io.weft.a");
  auto s2 = sample_scope("io.weft.b");
  auto s3 = std::make_shared<Scope>();  // empty scope
  std::vector<std::pair<ResourcePtr, ScopePtr>> groups = {{r1, s1}, {r1, s2}, {r2, s3}};
  int i = 0;
  for (auto& [r, s] : groups) {
    for (int k = 0; k < 3; ++k) {
      LogRecord rec = full_log_record(i++);
      rec.resource = r;
      rec.scope = s;
      batch.records.push_back(std::move(rec));
    }
  }
  LogRecord minimal;  // every field default
  minimal.resource = r2;
  minimal.scope = s3;
  batch.records.push_back(std::move(minimal));
  return batch;
}

inline Span full_span(int i) {
  Span s;
  s.trace_id = trace_id(static_cast<uint8_t>(i));
  s.span_id = span_id(static_cast<uint8_t>(i));
  s.trace_state = "vendor=abc";
  s.parent_span_id = span_id(static_cast<uint8_t>(i + 100));
  s.flags = 257;
  s.name = "GET /checkout";
  s.kind = SpanKind::kServer;
  s.start_time_unix_nano = 1795315856000000000 + i;
  s.end_time_unix_nano = 1795315856250000000 + i;
  s.attributes = sample_attributes(2);
  s.dropped_attributes_count = 1;
  s.events = {SpanEvent{1795315856100000000, "exception", {{"exception.type", AnyValue("E")}}, 3},
              SpanEvent{}};
  s.dropped_events_count = 5;
  s.links = {SpanLink{trace_id(7), span_id(7), "k=v", {{"link.attr", every_kind_value()}}, 2, 1},
             SpanLink{}};
  s.dropped_links_count = 6;
  s.status_code = SpanStatusCode::kError;
  s.status_message = "payment failed";
  return s;
}

inline SpanBatch rich_span_batch() {
  SpanBatch batch;
  auto r1 = sample_resource("checkout");
  auto r2 = sample_resource("db");
  auto s1 = sample_scope("io.weft.http");
  auto s2 = std::make_shared<Scope>();
  std::vector<std::pair<ResourcePtr, ScopePtr>> groups = {{r1, s1}, {r2, s1}, {r2, s2}};
  int i = 0;
  for (auto& [r, sc] : groups) {
    for (int k = 0; k < 2; ++k) {
      Span s = full_span(i++);
      s.resource = r;
      s.scope = sc;
      batch.spans.push_back(std::move(s));
    }
  }
  Span minimal;  // only the required ids
  minimal.trace_id = trace_id(200);
  minimal.span_id = span_id(200);
  minimal.resource = r2;
  minimal.scope = s2;
  batch.spans.push_back(std::move(minimal));
  return batch;
}

}  // namespace weft::otlp::testdata
