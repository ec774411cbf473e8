// libFuzzer target: Loki push JSON ({"streams":[{"stream":{...},"values":[[ts,line,{...}]]}]}).
// Every input must decode or fail cleanly, twice the same way, and every accepted record must
// obey Loki's validation and weft's mapping (loki_push_fuzz_checks.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/loki/push_decode.h"
#include "loki_push_fuzz_checks.h"

namespace {

using namespace weft;
using namespace weft::ingest::loki;

Result<PushResult> decode(std::string_view input, const PushOptions& options) {
  PushBuilder builder(options);
  Status status = decode_push_json(input, builder);
  if (!status.is_ok()) return status;
  return std::move(builder).finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const PushOptions options = fuzzing::fuzz_push_options();
  Result<PushResult> first = decode(input, options);
  Result<PushResult> again = decode(input, options);
  fuzzing::check(first.is_ok() == again.is_ok());
  if (!first.is_ok()) {
    fuzzing::check(!first.status().message().empty());
    return 0;
  }
  fuzzing::check(first->batch.records.size() == again->batch.records.size());
  fuzzing::check_result(*first, options);
  return 0;
}
