// libFuzzer target: OTLP/JSON decoding of logs and traces. Every input must decode or fail
// cleanly; a decoded batch must survive a protobuf encode -> decode with the same count.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace weft;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  otlp::DecodeReport report;
  auto logs = otlp::decode_logs_json(input, {}, &report);
  if (logs.is_ok()) {
    auto back = otlp::decode_logs_proto(otlp::encode_logs_proto(*logs), {}, nullptr);
    if (!back.is_ok() || back->records.size() != logs->records.size()) __builtin_trap();
  }
  auto spans = otlp::decode_spans_json(input, {}, &report);
  if (spans.is_ok()) {
    auto back = otlp::decode_spans_proto(otlp::encode_spans_proto(*spans), {}, nullptr);
    if (!back.is_ok() || back->spans.size() != spans->spans.size()) __builtin_trap();
  }
  return 0;
}
