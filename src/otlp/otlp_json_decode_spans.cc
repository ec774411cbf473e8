// OTLP/JSON decoding of a Span with its events, links and status (the envelope around it is
// in otlp_json_decode.cc).
#include "otlp/otlp_enum_names.h"
#include "otlp/otlp_json_decoder.h"

namespace weft::otlp {

bool JsonDecoder::decode_item(JsonElement e, Span* s) {
  return fields(e, [&](std::string_view key, JsonElement v) { return span_field(key, v, s); });
}

bool JsonDecoder::span_field(std::string_view key, JsonElement v, Span* s) {
  if (key_is(key, "traceId", "trace_id")) return get_id(v, &s->trace_id, "trace_id");
  if (key_is(key, "spanId", "span_id")) return get_id(v, &s->span_id, "span_id");
  if (key_is(key, "traceState", "trace_state")) return get_string(v, &s->trace_state);
  if (key_is(key, "parentSpanId", "parent_span_id"))
    return get_id(v, &s->parent_span_id, "parent_span_id");
  if (key == "flags") return get_uint32(v, &s->flags);
  if (key == "name") return get_string(v, &s->name);
  if (key == "kind") {
    int32_t kind = 0;
    if (!get_enum(v, &kind, span_kind_from_name)) return false;
    s->kind = static_cast<SpanKind>(kind);
    return true;
  }
  if (key_is(key, "startTimeUnixNano", "start_time_unix_nano"))
    return get_time(v, &s->start_time_unix_nano);
  if (key_is(key, "endTimeUnixNano", "end_time_unix_nano"))
    return get_time(v, &s->end_time_unix_nano);
  if (key == "attributes") return attributes(v, &s->attributes);
  if (key_is(key, "droppedAttributesCount", "dropped_attributes_count"))
    return get_uint32(v, &s->dropped_attributes_count);
  if (key == "events")
    return items(v, [&](JsonElement item) { return span_event(item, &s->events.emplace_back()); });
  if (key_is(key, "droppedEventsCount", "dropped_events_count"))
    return get_uint32(v, &s->dropped_events_count);
  if (key == "links")
    return items(v, [&](JsonElement item) { return span_link(item, &s->links.emplace_back()); });
  if (key_is(key, "droppedLinksCount", "dropped_links_count"))
    return get_uint32(v, &s->dropped_links_count);
  if (key == "status") return span_status(v, s);
  return true;
}

bool JsonDecoder::span_event(JsonElement e, SpanEvent* ev) {
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key_is(key, "timeUnixNano", "time_unix_nano")) return get_time(v, &ev->time_unix_nano);
    if (key == "name") return get_string(v, &ev->name);
    if (key == "attributes") return attributes(v, &ev->attributes);
    if (key_is(key, "droppedAttributesCount", "dropped_attributes_count"))
      return get_uint32(v, &ev->dropped_attributes_count);
    return true;
  });
}

bool JsonDecoder::span_link(JsonElement e, SpanLink* l) {
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key_is(key, "traceId", "trace_id")) return get_id(v, &l->trace_id, "trace_id");
    if (key_is(key, "spanId", "span_id")) return get_id(v, &l->span_id, "span_id");
    if (key_is(key, "traceState", "trace_state")) return get_string(v, &l->trace_state);
    if (key == "attributes") return attributes(v, &l->attributes);
    if (key_is(key, "droppedAttributesCount", "dropped_attributes_count"))
      return get_uint32(v, &l->dropped_attributes_count);
    if (key == "flags") return get_uint32(v, &l->flags);
    return true;
  });
}

bool JsonDecoder::span_status(JsonElement e, Span* s) {
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key == "message") return get_string(v, &s->status_message);
    if (key != "code") return true;
    int32_t code = 0;
    if (!get_enum(v, &code, status_code_from_name)) return false;
    s->status_code = static_cast<SpanStatusCode>(code);
    return true;
  });
}

}  // namespace weft::otlp
