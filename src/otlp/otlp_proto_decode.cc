// Protobuf decoding of ExportLogsServiceRequest (ResourceLogs, ScopeLogs, LogRecord), and the
// public entry point decode_logs_proto().
#include "otlp/otlp_fields.h"
#include "otlp/otlp_proto_decoder.h"

namespace weft::otlp {

bool ProtoDecoder::logs_request(std::string_view bytes, LogBatch* batch) {
  batch->records.reserve(count_request_items(bytes));
  size_t index = 0;
  return fields(bytes, [&](const WireField& f) {
    if (f.number != field::kExportLogsRequestResourceLogs) return true;
    if (!get_message(f)) return false;
    PathScope ps(path_, "resource_logs", index++);
    return resource_logs(f.bytes, batch);
  });
}

// The Resource is created first and filled whenever its field comes (it may follow the
// scopes on the wire): all records of this ResourceLogs point at the same object.
bool ProtoDecoder::resource_logs(std::string_view bytes, LogBatch* batch) {
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
        PathScope ps(path_, "scope_logs", index++);
        return scope_logs(f.bytes, shared, batch);
      }
      case field::kResourceGroupSchemaUrl: return get_string(f, &owned->schema_url);
      default: return true;
    }
  });
}

bool ProtoDecoder::scope_logs(std::string_view bytes, const ResourcePtr& resource,
                              LogBatch* batch) {
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
        PathScope ps(path_, "log_records", index++);
        LogRecord& rec = batch->records.emplace_back();
        rec.resource = resource;
        rec.scope = shared;
        if (!log_record(f.bytes, &rec)) return false;
        finish_log_record(batch);
        return true;
      }
      case field::kScopeGroupSchemaUrl: return get_string(f, &owned->schema_url);
      default: return true;
    }
  });
}

bool ProtoDecoder::log_record(std::string_view bytes, LogRecord* rec) {
  reject_reason_.clear();
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

// Keeps or rejects the record just decoded (the last one of the batch).
void ProtoDecoder::finish_log_record(LogBatch* batch) {
  if (!reject_reason_.empty()) {
    report_->reject(std::move(reject_reason_));
    reject_reason_.clear();
    batch->records.pop_back();
    return;
  }
  LogRecord& rec = batch->records.back();
  if (rec.observed_time_unix_nano == 0) rec.observed_time_unix_nano = options_.observed_now;
}

Result<LogBatch> decode_logs_proto(std::string_view bytes, const DecodeOptions& options,
                                   DecodeReport* report) {
  DecodeReport ignored;
  ProtoDecoder decoder(options, report != nullptr ? report : &ignored);
  LogBatch batch;
  if (!decoder.logs_request(bytes, &batch)) return decoder.error();
  return batch;
}

}  // namespace weft::otlp
