#include "loadgen/splunk_hec_encoder.h"

#include <cstdio>

#include "common/json_writer.h"
#include "loadgen/record_fields.h"

namespace weft::loadgen {

namespace {

// "1795341845.123456": seconds with microseconds.
std::string epoch_seconds(UnixNanos t) {
  char buf[32];
  long long micros = static_cast<long long>(t / 1000);
  std::snprintf(buf, sizeof buf, "%lld.%06lld", micros / 1'000'000, micros % 1'000'000);
  return buf;
}

void append_member(std::string& out, std::string_view key, std::string_view value) {
  out += ',';
  append_json_string(out, key);
  out += ':';
  append_json_string(out, value);
}

void append_event(std::string& out, const LogRecord& r) {
  out += "{\"time\":";
  append_json_string(out, epoch_seconds(r.effective_time()));
  std::string_view host = resource_string(r, "host.name");
  if (!host.empty()) append_member(out, "host", host);
  std::string_view service = resource_string(r, "service.name");
  append_member(out, "source", service.empty() ? kUnknownService : service);
  append_member(out, "sourcetype", "_json");
  out += ",\"event\":{\"message\":";
  append_json_string(out, body_text(r));
  append_member(out, "severity", level_name(r));
  if (r.trace_id.present()) append_member(out, "trace_id", r.trace_id.hex());
  if (r.span_id.present()) append_member(out, "span_id", r.span_id.hex());
  out += "}}\n";
}

}  // namespace

std::string encode_splunk_hec(const LogBatch& batch) {
  std::string out;
  out.reserve(batch.records.size() * 420);
  for (const LogRecord& r : batch.records) append_event(out, r);
  return out;
}

}  // namespace weft::loadgen
