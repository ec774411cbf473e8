#include "model/any_value.h"

#include "common/base64.h"
#include "common/json_writer.h"

namespace weft {

namespace {

void write_any_value(JsonWriter& w, const AnyValue& value);

void write_kvlist(JsonWriter& w, const std::vector<KeyValue>& kvs) {
  w.begin_object();
  for (const auto& kv : kvs) {
    w.key(kv.key);
    write_any_value(w, kv.value);
  }
  w.end_object();
}

void write_any_value(JsonWriter& w, const AnyValue& value) {
  switch (value.kind()) {
    case AnyValue::Kind::kEmpty: w.null(); break;
    case AnyValue::Kind::kString: w.value(std::get<std::string>(value.v)); break;
    case AnyValue::Kind::kBool: w.value(std::get<bool>(value.v)); break;
    case AnyValue::Kind::kInt: w.value(std::get<int64_t>(value.v)); break;
    case AnyValue::Kind::kDouble: w.value(std::get<double>(value.v)); break;
    case AnyValue::Kind::kBytes: w.value(base64_encode(std::get<Bytes>(value.v).data)); break;
    case AnyValue::Kind::kArray:
      w.begin_array();
      for (const auto& e : std::get<std::vector<AnyValue>>(value.v)) write_any_value(w, e);
      w.end_array();
      break;
    case AnyValue::Kind::kKvList: write_kvlist(w, std::get<std::vector<KeyValue>>(value.v)); break;
  }
}

}  // namespace

const AnyValue* find_attribute(const Attributes& attrs, std::string_view key) {
  for (const auto& kv : attrs)
    if (kv.key == key) return &kv.value;
  return nullptr;
}

void write_any_value_json(JsonWriter& w, const AnyValue& value) { write_any_value(w, value); }

void write_attributes_json(JsonWriter& w, const Attributes& attrs) { write_kvlist(w, attrs); }

std::string any_value_to_text(const AnyValue& value) {
  switch (value.kind()) {
    case AnyValue::Kind::kEmpty: return "";
    case AnyValue::Kind::kString: return std::get<std::string>(value.v);
    case AnyValue::Kind::kBool: return std::get<bool>(value.v) ? "true" : "false";
    case AnyValue::Kind::kInt: return std::to_string(std::get<int64_t>(value.v));
    default: break;
  }
  JsonWriter w;
  write_any_value(w, value);
  std::string text = w.take();
  // Scalars come back as JSON; strip the quotes of base64 bytes.
  if (value.kind() == AnyValue::Kind::kBytes) return text.substr(1, text.size() - 2);
  return text;
}

size_t any_value_heap_bytes(const AnyValue& value) {
  switch (value.kind()) {
    case AnyValue::Kind::kString: return std::get<std::string>(value.v).capacity();
    case AnyValue::Kind::kBytes: return std::get<Bytes>(value.v).data.capacity();
    case AnyValue::Kind::kArray: {
      const auto& a = std::get<std::vector<AnyValue>>(value.v);
      size_t n = a.capacity() * sizeof(AnyValue);
      for (const auto& e : a) n += any_value_heap_bytes(e);
      return n;
    }
    case AnyValue::Kind::kKvList: return attributes_heap_bytes(std::get<std::vector<KeyValue>>(value.v));
    default: return 0;
  }
}

size_t attributes_heap_bytes(const Attributes& attrs) {
  size_t n = attrs.capacity() * sizeof(KeyValue);
  for (const auto& kv : attrs) n += kv.key.capacity() + any_value_heap_bytes(kv.value);
  return n;
}

}  // namespace weft
