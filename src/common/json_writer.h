// JsonWriter: builds compact JSON text into a string, for API responses.
//
// Strings are escaped per RFC 8259; bytes that are not valid UTF-8 are replaced by U+FFFD so
// the output is always valid JSON. Not thread-safe; one writer per response.
//
//   JsonWriter w;
//   w.begin_object(); w.key("n"); w.value(3); w.end_object();   // {"n":3}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace weft {

class JsonWriter {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(bool b);
  void value(int64_t i);
  void value(uint64_t u);
  void value(int i) { value(static_cast<int64_t>(i)); }
  void value(uint32_t u) { value(static_cast<uint64_t>(u)); }
  void value(double d);  // NaN and infinities become null
  void null();
  // Inserts already-valid JSON text as one value.
  void raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();

  std::string out_;
  // One entry per open container: true once it holds an element.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

// Appends `s` as a quoted, escaped JSON string to `out`.
void append_json_string(std::string& out, std::string_view s);

}  // namespace weft
