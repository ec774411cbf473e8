#include "model/span.h"

namespace weft {

std::string_view span_kind_name(SpanKind kind) {
  switch (kind) {
    case SpanKind::kUnspecified: return "unspecified";
    case SpanKind::kInternal: return "internal";
    case SpanKind::kServer: return "server";
    case SpanKind::kClient: return "client";
    case SpanKind::kProducer: return "producer";
    case SpanKind::kConsumer: return "consumer";
  }
  return "unspecified";
}

std::string_view span_status_name(SpanStatusCode c) {
  switch (c) {
    case SpanStatusCode::kUnset: return "unset";
    case SpanStatusCode::kOk: return "ok";
    case SpanStatusCode::kError: return "error";
  }
  return "unset";
}

size_t span_heap_bytes(const Span& s) {
  size_t n = sizeof(Span) + s.trace_state.capacity() + s.name.capacity() +
             attributes_heap_bytes(s.attributes) + s.status_message.capacity();
  n += s.events.capacity() * sizeof(SpanEvent);
  for (const auto& e : s.events) n += e.name.capacity() + attributes_heap_bytes(e.attributes);
  n += s.links.capacity() * sizeof(SpanLink);
  for (const auto& l : s.links) n += l.trace_state.capacity() + attributes_heap_bytes(l.attributes);
  return n;
}

}  // namespace weft
