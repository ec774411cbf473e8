// Protobuf decoding of an OTLP Span with its events, links and status (the envelope around it
// is in otlp_proto_decode.cc).
#include "otlp/otlp_fields.h"
#include "otlp/otlp_proto_decoder.h"

namespace weft::otlp {

bool ProtoDecoder::decode_item(std::string_view bytes, Span* s) {
  s->attributes.reserve(count_len_fields(bytes, field::kSpanAttributes));
  return fields(bytes, [&](const WireField& f) { return span_field(f, s); });
}

bool ProtoDecoder::span_field(const WireField& f, Span* s) {
  switch (f.number) {
    case field::kSpanTraceId: return get_id(f, &s->trace_id, "trace_id");
    case field::kSpanSpanId: return get_id(f, &s->span_id, "span_id");
    case field::kSpanTraceState: return get_string(f, &s->trace_state);
    case field::kSpanParentSpanId: return get_id(f, &s->parent_span_id, "parent_span_id");
    case field::kSpanFlags: return get_fixed32(f, &s->flags);
    case field::kSpanName: return get_string(f, &s->name);
    case field::kSpanKind: return get_enum(f, &s->kind);
    case field::kSpanStartTimeUnixNano: return get_fixed64(f, &s->start_time_unix_nano);
    case field::kSpanEndTimeUnixNano: return get_fixed64(f, &s->end_time_unix_nano);
    case field::kSpanAttributes: return attribute(f, &s->attributes);
    case field::kSpanDroppedAttributesCount: return get_uint32(f, &s->dropped_attributes_count);
    case field::kSpanDroppedEventsCount: return get_uint32(f, &s->dropped_events_count);
    case field::kSpanDroppedLinksCount: return get_uint32(f, &s->dropped_links_count);
    case field::kSpanEvents: {
      if (!get_message(f)) return false;
      PathScope ps(path_, "events", s->events.size());
      return span_event(f.bytes, &s->events.emplace_back());
    }
    case field::kSpanLinks: {
      if (!get_message(f)) return false;
      PathScope ps(path_, "links", s->links.size());
      return span_link(f.bytes, &s->links.emplace_back());
    }
    case field::kSpanStatus: {
      if (!get_message(f)) return false;
      PathScope ps(path_, "status");
      return span_status(f.bytes, s);
    }
    default: return true;
  }
}

bool ProtoDecoder::span_event(std::string_view bytes, SpanEvent* e) {
  return fields(bytes, [&](const WireField& f) {
    switch (f.number) {
      case field::kEventTimeUnixNano: return get_fixed64(f, &e->time_unix_nano);
      case field::kEventName: return get_string(f, &e->name);
      case field::kEventAttributes: return attribute(f, &e->attributes);
      case field::kEventDroppedAttributesCount:
        return get_uint32(f, &e->dropped_attributes_count);
      default: return true;
    }
  });
}

bool ProtoDecoder::span_link(std::string_view bytes, SpanLink* l) {
  return fields(bytes, [&](const WireField& f) {
    switch (f.number) {
      case field::kLinkTraceId: return get_id(f, &l->trace_id, "trace_id");
      case field::kLinkSpanId: return get_id(f, &l->span_id, "span_id");
      case field::kLinkTraceState: return get_string(f, &l->trace_state);
      case field::kLinkAttributes: return attribute(f, &l->attributes);
      case field::kLinkDroppedAttributesCount:
        return get_uint32(f, &l->dropped_attributes_count);
      case field::kLinkFlags: return get_fixed32(f, &l->flags);
      default: return true;
    }
  });
}

bool ProtoDecoder::span_status(std::string_view bytes, Span* s) {
  return fields(bytes, [&](const WireField& f) {
    switch (f.number) {
      case field::kStatusMessage: return get_string(f, &s->status_message);
      case field::kStatusCode: return get_enum(f, &s->status_code);
      default: return true;
    }
  });
}

}  // namespace weft::otlp
