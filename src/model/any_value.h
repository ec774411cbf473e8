// AnyValue and KeyValue: the OpenTelemetry attribute value model.
//
// An AnyValue is empty, a string, bool, int64, double, byte string, an array of AnyValue or a
// list of key/value pairs (kvlist), nested to any depth. Attributes are ordered lists of
// KeyValue, kept as the sender sent them (duplicates included).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace weft {

struct AnyValue;
struct KeyValue;

using Attributes = std::vector<KeyValue>;

// A byte string value (OTLP bytesValue), kept apart from text strings.
struct Bytes {
  std::string data;
  bool operator==(const Bytes&) const = default;
};

struct AnyValue {
  enum class Kind : uint8_t { kEmpty, kString, kBool, kInt, kDouble, kBytes, kArray, kKvList };

  // Alternatives are in the order of Kind.
  std::variant<std::monostate, std::string, bool, int64_t, double, Bytes, std::vector<AnyValue>,
               std::vector<KeyValue>>
      v;

  // Defined after KeyValue below: the variant needs KeyValue complete (clang insists).
  AnyValue();
  AnyValue(std::string s);               // NOLINT: implicit by design
  AnyValue(const char* s);               // NOLINT
  AnyValue(bool b);                      // NOLINT
  AnyValue(int64_t i);                   // NOLINT
  AnyValue(int i);                       // NOLINT
  AnyValue(double d);                    // NOLINT
  AnyValue(Bytes b);                     // NOLINT
  AnyValue(std::vector<AnyValue> a);     // NOLINT
  AnyValue(std::vector<KeyValue> kv);    // NOLINT

  Kind kind() const { return static_cast<Kind>(v.index()); }
  bool empty() const { return kind() == Kind::kEmpty; }
  const std::string* as_string() const { return std::get_if<std::string>(&v); }

  bool operator==(const AnyValue& o) const;
};

struct KeyValue {
  std::string key;
  AnyValue value;
  bool operator==(const KeyValue&) const = default;
};

inline AnyValue::AnyValue() = default;
inline AnyValue::AnyValue(std::string s) : v(std::move(s)) {}
inline AnyValue::AnyValue(const char* s) : v(std::string(s)) {}
inline AnyValue::AnyValue(bool b) : v(b) {}
inline AnyValue::AnyValue(int64_t i) : v(i) {}
inline AnyValue::AnyValue(int i) : v(static_cast<int64_t>(i)) {}
inline AnyValue::AnyValue(double d) : v(d) {}
inline AnyValue::AnyValue(Bytes b) : v(std::move(b)) {}
inline AnyValue::AnyValue(std::vector<AnyValue> a) : v(std::move(a)) {}
inline AnyValue::AnyValue(std::vector<KeyValue> kv) : v(std::move(kv)) {}

inline bool AnyValue::operator==(const AnyValue& o) const { return v == o.v; }

// The first attribute named `key`, or nullptr.
const AnyValue* find_attribute(const Attributes& attrs, std::string_view key);

// Text of a value for display and substring matching: strings as they are, numbers and bools
// in their usual text form, bytes as base64, arrays and kvlists as compact JSON.
std::string any_value_to_text(const AnyValue& value);

class JsonWriter;

// Writes a value as natural JSON: strings, numbers, bools as they are, bytes as base64 strings,
// arrays as arrays, kvlists as objects, empty as null.
void write_any_value_json(JsonWriter& w, const AnyValue& value);
// Writes attributes as one JSON object (a repeated key keeps its first position).
void write_attributes_json(JsonWriter& w, const Attributes& attrs);

// Approximate heap bytes held by a value (for memory accounting).
size_t any_value_heap_bytes(const AnyValue& value);
size_t attributes_heap_bytes(const Attributes& attrs);

}  // namespace weft
