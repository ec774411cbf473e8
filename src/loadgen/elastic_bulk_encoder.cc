#include "loadgen/elastic_bulk_encoder.h"

#include "common/json_writer.h"
#include "common/time.h"
#include "loadgen/record_fields.h"

namespace weft::loadgen {

namespace {

void append_field(std::string& out, std::string_view key, std::string_view value) {
  out += ',';
  append_json_string(out, key);
  out += ':';
  append_json_string(out, value);
}

void append_document(std::string& out, const LogRecord& r) {
  out += "{\"@timestamp\":";
  append_json_string(out, format_rfc3339_nanos(r.effective_time()));
  append_field(out, "message", body_text(r));
  append_field(out, "log.level", level_name(r));
  std::string_view service = resource_string(r, "service.name");
  append_field(out, "service.name", service.empty() ? kUnknownService : service);
  if (r.trace_id.present()) append_field(out, "trace.id", r.trace_id.hex());
  if (r.span_id.present()) append_field(out, "span.id", r.span_id.hex());
  std::string_view host = resource_string(r, "host.name");
  if (!host.empty()) append_field(out, "host.name", host);
  out += "}\n";
}

}  // namespace

std::string encode_elastic_bulk(const LogBatch& batch, std::string_view index) {
  std::string action = "{\"create\":{\"_index\":";
  append_json_string(action, index);
  action += "}}\n";
  std::string out;
  out.reserve(batch.records.size() * (action.size() + 400));
  for (const LogRecord& r : batch.records) {
    out += action;
    append_document(out, r);
  }
  return out;
}

}  // namespace weft::loadgen
