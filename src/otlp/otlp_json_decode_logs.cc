// OTLP/JSON decoding of a LogRecord (the envelope around it is in otlp_json_decode.cc).
#include "otlp/otlp_enum_names.h"
#include "otlp/otlp_json_decoder.h"

namespace weft::otlp {

bool JsonDecoder::decode_item(JsonElement e, LogRecord* rec) {
  return fields(e, [&](std::string_view key, JsonElement v) {
    return log_record_field(key, v, rec);
  });
}

bool JsonDecoder::log_record_field(std::string_view key, JsonElement v, LogRecord* rec) {
  if (key_is(key, "timeUnixNano", "time_unix_nano")) return get_time(v, &rec->time_unix_nano);
  if (key_is(key, "observedTimeUnixNano", "observed_time_unix_nano"))
    return get_time(v, &rec->observed_time_unix_nano);
  if (key_is(key, "severityNumber", "severity_number"))
    return get_enum(v, &rec->severity_number, severity_number_from_name);
  if (key_is(key, "severityText", "severity_text")) return get_string(v, &rec->severity_text);
  if (key == "body") return any_value(v, &rec->body, 1);
  if (key == "attributes") return attributes(v, &rec->attributes);
  if (key_is(key, "droppedAttributesCount", "dropped_attributes_count"))
    return get_uint32(v, &rec->dropped_attributes_count);
  if (key == "flags") return get_uint32(v, &rec->flags);
  if (key_is(key, "traceId", "trace_id")) return get_id(v, &rec->trace_id, "trace_id");
  if (key_is(key, "spanId", "span_id")) return get_id(v, &rec->span_id, "span_id");
  if (key_is(key, "eventName", "event_name")) return get_string(v, &rec->event_name);
  return true;
}

}  // namespace weft::otlp
