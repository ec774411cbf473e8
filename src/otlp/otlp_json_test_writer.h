// OTLP/JSON text of a LogBatch or SpanBatch, for tests and fuzz seeds (the server never writes
// OTLP/JSON requests). Each record gets its own resourceLogs/scopeLogs entry unless it shares
// the previous record's resource and scope objects. 64-bit integers are written as strings,
// as the OTLP/JSON mapping says; ids as lowercase hex; bytes as base64.
#pragma once

#include <string>

#include "common/base64.h"
#include "common/json_writer.h"
#include "model/log_record.h"
#include "model/span.h"

namespace weft::otlp::testing {

class OtlpJsonTestWriter {
 public:
  std::string logs(const LogBatch& batch) {
    return request("resourceLogs", "scopeLogs", "logRecords", batch.records,
                   [this](const LogRecord& r) { log_record(r); });
  }
  std::string spans(const SpanBatch& batch) {
    return request("resourceSpans", "scopeSpans", "spans", batch.spans,
                   [this](const Span& s) { span(s); });
  }

 private:
  template <typename Item, typename Put>
  std::string request(const char* rkey, const char* skey, const char* ikey,
                      const std::vector<Item>& items, Put put) {
    w_ = JsonWriter();
    w_.begin_object();
    w_.key(rkey);
    w_.begin_array();
    for (size_t i = 0; i < items.size();) {
      size_t end = i + 1;
      while (end < items.size() && items[end].resource == items[i].resource &&
             items[end].scope == items[i].scope)
        ++end;
      group(skey, ikey, items, i, end, put);
      i = end;
    }
    w_.end_array();
    w_.end_object();
    return w_.take();
  }

  template <typename Item, typename Put>
  void group(const char* skey, const char* ikey, const std::vector<Item>& items, size_t from,
             size_t to, Put put) {
    const Item& first = items[from];
    w_.begin_object();
    if (first.resource) {
      w_.key("resource");
      w_.begin_object();
      attributes(first.resource->attributes, first.resource->dropped_attributes_count);
      w_.end_object();
      w_.key("schemaUrl");
      w_.value(first.resource->schema_url);
    }
    w_.key(skey);
    w_.begin_array();
    w_.begin_object();
    if (first.scope) scope(*first.scope);
    w_.key(ikey);
    w_.begin_array();
    for (size_t i = from; i < to; ++i) put(items[i]);
    w_.end_array();
    w_.end_object();
    w_.end_array();
    w_.end_object();
  }

  void scope(const Scope& s) {
    w_.key("scope");
    w_.begin_object();
    w_.key("name");
    w_.value(s.name);
    w_.key("version");
    w_.value(s.version);
    attributes(s.attributes, s.dropped_attributes_count);
    w_.end_object();
    w_.key("schemaUrl");
    w_.value(s.schema_url);
  }

  void u64(const char* key, int64_t v) {
    w_.key(key);
    w_.value(std::to_string(static_cast<uint64_t>(v)));
  }
  void num(const char* key, uint64_t v) {
    w_.key(key);
    w_.value(v);
  }
  void str(const char* key, const std::string& v) {
    w_.key(key);
    w_.value(v);
  }

  void any_value(const AnyValue& v) {
    w_.begin_object();
    switch (v.kind()) {
      case AnyValue::Kind::kEmpty: break;
      case AnyValue::Kind::kString: str("stringValue", std::get<std::string>(v.v)); break;
      case AnyValue::Kind::kBool: w_.key("boolValue"); w_.value(std::get<bool>(v.v)); break;
      case AnyValue::Kind::kInt: str("intValue", std::to_string(std::get<int64_t>(v.v))); break;
      case AnyValue::Kind::kDouble: w_.key("doubleValue"); w_.value(std::get<double>(v.v)); break;
      case AnyValue::Kind::kBytes:
        str("bytesValue", base64_encode(std::get<Bytes>(v.v).data));
        break;
      case AnyValue::Kind::kArray:
        w_.key("arrayValue");
        w_.begin_object();
        w_.key("values");
        w_.begin_array();
        for (const AnyValue& e : std::get<std::vector<AnyValue>>(v.v)) any_value(e);
        w_.end_array();
        w_.end_object();
        break;
      case AnyValue::Kind::kKvList:
        w_.key("kvlistValue");
        w_.begin_object();
        key_values("values", std::get<std::vector<KeyValue>>(v.v));
        w_.end_object();
        break;
    }
    w_.end_object();
  }

  void key_values(const char* key, const std::vector<KeyValue>& kvs) {
    w_.key(key);
    w_.begin_array();
    for (const KeyValue& kv : kvs) {
      w_.begin_object();
      str("key", kv.key);
      w_.key("value");
      any_value(kv.value);
      w_.end_object();
    }
    w_.end_array();
  }

  void attributes(const Attributes& attrs, uint32_t dropped) {
    key_values("attributes", attrs);
    num("droppedAttributesCount", dropped);
  }

  template <size_t N>
  void id(const char* key, const FixedId<N>& v) {
    if (v.present()) str(key, v.hex());
  }

  void log_record(const LogRecord& r) {
    w_.begin_object();
    u64("timeUnixNano", r.time_unix_nano);
    u64("observedTimeUnixNano", r.observed_time_unix_nano);
    w_.key("severityNumber");
    w_.value(r.severity_number);
    str("severityText", r.severity_text);
    w_.key("body");
    any_value(r.body);
    attributes(r.attributes, r.dropped_attributes_count);
    num("flags", r.flags);
    id("traceId", r.trace_id);
    id("spanId", r.span_id);
    str("eventName", r.event_name);
    w_.end_object();
  }

  void span(const Span& s) {
    w_.begin_object();
    id("traceId", s.trace_id);
    id("spanId", s.span_id);
    str("traceState", s.trace_state);
    id("parentSpanId", s.parent_span_id);
    num("flags", s.flags);
    str("name", s.name);
    w_.key("kind");
    w_.value(static_cast<int>(s.kind));
    u64("startTimeUnixNano", s.start_time_unix_nano);
    u64("endTimeUnixNano", s.end_time_unix_nano);
    attributes(s.attributes, s.dropped_attributes_count);
    w_.key("events");
    w_.begin_array();
    for (const SpanEvent& e : s.events) {
      w_.begin_object();
      u64("timeUnixNano", e.time_unix_nano);
      str("name", e.name);
      attributes(e.attributes, e.dropped_attributes_count);
      w_.end_object();
    }
    w_.end_array();
    num("droppedEventsCount", s.dropped_events_count);
    w_.key("links");
    w_.begin_array();
    for (const SpanLink& l : s.links) {
      w_.begin_object();
      id("traceId", l.trace_id);
      id("spanId", l.span_id);
      str("traceState", l.trace_state);
      attributes(l.attributes, l.dropped_attributes_count);
      num("flags", l.flags);
      w_.end_object();
    }
    w_.end_array();
    num("droppedLinksCount", s.dropped_links_count);
    w_.key("status");
    w_.begin_object();
    str("message", s.status_message);
    w_.key("code");
    w_.value(static_cast<int>(s.status_code));
    w_.end_object();
    w_.end_object();
  }

  JsonWriter w_;
};

}  // namespace weft::otlp::testing
