// Protobuf decoding of ExportTraceServiceRequest (ResourceSpans, ScopeSpans, Span with its
// events, links and status), and the public entry point decode_spans_proto().
#include "otlp/otlp_fields.h"
#include "otlp/otlp_proto_decoder.h"

namespace weft::otlp {

bool ProtoDecoder::spans_request(std::string_view bytes, SpanBatch* batch) {
  batch->spans.reserve(count_request_items(bytes));
  size_t index = 0;
  return fields(bytes, [&](const WireField& f) {
    if (f.number != field::kExportTraceRequestResourceSpans) return true;
    if (!get_message(f)) return false;
    PathScope ps(path_, "resource_spans", index++);
    return resource_spans(f.bytes, batch);
  });
}

// As resource_logs(): one Resource object for every span of this ResourceSpans.
bool ProtoDecoder::resource_spans(std::string_view bytes, SpanBatch* batch) {
  auto owned = std::make_shared<Resource>();
  const ResourcePtr shared = owned;
  size_t index = 0;
  return fields(bytes, [&](const WireField& f) {
    switch (f.number) {
      case field::kResourceGroupResource: {
        if (!get_message(f)) return false;
        PathScope ps(path_, "resource");
        return resource(f.bytes, owned.get());
      }
      case field::kResourceGroupScopes: {
        if (!get_message(f)) return false;
        PathScope ps(path_, "scope_spans", index++);
        return scope_spans(f.bytes, shared, batch);
      }
      case field::kResourceGroupSchemaUrl: return get_string(f, &owned->schema_url);
      default: return true;
    }
  });
}

bool ProtoDecoder::scope_spans(std::string_view bytes, const ResourcePtr& resource,
                               SpanBatch* batch) {
  auto owned = std::make_shared<Scope>();
  const ScopePtr shared = owned;
  size_t index = 0;
  return fields(bytes, [&](const WireField& f) {
    switch (f.number) {
      case field::kScopeGroupScope: {
        if (!get_message(f)) return false;
        PathScope ps(path_, "scope");
        return scope(f.bytes, owned.get());
      }
      case field::kScopeGroupItems: {
        if (!get_message(f)) return false;
        PathScope ps(path_, "spans", index++);
        Span& s = batch->spans.emplace_back();
        s.resource = resource;
        s.scope = shared;
        if (!span(f.bytes, &s)) return false;
        finish_span(batch);
        return true;
      }
      case field::kScopeGroupSchemaUrl: return get_string(f, &owned->schema_url);
      default: return true;
    }
  });
}

bool ProtoDecoder::span(std::string_view bytes, Span* s) {
  reject_reason_.clear();
  s->attributes.reserve(count_len_fields(bytes, field::kSpanAttributes));
  if (!fields(bytes, [&](const WireField& f) { return span_field(f, s); })) return false;
  if (!s->trace_id.present()) reject_current("missing trace_id");
  if (!s->span_id.present()) reject_current("missing span_id");
  return true;
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

// Keeps or rejects the span just decoded (the last one of the batch).
void ProtoDecoder::finish_span(SpanBatch* batch) {
  if (reject_reason_.empty()) return;
  report_->reject(std::move(reject_reason_));
  reject_reason_.clear();
  batch->spans.pop_back();
}

Result<SpanBatch> decode_spans_proto(std::string_view bytes, const DecodeOptions& options,
                                     DecodeReport* report) {
  DecodeReport ignored;
  ProtoDecoder decoder(options, report != nullptr ? report : &ignored);
  SpanBatch batch;
  if (!decoder.spans_request(bytes, &batch)) return decoder.error();
  return batch;
}

}  // namespace weft::otlp
