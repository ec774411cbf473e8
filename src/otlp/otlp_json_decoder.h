// JsonDecoder: the state of one OTLP/JSON decode (internal to the otlp module).
//
// Works on a simdjson DOM. Field names are matched in lowerCamelCase and in the original
// snake_case; unknown fields and null values are ignored. Scalars follow the OTLP/JSON mapping:
// trace and span ids are hex strings, 64-bit integers are strings or numbers, enums are numbers
// or value names, bytesValue is base64, doubleValue a number or "NaN"/"Infinity"/"-Infinity".
// A value of the wrong JSON type is a structural error (false, with a Status naming the path);
// an id that is not hex of the right length rejects its record, as in the protobuf decoder.
// The envelope of a request is walked by one template over LogsSignal/SpansSignal
// (otlp_json_decode.cc); shared messages are in otlp_json_common.cc, LogRecord in
// otlp_json_decode_logs.cc, Span in otlp_json_decode_spans.cc.
#pragma once

#include <simdjson.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/log_record.h"
#include "model/span.h"
#include "otlp/decode_context.h"
#include "otlp/otlp_decode.h"

namespace weft::otlp {

using JsonElement = simdjson::dom::element;

class JsonDecoder : public DecodeContext {
 public:
  JsonDecoder(const DecodeOptions& options, DecodeReport* report)
      : DecodeContext(options, report) {}

  // Decodes an export request of Signal (LogsSignal, SpansSignal or a type derived from one)
  // into `batch`. Defined and instantiated in otlp_json_decode.cc.
  template <typename Signal>
  bool request(JsonElement root, typename Signal::Batch* batch);

 private:
  // The envelope (otlp_json_decode.cc).
  template <typename Signal>
  bool resource_group(JsonElement e, typename Signal::Batch* batch);
  template <typename Signal>
  bool scope_group(JsonElement e, const ResourcePtr& resource, typename Signal::Batch* batch);

  // Shared messages (otlp_json_common.cc).
  bool any_value(JsonElement e, AnyValue* out, int depth);
  bool any_value_field(std::string_view key, JsonElement e, AnyValue* out, int depth);
  bool array_value(JsonElement e, std::vector<AnyValue>* out, int depth);
  bool kvlist_value(JsonElement e, std::vector<KeyValue>* out, int depth);
  bool key_value(JsonElement e, KeyValue* out, int depth);
  bool attributes(JsonElement e, Attributes* out);
  bool resource(JsonElement e, Resource* out);
  bool scope(JsonElement e, Scope* out);

  // Logs (otlp_json_decode_logs.cc).
  bool decode_item(JsonElement e, LogRecord* rec);
  bool log_record_field(std::string_view key, JsonElement e, LogRecord* rec);

  // Traces (otlp_json_decode_spans.cc).
  bool decode_item(JsonElement e, Span* span);
  bool span_field(std::string_view key, JsonElement e, Span* span);
  bool span_event(JsonElement e, SpanEvent* event);
  bool span_link(JsonElement e, SpanLink* link);
  bool span_status(JsonElement e, Span* span);

  // Scalars (otlp_json_scalars.cc): each checks the JSON type, then stores the value.
  bool get_string(JsonElement e, std::string* out);
  bool get_bool(JsonElement e, bool* out);
  bool get_int64(JsonElement e, int64_t* out);
  bool get_uint64(JsonElement e, uint64_t* out);
  bool get_uint32(JsonElement e, uint32_t* out);
  bool get_time(JsonElement e, int64_t* out);  // a fixed64 of unix nanoseconds
  bool get_double(JsonElement e, double* out);
  bool get_bytes(JsonElement e, std::string* out);  // base64
  // An enum given as a number or as a value name understood by `from_name`.
  bool get_enum(JsonElement e, int32_t* out, std::optional<int32_t> (*from_name)(std::string_view));
  template <size_t N>
  bool get_id(JsonElement e, FixedId<N>* id, const char* name);

  // Calls on_field(key, value) for every non-null member of object `e`, with the key pushed on
  // the path.
  template <typename OnField>
  bool fields(JsonElement e, OnField&& on_field);
  // Calls on_item(element) for every element of array `e`, which is the value of the field
  // named by the innermost path segment; the segment gets the element's index meanwhile.
  template <typename OnItem>
  bool items(JsonElement e, OnItem&& on_item);

  // Records a structural error (a value of the wrong JSON type); always returns false.
  bool wrong_type(JsonElement e, const char* expected);
};

// True when `key` is the lowerCamelCase or the snake_case name of a field.
inline bool key_is(std::string_view key, std::string_view camel, std::string_view snake) {
  return key == camel || key == snake;
}
inline bool key_is(std::string_view key, const FieldName& name) {
  return key_is(key, name.camel, name.snake);
}

// Makes room for the items of array `e` (if it is one) at the end of `v`, growing at least
// geometrically so that many small arrays do not reallocate one at a time.
template <typename T>
void reserve_for_array(std::vector<T>* v, JsonElement e) {
  simdjson::dom::array a;
  if (e.get_array().get(a) != simdjson::SUCCESS) return;
  size_t need = v->size() + a.size();
  if (need > v->capacity()) v->reserve(std::max(need, 2 * v->capacity()));
}

template <typename OnField>
bool JsonDecoder::fields(JsonElement e, OnField&& on_field) {
  simdjson::dom::object object;
  if (e.get_object().get(object) != simdjson::SUCCESS) return wrong_type(e, "an object");
  for (simdjson::dom::key_value_pair member : object) {
    if (member.value.is_null()) continue;
    PathScope ps(path_, member.key);
    if (!on_field(member.key, member.value)) return false;
  }
  return true;
}

template <typename OnItem>
bool JsonDecoder::items(JsonElement e, OnItem&& on_item) {
  simdjson::dom::array array;
  if (e.get_array().get(array) != simdjson::SUCCESS) return wrong_type(e, "an array");
  size_t i = 0;
  for (JsonElement item : array) {
    path_.set_index(i++);
    if (!on_item(item)) return false;
  }
  path_.set_index(DecodePath::kNoIndex);
  return true;
}

template <size_t N>
bool JsonDecoder::get_id(JsonElement e, FixedId<N>* id, const char* name) {
  std::string_view hex;
  if (e.get_string().get(hex) != simdjson::SUCCESS) return wrong_type(e, "a hex string");
  if (!set_id_hex(*id, hex))
    reject_current(std::string(name) + " must be " + std::to_string(2 * N) +
                   " hex digits, got \"" + std::string(hex.substr(0, 64)) + "\"");
  return true;
}

}  // namespace weft::otlp
