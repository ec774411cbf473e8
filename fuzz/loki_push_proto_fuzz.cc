// libFuzzer target: Loki push protobuf (logproto.PushRequest). The first byte picks the layer:
// even, the bytes are the PushRequest itself; odd, they are a request body (snappy block, then
// the PushRequest) as POST /loki/api/v1/push takes it. Every input must decode or fail
// cleanly, twice the same way, and every accepted record must obey Loki's validation and
// weft's mapping (loki_push_fuzz_checks.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/loki/loki_push_request.h"
#include "ingest/loki/push_decode.h"
#include "loki_push_fuzz_checks.h"

namespace {

using namespace weft;
using namespace weft::ingest::loki;

Result<PushResult> decode(bool as_body, std::string_view input, const PushOptions& options) {
  if (as_body) return decode_push_body(PushEncoding::kProtobuf, input, 1 << 20, options);
  PushBuilder builder(options);
  Status status = decode_push_proto(input, builder);
  if (!status.is_ok()) return status;
  return std::move(builder).finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  bool as_body = (data[0] & 1) != 0;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  const PushOptions options = fuzzing::fuzz_push_options();
  Result<PushResult> first = decode(as_body, input, options);
  Result<PushResult> again = decode(as_body, input, options);
  fuzzing::check(first.is_ok() == again.is_ok());
  if (!first.is_ok()) {
    fuzzing::check(!first.status().message().empty());
    return 0;
  }
  fuzzing::check(first->batch.records.size() == again->batch.records.size());
  fuzzing::check_result(*first, options);
  return 0;
}
