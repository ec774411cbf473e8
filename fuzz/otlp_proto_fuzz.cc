// libFuzzer target: OTLP protobuf decoding of logs and traces. Every input must decode or fail
// cleanly; a decoded batch must survive encode -> decode with the same record count, and
// encoding it again must give the same bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"

namespace {

using namespace weft;

template <typename Batch, typename Decode, typename Encode, typename Count>
void check_round_trip(std::string_view input, Decode decode, Encode encode, Count count) {
  otlp::DecodeOptions options;
  options.observed_now = 1;
  otlp::DecodeReport report;
  Result<Batch> first = decode(input, options, &report);
  if (!first.is_ok()) return;
  std::string wire = encode(*first);
  otlp::DecodeReport again_report;
  Result<Batch> again = decode(wire, options, &again_report);
  if (!again.is_ok() || again_report.rejected != 0 || count(*again) != count(*first))
    __builtin_trap();
  if (encode(*again) != wire) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  check_round_trip<LogBatch>(input, otlp::decode_logs_proto, otlp::encode_logs_proto,
                             [](const LogBatch& b) { return b.records.size(); });
  check_round_trip<SpanBatch>(input, otlp::decode_spans_proto, otlp::encode_spans_proto,
                              [](const SpanBatch& b) { return b.spans.size(); });
  return 0;
}
