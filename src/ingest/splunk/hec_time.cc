#include "ingest/splunk/hec_time.h"

#include <cmath>

namespace weft::ingest::splunk {

namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;
constexpr int64_t kMaxSeconds = 9'000'000'000;  // year 2255: nanoseconds stay within int64

Status bad_time(std::string_view text) {
  return Status::invalid("time must be epoch seconds, got \"" + std::string(text.substr(0, 64)) +
                         "\"");
}

Result<UnixNanos> from_seconds_double(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0 || seconds > static_cast<double>(kMaxSeconds))
    return Status::invalid("time out of range");
  return static_cast<UnixNanos>(std::llround(seconds * 1e6)) * 1000;
}

}  // namespace

Result<UnixNanos> parse_hec_time_text(std::string_view text) {
  size_t i = 0;
  int64_t seconds = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    seconds = seconds * 10 + (text[i] - '0');
    if (seconds > kMaxSeconds) return Status::invalid("time out of range");
  }
  if (i == 0) return bad_time(text);
  int64_t nanos = 0;
  if (i < text.size() && text[i] == '.') {
    size_t start = ++i;
    int64_t scale = kNanosPerSecond;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
      if (scale > 1) scale /= 10, nanos += (text[i] - '0') * scale;
    if (i == start) return bad_time(text);
  }
  if (i != text.size()) return bad_time(text);
  return seconds * kNanosPerSecond + nanos;
}

Result<UnixNanos> parse_hec_time(JsonValue value) {
  using simdjson::dom::element_type;
  switch (value.type()) {
    case element_type::STRING: return parse_hec_time_text(value.get_string().value_unsafe());
    case element_type::INT64: {
      int64_t seconds = value.get_int64().value_unsafe();
      if (seconds < 0 || seconds > kMaxSeconds) return Status::invalid("time out of range");
      return seconds * kNanosPerSecond;
    }
    case element_type::UINT64: return Status::invalid("time out of range");
    case element_type::DOUBLE: return from_seconds_double(value.get_double().value_unsafe());
    default: return Status::invalid("time must be a number or a string of epoch seconds");
  }
}

}  // namespace weft::ingest::splunk
