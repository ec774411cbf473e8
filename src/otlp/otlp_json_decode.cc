// OTLP/JSON decoding of ExportLogsServiceRequest (resourceLogs, scopeLogs, logRecords), and
// the public entry points decode_logs_json() and decode_spans_json().
#include "otlp/otlp_enum_names.h"
#include "otlp/otlp_json_decoder.h"

namespace weft::otlp {

namespace {

// Bodies above this size are parsed with a parser of their own, so that one huge request does
// not leave a thread holding its buffers for good.
constexpr size_t kReusedParserMaxBytes = 16 << 20;

// Parses `json` and runs `decode(decoder, root, batch)`.
template <typename Batch, typename Decode>
Result<Batch> decode_json(std::string_view json, const DecodeOptions& options,
                          DecodeReport* report, Decode&& decode) {
  thread_local simdjson::dom::parser reused;
  simdjson::dom::parser own;
  simdjson::dom::parser& parser = json.size() <= kReusedParserMaxBytes ? reused : own;
  JsonElement root;
  auto err = parser.parse(json.data(), json.size()).get(root);
  if (err != simdjson::SUCCESS)
    return Status::invalid(std::string("malformed JSON: ") + simdjson::error_message(err));
  DecodeReport ignored;
  JsonDecoder decoder(options, report != nullptr ? report : &ignored);
  Batch batch;
  if (!decode(decoder, root, &batch)) return decoder.error();
  return batch;
}

}  // namespace

bool JsonDecoder::logs_request(JsonElement root, LogBatch* batch) {
  return fields(root, [&](std::string_view key, JsonElement v) {
    if (!key_is(key, "resourceLogs", "resource_logs")) return true;
    return items(v, [&](JsonElement item) { return resource_logs(item, batch); });
  });
}

bool JsonDecoder::resource_logs(JsonElement e, LogBatch* batch) {
  auto owned = std::make_shared<Resource>();
  const ResourcePtr shared = owned;
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key == "resource") return resource(v, owned.get());
    if (key_is(key, "schemaUrl", "schema_url")) return get_string(v, &owned->schema_url);
    if (key_is(key, "scopeLogs", "scope_logs"))
      return items(v, [&](JsonElement item) { return scope_logs(item, shared, batch); });
    return true;
  });
}

bool JsonDecoder::scope_logs(JsonElement e, const ResourcePtr& resource, LogBatch* batch) {
  auto owned = std::make_shared<Scope>();
  const ScopePtr shared = owned;
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key == "scope") return scope(v, owned.get());
    if (key_is(key, "schemaUrl", "schema_url")) return get_string(v, &owned->schema_url);
    if (!key_is(key, "logRecords", "log_records")) return true;
    reserve_for_array(&batch->records, v);
    return items(v, [&](JsonElement item) {
      LogRecord& rec = batch->records.emplace_back();
      rec.resource = resource;
      rec.scope = shared;
      if (!log_record(item, &rec)) return false;
      finish_log_record(batch);
      return true;
    });
  });
}

bool JsonDecoder::log_record(JsonElement e, LogRecord* rec) {
  reject_reason_.clear();
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

// Keeps or rejects the record just decoded (the last one of the batch).
void JsonDecoder::finish_log_record(LogBatch* batch) {
  if (!reject_reason_.empty()) {
    report_->reject(std::move(reject_reason_));
    reject_reason_.clear();
    batch->records.pop_back();
    return;
  }
  LogRecord& rec = batch->records.back();
  if (rec.observed_time_unix_nano == 0) rec.observed_time_unix_nano = options_.observed_now;
}

Result<LogBatch> decode_logs_json(std::string_view json, const DecodeOptions& options,
                                  DecodeReport* report) {
  return decode_json<LogBatch>(json, options, report,
                               [](JsonDecoder& d, JsonElement root, LogBatch* batch) {
                                 return d.logs_request(root, batch);
                               });
}

Result<SpanBatch> decode_spans_json(std::string_view json, const DecodeOptions& options,
                                    DecodeReport* report) {
  return decode_json<SpanBatch>(json, options, report,
                                [](JsonDecoder& d, JsonElement root, SpanBatch* batch) {
                                  return d.spans_request(root, batch);
                                });
}

}  // namespace weft::otlp
