// libFuzzer target: Splunk HEC request decoding (ingest/splunk), of the same bytes as an event
// body, as a raw body and as an Authorization header. Every input must decode or be refused
// cleanly; then:
//   - a request without a failure stored at least one record; every record has a resource
//     and a scope, and the reply for the failure is valid JSON;
//   - the records survive the WAL's protobuf encode -> decode with the same count.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/splunk/hec_auth.h"
#include "ingest/splunk/hec_request.h"
#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"

namespace {

using namespace weft;
using namespace weft::ingest::splunk;

void check(const HecDecodeResult& result) {
  if (!result.failure && result.batch.records.empty()) __builtin_trap();
  for (const LogRecord& r : result.batch.records)
    if (!r.resource || !r.scope) __builtin_trap();
  if (result.failure) {
    std::string body = hec_reply_body(hec_reply(result.failure->code, result.failure->event_number));
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(body).get(root) != simdjson::SUCCESS) __builtin_trap();
  }
  auto back = otlp::decode_logs_proto(otlp::encode_logs_proto(result.batch), {}, nullptr);
  if (!back.is_ok() || back->records.size() != result.batch.records.size()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  HecMetadata metadata{"fuzz-host", "fuzz-source", "", ""};
  check(decode_hec_events(input, metadata, 1));
  check(decode_hec_raw(input, metadata, 1));
  HecCredentials credentials = read_hec_credentials(input.substr(0, 256));
  if (credentials.ok() == credentials.token.empty()) __builtin_trap();
  return 0;
}
