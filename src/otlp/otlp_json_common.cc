// JsonDecoder: the messages shared by logs and traces (AnyValue, KeyValue, Resource,
// InstrumentationScope).
#include "otlp/otlp_json_decoder.h"

namespace weft::otlp {

bool JsonDecoder::any_value(JsonElement e, AnyValue* out, int depth) {
  if (e.is_null()) return true;  // a null array element: an empty value
  if (depth > options_.max_value_depth)
    return fail("values nested deeper than " + std::to_string(options_.max_value_depth));
  return fields(e, [&](std::string_view key, JsonElement v) {
    return any_value_field(key, v, out, depth);
  });
}

bool JsonDecoder::any_value_field(std::string_view key, JsonElement e, AnyValue* out,
                                  int depth) {
  if (key_is(key, "stringValue", "string_value"))
    return get_string(e, &out->v.emplace<std::string>());
  if (key_is(key, "boolValue", "bool_value")) return get_bool(e, &out->v.emplace<bool>());
  if (key_is(key, "intValue", "int_value")) return get_int64(e, &out->v.emplace<int64_t>());
  if (key_is(key, "doubleValue", "double_value"))
    return get_double(e, &out->v.emplace<double>());
  if (key_is(key, "bytesValue", "bytes_value"))
    return get_bytes(e, &out->v.emplace<Bytes>().data);
  if (key_is(key, "arrayValue", "array_value"))
    return array_value(e, &out->v.emplace<std::vector<AnyValue>>(), depth);
  if (key_is(key, "kvlistValue", "kvlist_value"))
    return kvlist_value(e, &out->v.emplace<std::vector<KeyValue>>(), depth);
  return true;
}

bool JsonDecoder::array_value(JsonElement e, std::vector<AnyValue>* out, int depth) {
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key != "values") return true;
    return items(v, [&](JsonElement item) {
      return any_value(item, &out->emplace_back(), depth + 1);
    });
  });
}

bool JsonDecoder::kvlist_value(JsonElement e, std::vector<KeyValue>* out, int depth) {
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key != "values") return true;
    return items(v, [&](JsonElement item) {
      return key_value(item, &out->emplace_back(), depth + 1);
    });
  });
}

bool JsonDecoder::key_value(JsonElement e, KeyValue* out, int depth) {
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key == "key") return get_string(v, &out->key);
    if (key == "value") return any_value(v, &out->value, depth);
    return true;
  });
}

bool JsonDecoder::attributes(JsonElement e, Attributes* out) {
  reserve_for_array(out, e);
  return items(e, [&](JsonElement item) { return key_value(item, &out->emplace_back(), 1); });
}

bool JsonDecoder::resource(JsonElement e, Resource* out) {
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key == "attributes") return attributes(v, &out->attributes);
    if (key_is(key, "droppedAttributesCount", "dropped_attributes_count"))
      return get_uint32(v, &out->dropped_attributes_count);
    return true;
  });
}

bool JsonDecoder::scope(JsonElement e, Scope* out) {
  return fields(e, [&](std::string_view key, JsonElement v) {
    if (key == "name") return get_string(v, &out->name);
    if (key == "version") return get_string(v, &out->version);
    if (key == "attributes") return attributes(v, &out->attributes);
    if (key_is(key, "droppedAttributesCount", "dropped_attributes_count"))
      return get_uint32(v, &out->dropped_attributes_count);
    return true;
  });
}

}  // namespace weft::otlp
