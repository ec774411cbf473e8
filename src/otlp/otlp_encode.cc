// Protobuf encoding of LogBatch and SpanBatch as OTLP export requests (see otlp_encode.h).
//
// Each message is described once by a put_* template over the sink (ProtoSizer, then
// ProtoWriter; see proto_writer.h). Default values are skipped, except inside AnyValue, where
// the oneof member is always written so that "" / false / 0 keep their kind.
#include "otlp/otlp_encode.h"

#include "otlp/otlp_encode_groups.h"
#include "otlp/otlp_fields.h"
#include "otlp/proto_writer.h"

namespace weft::otlp {

namespace {

template <typename S>
void put_any_value_fields(S& s, const AnyValue& value);

template <typename S>
void put_key_value(S& s, uint32_t number, const KeyValue& kv) {
  s.message(number, [&] {
    if (!kv.key.empty()) s.bytes(field::kKeyValueKey, kv.key);
    if (!kv.value.empty())
      s.message(field::kKeyValueValue, [&] { put_any_value_fields(s, kv.value); });
  });
}

template <typename S>
void put_attributes(S& s, uint32_t number, const Attributes& attrs) {
  for (const KeyValue& kv : attrs) put_key_value(s, number, kv);
}

template <typename S>
void put_any_value_fields(S& s, const AnyValue& value) {
  switch (value.kind()) {
    case AnyValue::Kind::kEmpty: break;
    case AnyValue::Kind::kString:
      s.bytes(field::kAnyValueString, std::get<std::string>(value.v));
      break;
    case AnyValue::Kind::kBool: s.varint(field::kAnyValueBool, std::get<bool>(value.v)); break;
    case AnyValue::Kind::kInt:
      s.varint(field::kAnyValueInt, static_cast<uint64_t>(std::get<int64_t>(value.v)));
      break;
    case AnyValue::Kind::kDouble:
      s.double_value(field::kAnyValueDouble, std::get<double>(value.v));
      break;
    case AnyValue::Kind::kBytes:
      s.bytes(field::kAnyValueBytes, std::get<Bytes>(value.v).data);
      break;
    case AnyValue::Kind::kArray:
      s.message(field::kAnyValueArray, [&] {
        for (const AnyValue& e : std::get<std::vector<AnyValue>>(value.v))
          s.message(field::kArrayValueValues, [&] { put_any_value_fields(s, e); });
      });
      break;
    case AnyValue::Kind::kKvList:
      s.message(field::kAnyValueKvList, [&] {
        put_attributes(s, field::kKvListValues, std::get<std::vector<KeyValue>>(value.v));
      });
      break;
  }
}

template <typename S>
void put_string(S& s, uint32_t number, const std::string& text) {
  if (!text.empty()) s.bytes(number, text);
}

template <typename S>
void put_uint(S& s, uint32_t number, uint64_t v) {
  if (v != 0) s.varint(number, v);
}

// Enums are int32: negative values are sign-extended to 64 bits, as protobuf does.
template <typename S>
void put_enum(S& s, uint32_t number, int32_t v) {
  if (v != 0) s.varint(number, static_cast<uint64_t>(static_cast<int64_t>(v)));
}

template <typename S>
void put_fixed64(S& s, uint32_t number, int64_t v) {
  if (v != 0) s.fixed64(number, static_cast<uint64_t>(v));
}

template <typename S>
void put_fixed32(S& s, uint32_t number, uint32_t v) {
  if (v != 0) s.fixed32(number, v);
}

template <typename S, size_t N>
void put_id(S& s, uint32_t number, const FixedId<N>& id) {
  if (id.present()) s.bytes(number, id.view());
}

template <typename S>
void put_resource(S& s, const Resource& r) {
  if (r.attributes.empty() && r.dropped_attributes_count == 0) return;
  s.message(field::kResourceGroupResource, [&] {
    put_attributes(s, field::kResourceAttributes, r.attributes);
    put_uint(s, field::kResourceDroppedAttributesCount, r.dropped_attributes_count);
  });
}

template <typename S>
void put_scope(S& s, const Scope& sc) {
  if (sc.name.empty() && sc.version.empty() && sc.attributes.empty() &&
      sc.dropped_attributes_count == 0)
    return;
  s.message(field::kScopeGroupScope, [&] {
    put_string(s, field::kScopeName, sc.name);
    put_string(s, field::kScopeVersion, sc.version);
    put_attributes(s, field::kScopeAttributes, sc.attributes);
    put_uint(s, field::kScopeDroppedAttributesCount, sc.dropped_attributes_count);
  });
}

template <typename S>
void put_log_record(S& s, const LogRecord& r) {
  put_fixed64(s, field::kLogTimeUnixNano, r.time_unix_nano);
  put_enum(s, field::kLogSeverityNumber, r.severity_number);
  put_string(s, field::kLogSeverityText, r.severity_text);
  if (!r.body.empty()) s.message(field::kLogBody, [&] { put_any_value_fields(s, r.body); });
  put_attributes(s, field::kLogAttributes, r.attributes);
  put_uint(s, field::kLogDroppedAttributesCount, r.dropped_attributes_count);
  put_fixed32(s, field::kLogFlags, r.flags);
  put_id(s, field::kLogTraceId, r.trace_id);
  put_id(s, field::kLogSpanId, r.span_id);
  put_fixed64(s, field::kLogObservedTimeUnixNano, r.observed_time_unix_nano);
  put_string(s, field::kLogEventName, r.event_name);
}

template <typename S>
void put_event(S& s, const SpanEvent& e) {
  s.message(field::kSpanEvents, [&] {
    put_fixed64(s, field::kEventTimeUnixNano, e.time_unix_nano);
    put_string(s, field::kEventName, e.name);
    put_attributes(s, field::kEventAttributes, e.attributes);
    put_uint(s, field::kEventDroppedAttributesCount, e.dropped_attributes_count);
  });
}

template <typename S>
void put_link(S& s, const SpanLink& l) {
  s.message(field::kSpanLinks, [&] {
    put_id(s, field::kLinkTraceId, l.trace_id);
    put_id(s, field::kLinkSpanId, l.span_id);
    put_string(s, field::kLinkTraceState, l.trace_state);
    put_attributes(s, field::kLinkAttributes, l.attributes);
    put_uint(s, field::kLinkDroppedAttributesCount, l.dropped_attributes_count);
    put_fixed32(s, field::kLinkFlags, l.flags);
  });
}

template <typename S>
void put_span(S& s, const Span& sp) {
  put_id(s, field::kSpanTraceId, sp.trace_id);
  put_id(s, field::kSpanSpanId, sp.span_id);
  put_string(s, field::kSpanTraceState, sp.trace_state);
  put_id(s, field::kSpanParentSpanId, sp.parent_span_id);
  put_string(s, field::kSpanName, sp.name);
  put_enum(s, field::kSpanKind, static_cast<int32_t>(sp.kind));
  put_fixed64(s, field::kSpanStartTimeUnixNano, sp.start_time_unix_nano);
  put_fixed64(s, field::kSpanEndTimeUnixNano, sp.end_time_unix_nano);
  put_attributes(s, field::kSpanAttributes, sp.attributes);
  put_uint(s, field::kSpanDroppedAttributesCount, sp.dropped_attributes_count);
  for (const SpanEvent& e : sp.events) put_event(s, e);
  put_uint(s, field::kSpanDroppedEventsCount, sp.dropped_events_count);
  for (const SpanLink& l : sp.links) put_link(s, l);
  put_uint(s, field::kSpanDroppedLinksCount, sp.dropped_links_count);
  if (sp.status_code != SpanStatusCode::kUnset || !sp.status_message.empty()) {
    s.message(field::kSpanStatus, [&] {
      put_string(s, field::kStatusMessage, sp.status_message);
      put_enum(s, field::kStatusCode, static_cast<int32_t>(sp.status_code));
    });
  }
  put_fixed32(s, field::kSpanFlags, sp.flags);
}

// Writes the request: one resource group per ResourceGroup, one scope group per ScopeGroup,
// then each item with put_item.
template <typename S, typename Item, typename PutItem>
void put_request(S& s, uint32_t number, const std::vector<ResourceGroup>& groups,
                 const std::vector<Item>& items, PutItem&& put_item) {
  for (const ResourceGroup& rg : groups) {
    s.message(number, [&] {
      if (rg.resource != nullptr) put_resource(s, *rg.resource);
      for (const ScopeGroup& sg : rg.scopes) {
        s.message(field::kResourceGroupScopes, [&] {
          if (sg.scope != nullptr) put_scope(s, *sg.scope);
          for (uint32_t i : sg.items)
            s.message(field::kScopeGroupItems, [&] { put_item(s, items[i]); });
          if (sg.scope != nullptr)
            put_string(s, field::kScopeGroupSchemaUrl, sg.scope->schema_url);
        });
      }
      if (rg.resource != nullptr)
        put_string(s, field::kResourceGroupSchemaUrl, rg.resource->schema_url);
    });
  }
}

}  // namespace

std::string encode_logs_proto(const LogBatch& batch) {
  const std::vector<ResourceGroup> groups = group_by_resource_and_scope(batch.records);
  return encode_proto([&](auto& s) {
    put_request(s, field::kExportLogsRequestResourceLogs, groups, batch.records,
                [](auto& sink, const LogRecord& r) { put_log_record(sink, r); });
  });
}

std::string encode_spans_proto(const SpanBatch& batch) {
  const std::vector<ResourceGroup> groups = group_by_resource_and_scope(batch.spans);
  return encode_proto([&](auto& s) {
    put_request(s, field::kExportTraceRequestResourceSpans, groups, batch.spans,
                [](auto& sink, const Span& sp) { put_span(sink, sp); });
  });
}

}  // namespace weft::otlp
