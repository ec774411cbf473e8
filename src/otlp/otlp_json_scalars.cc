// JsonDecoder: scalar values under the OTLP/JSON mapping, and wrong-type errors.
#include <charconv>
#include <cmath>
#include <limits>

#include "common/base64.h"
#include "otlp/otlp_json_decoder.h"

namespace weft::otlp {

namespace {

using simdjson::dom::element_type;

const char* json_type_name(element_type t) {
  switch (t) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64: return "an integer";
    case element_type::DOUBLE: return "a number";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "a boolean";
    case element_type::NULL_VALUE: return "null";
  }
  return "a value";
}

// Parses the whole of `text` as a number of type T; false on anything else.
template <typename T>
bool parse_whole(std::string_view text, T* out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end && !text.empty();
}

// An integral double in [lo, hi], as T.
template <typename T>
bool integral_double(double d, T* out) {
  constexpr double lo = static_cast<double>(std::numeric_limits<T>::min());
  constexpr double hi = static_cast<double>(std::numeric_limits<T>::max());  // rounds up
  if (!(d >= lo && d < hi) || std::trunc(d) != d) return false;
  *out = static_cast<T>(d);
  return true;
}

}  // namespace

bool JsonDecoder::wrong_type(JsonElement e, const char* expected) {
  return fail(std::string("expected ") + expected + ", got " + json_type_name(e.type()));
}

bool JsonDecoder::get_string(JsonElement e, std::string* out) {
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) return wrong_type(e, "a string");
  out->assign(s);
  return true;
}

bool JsonDecoder::get_bool(JsonElement e, bool* out) {
  if (e.get_bool().get(*out) != simdjson::SUCCESS) return wrong_type(e, "a boolean");
  return true;
}

bool JsonDecoder::get_int64(JsonElement e, int64_t* out) {
  switch (e.type()) {
    case element_type::INT64: *out = e.get_int64().value_unsafe(); return true;
    case element_type::STRING:
      if (parse_whole(e.get_string().value_unsafe(), out)) return true;
      return fail("expected a decimal int64 string");
    case element_type::UINT64: return fail("integer out of the int64 range");
    case element_type::DOUBLE:
      if (integral_double(e.get_double().value_unsafe(), out)) return true;
      return fail("expected an integer, got a fraction or an out-of-range number");
    default: return wrong_type(e, "an integer or a decimal string");
  }
}

bool JsonDecoder::get_uint64(JsonElement e, uint64_t* out) {
  switch (e.type()) {
    case element_type::UINT64: *out = e.get_uint64().value_unsafe(); return true;
    case element_type::INT64: {
      int64_t v = e.get_int64().value_unsafe();
      if (v < 0) return fail("expected an unsigned integer, got a negative one");
      *out = static_cast<uint64_t>(v);
      return true;
    }
    case element_type::STRING:
      if (parse_whole(e.get_string().value_unsafe(), out)) return true;
      return fail("expected a decimal uint64 string");
    case element_type::DOUBLE:
      if (integral_double(e.get_double().value_unsafe(), out)) return true;
      return fail("expected an integer, got a fraction or an out-of-range number");
    default: return wrong_type(e, "an integer or a decimal string");
  }
}

bool JsonDecoder::get_uint32(JsonElement e, uint32_t* out) {
  uint64_t v;
  if (!get_uint64(e, &v)) return false;
  if (v > std::numeric_limits<uint32_t>::max()) return fail("integer out of the uint32 range");
  *out = static_cast<uint32_t>(v);
  return true;
}

bool JsonDecoder::get_time(JsonElement e, int64_t* out) {
  uint64_t v;
  if (!get_uint64(e, &v)) return false;
  *out = static_cast<int64_t>(v);  // fixed64 on the wire: same bits as the protobuf decoder
  return true;
}

bool JsonDecoder::get_double(JsonElement e, double* out) {
  switch (e.type()) {
    case element_type::DOUBLE: *out = e.get_double().value_unsafe(); return true;
    case element_type::INT64: *out = static_cast<double>(e.get_int64().value_unsafe()); return true;
    case element_type::UINT64:
      *out = static_cast<double>(e.get_uint64().value_unsafe());
      return true;
    case element_type::STRING: {
      std::string_view s = e.get_string().value_unsafe();
      if (s == "NaN") *out = std::numeric_limits<double>::quiet_NaN();
      else if (s == "Infinity") *out = std::numeric_limits<double>::infinity();
      else if (s == "-Infinity") *out = -std::numeric_limits<double>::infinity();
      else if (!parse_whole(s, out)) return fail("expected a number, \"NaN\" or \"Infinity\"");
      return true;
    }
    default: return wrong_type(e, "a number");
  }
}

bool JsonDecoder::get_bytes(JsonElement e, std::string* out) {
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) return wrong_type(e, "a base64 string");
  auto raw = base64_decode(s);
  if (!raw) return fail("invalid base64");
  *out = std::move(*raw);
  return true;
}

bool JsonDecoder::get_enum(JsonElement e, int32_t* out,
                           std::optional<int32_t> (*from_name)(std::string_view)) {
  if (e.type() == element_type::STRING) {
    std::string_view s = e.get_string().value_unsafe();
    if (auto v = from_name(s)) {
      *out = *v;
      return true;
    }
    if (parse_whole(s, out)) return true;
    return fail("unknown enum value \"" + std::string(s.substr(0, 64)) + "\"");
  }
  int64_t v;
  if (!get_int64(e, &v)) return false;
  if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())
    return fail("enum value out of the int32 range");
  *out = static_cast<int32_t>(v);
  return true;
}

}  // namespace weft::otlp
