#include "loadgen/stream_encoders.h"

#include "common/json_writer.h"
#include "common/time.h"
#include "loadgen/record_fields.h"

namespace weft::loadgen {

namespace {

constexpr int kLocal0 = 16;

int syslog_severity(std::string_view level) {
  if (level == "fatal") return 2;
  if (level == "error") return 3;
  if (level == "warn") return 4;
  if (level == "debug" || level == "trace") return 7;
  return 6;
}

// RFC 5424 allows at most six fraction digits: "2026-11-22T10:04:05.123456Z".
std::string syslog_timestamp(UnixNanos t) {
  std::string text = format_rfc3339_nanos(t);
  text.erase(text.size() - 4, 3);
  return text;
}

std::string_view or_nil(std::string_view text) { return text.empty() ? "-" : text; }

std::string syslog_message(const LogRecord& r) {
  std::string m = "<" + std::to_string(kLocal0 * 8 + syslog_severity(level_name(r))) + ">1 ";
  m += syslog_timestamp(r.effective_time());
  m.append(" ").append(or_nil(resource_string(r, "host.name")));
  m.append(" ").append(or_nil(resource_string(r, "service.name")));
  m += " - - ";
  if (r.trace_id.present())
    m += "[trace@32473 trace_id=\"" + r.trace_id.hex() + "\" span_id=\"" + r.span_id.hex() + "\"]";
  else
    m += "-";
  m += " ";
  m += body_text(r);
  return m;
}

void write_string_field(JsonWriter& w, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  w.key(key);
  w.value(value);
}

}  // namespace

std::string encode_syslog_frames(const LogBatch& batch) {
  std::string out;
  out.reserve(batch.records.size() * 400);
  for (const LogRecord& r : batch.records) {
    std::string message = syslog_message(r);
    out += std::to_string(message.size());
    out += ' ';
    out += message;
  }
  return out;
}

std::string encode_json_lines(const LogBatch& batch) {
  std::string out;
  out.reserve(batch.records.size() * 450);
  for (const LogRecord& r : batch.records) {
    JsonWriter w;
    w.begin_object();
    w.key("time");
    w.value(format_rfc3339_nanos(r.effective_time()));
    w.key("level");
    w.value(level_name(r));
    w.key("msg");
    w.value(body_text(r));
    write_string_field(w, "service", resource_string(r, "service.name"));
    write_string_field(w, "hostname", resource_string(r, "host.name"));
    if (r.trace_id.present()) write_string_field(w, "trace_id", r.trace_id.hex());
    if (r.span_id.present()) write_string_field(w, "span_id", r.span_id.hex());
    for (const KeyValue& kv : r.attributes) {
      w.key(kv.key);
      write_any_value_json(w, kv.value);
    }
    w.end_object();
    out += w.str();
    out += '\n';
  }
  return out;
}

}  // namespace weft::loadgen
