// Protobuf decoding of an OTLP LogRecord (the envelope around it is in otlp_proto_decode.cc).
#include "otlp/otlp_fields.h"
#include "otlp/otlp_proto_decoder.h"

namespace weft::otlp {

bool ProtoDecoder::decode_item(std::string_view bytes, LogRecord* rec) {
  rec->attributes.reserve(count_len_fields(bytes, field::kLogAttributes));
  return fields(bytes, [&](const WireField& f) { return log_record_field(f, rec); });
}

bool ProtoDecoder::log_record_field(const WireField& f, LogRecord* rec) {
  switch (f.number) {
    case field::kLogTimeUnixNano: return get_fixed64(f, &rec->time_unix_nano);
    case field::kLogObservedTimeUnixNano: return get_fixed64(f, &rec->observed_time_unix_nano);
    case field::kLogSeverityNumber: return get_int32(f, &rec->severity_number);
    case field::kLogSeverityText: return get_string(f, &rec->severity_text);
    case field::kLogBody: {
      if (!get_message(f)) return false;
      PathScope ps(path_, "body");
      return any_value(f.bytes, &rec->body, 1);
    }
    case field::kLogAttributes: return attribute(f, &rec->attributes);
    case field::kLogDroppedAttributesCount: return get_uint32(f, &rec->dropped_attributes_count);
    case field::kLogFlags: return get_fixed32(f, &rec->flags);
    case field::kLogTraceId: return get_id(f, &rec->trace_id, "trace_id");
    case field::kLogSpanId: return get_id(f, &rec->span_id, "span_id");
    case field::kLogEventName: return get_string(f, &rec->event_name);
    default: return true;
  }
}

}  // namespace weft::otlp
