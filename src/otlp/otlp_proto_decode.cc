// Protobuf decoding of the envelope of an export request, shared by logs and traces
// (ExportLogsServiceRequest > ResourceLogs > ScopeLogs > LogRecord, and the same for spans),
// and the public entry points decode_logs_proto() and decode_spans_proto().
#include "otlp/otlp_fields.h"
#include "otlp/otlp_proto_decoder.h"

namespace weft::otlp {

static_assert(field::kExportLogsRequestResourceLogs == field::kExportTraceRequestResourceSpans);

template <typename Signal>
bool ProtoDecoder::request(std::string_view bytes, typename Signal::Batch* batch) {
  Signal::items(*batch).reserve(count_request_items(bytes));
  size_t index = 0;
  return fields(bytes, [&](const WireField& f) {
    if (f.number != field::kExportLogsRequestResourceLogs) return true;
    if (!get_message(f)) return false;
    PathScope ps(path_, Signal::kResourceGroups.snake, index++);
    return resource_group<Signal>(f.bytes, batch);
  });
}

// The Resource is created first and filled whenever its field comes (it may follow the
// scopes on the wire): all items of this resource group point at the same object.
template <typename Signal>
bool ProtoDecoder::resource_group(std::string_view bytes, typename Signal::Batch* batch) {
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
        PathScope ps(path_, Signal::kScopeGroups.snake, index++);
        return scope_group<Signal>(f.bytes, shared, batch);
      }
      case field::kResourceGroupSchemaUrl: return get_string(f, &owned->schema_url);
      default: return true;
    }
  });
}

// As resource_group(): one Scope object for every item of this scope group.
template <typename Signal>
bool ProtoDecoder::scope_group(std::string_view bytes, const ResourcePtr& resource,
                               typename Signal::Batch* batch) {
  auto owned = std::make_shared<Scope>();
  const ScopePtr shared = owned;
  auto& items = Signal::items(*batch);
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
        PathScope ps(path_, Signal::kItems.snake, index++);
        auto& item = items.emplace_back();
        item.resource = resource;
        item.scope = shared;
        begin_item();
        if (!decode_item(f.bytes, &item)) return false;
        finish_item(&items);
        return true;
      }
      case field::kScopeGroupSchemaUrl: return get_string(f, &owned->schema_url);
      default: return true;
    }
  });
}

namespace {

// The signals as types local to this file: the envelope templates instantiated with them have
// internal linkage, which lets GCC inline their lambdas (and emplace_back) into one loop, as it
// did in the per-signal functions they replace (about 50 more instructions a record otherwise).
struct Logs : LogsSignal {};
struct Spans : SpansSignal {};

}  // namespace

Result<LogBatch> decode_logs_proto(std::string_view bytes, const DecodeOptions& options,
                                   DecodeReport* report) {
  return decode_request<ProtoDecoder, Logs>(bytes, options, report);
}

Result<SpanBatch> decode_spans_proto(std::string_view bytes, const DecodeOptions& options,
                                     DecodeReport* report) {
  return decode_request<ProtoDecoder, Spans>(bytes, options, report);
}

}  // namespace weft::otlp
