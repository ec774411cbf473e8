// OTLP/JSON decoding of the envelope of an export request, shared by logs and traces
// (resourceLogs > scopeLogs > logRecords, and the same for spans), and the public entry points
// decode_logs_json() and decode_spans_json().
#include "otlp/otlp_json_decoder.h"

namespace weft::otlp {

template <typename Signal>
bool JsonDecoder::request(JsonElement root, typename Signal::Batch* batch) {
  return fields(root, [&](std::string_view key, JsonElement v) {
    if (!key_is(key, Signal::kResourceGroups)) return true;
    return items(v, [&](JsonElement item) { return resource_group<Signal>(item, batch); });
  });
}

// One Resource object for every item of this resource group.
template <typename Signal>
bool JsonDecoder::resource_group(JsonElement e, typename Signal::Batch* batch) {
  auto owned = std::make_shared<Resource>();
  const ResourcePtr shared = owned;
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key == "resource") return resource(v, owned.get());
    if (key_is(key, "schemaUrl", "schema_url")) return get_string(v, &owned->schema_url);
    if (key_is(key, Signal::kScopeGroups))
      return items(v, [&](JsonElement item) { return scope_group<Signal>(item, shared, batch); });
    return true;
  });
}

// One Scope object for every item of this scope group.
template <typename Signal>
bool JsonDecoder::scope_group(JsonElement e, const ResourcePtr& resource,
                              typename Signal::Batch* batch) {
  auto owned = std::make_shared<Scope>();
  const ScopePtr shared = owned;
  auto& out = Signal::items(*batch);
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key == "scope") return scope(v, owned.get());
    if (key_is(key, "schemaUrl", "schema_url")) return get_string(v, &owned->schema_url);
    if (!key_is(key, Signal::kItems)) return true;
    reserve_for_array(&out, v);
    return items(v, [&](JsonElement element) {
      auto& item = out.emplace_back();
      item.resource = resource;
      item.scope = shared;
      begin_item();
      if (!decode_item(element, &item)) return false;
      finish_item(&out);
      return true;
    });
  });
}

namespace {

// The signals as types local to this file, so that the envelope templates get internal linkage
// and GCC inlines their lambdas (see otlp_proto_decode.cc).
struct Logs : LogsSignal {};
struct Spans : SpansSignal {};

// Bodies above this size are parsed with a parser of their own, so that one huge request does
// not leave a thread holding its buffers for good.
constexpr size_t kReusedParserMaxBytes = 16 << 20;

// Parses `json` and decodes it as a request of Signal.
template <typename Signal>
Result<typename Signal::Batch> decode_json(std::string_view json, const DecodeOptions& options,
                                           DecodeReport* report) {
  thread_local simdjson::dom::parser reused;
  simdjson::dom::parser own;
  simdjson::dom::parser& parser = json.size() <= kReusedParserMaxBytes ? reused : own;
  JsonElement root;
  auto err = parser.parse(json.data(), json.size()).get(root);
  if (err != simdjson::SUCCESS)
    return Status::invalid(std::string("malformed JSON: ") + simdjson::error_message(err));
  return decode_request<JsonDecoder, Signal>(root, options, report);
}

}  // namespace

Result<LogBatch> decode_logs_json(std::string_view json, const DecodeOptions& options,
                                  DecodeReport* report) {
  return decode_json<Logs>(json, options, report);
}

Result<SpanBatch> decode_spans_json(std::string_view json, const DecodeOptions& options,
                                    DecodeReport* report) {
  return decode_json<Spans>(json, options, report);
}

}  // namespace weft::otlp
