#include "ingest/json/json_any_value.h"

namespace weft::ingest {

namespace {

using simdjson::dom::element_type;

AnyValue array_value(simdjson::dom::array array, int depth) {
  std::vector<AnyValue> out;
  out.reserve(array.size());
  for (JsonValue item : array) out.push_back(json_to_any_value(item, depth - 1));
  return AnyValue(std::move(out));
}

AnyValue object_value(simdjson::dom::object object, int depth) {
  std::vector<KeyValue> out;
  out.reserve(object.size());
  for (simdjson::dom::key_value_pair member : object)
    out.push_back(KeyValue{std::string(member.key), json_to_any_value(member.value, depth - 1)});
  return AnyValue(std::move(out));
}

}  // namespace

AnyValue json_to_any_value(JsonValue value, int depth) {
  switch (value.type()) {
    case element_type::STRING: return AnyValue(std::string(value.get_string().value_unsafe()));
    case element_type::BOOL: return AnyValue(value.get_bool().value_unsafe());
    case element_type::INT64: return AnyValue(value.get_int64().value_unsafe());
    case element_type::UINT64:
      return AnyValue(static_cast<double>(value.get_uint64().value_unsafe()));
    case element_type::DOUBLE: return AnyValue(value.get_double().value_unsafe());
    case element_type::NULL_VALUE: return AnyValue();
    case element_type::ARRAY:
      if (depth <= 0) return AnyValue(simdjson::minify(value));
      return array_value(value.get_array().value_unsafe(), depth);
    case element_type::OBJECT:
      if (depth <= 0) return AnyValue(simdjson::minify(value));
      return object_value(value.get_object().value_unsafe(), depth);
  }
  return AnyValue();
}

}  // namespace weft::ingest
