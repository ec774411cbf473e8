// libFuzzer target: Elasticsearch bulk request decoding (ingest/elastic). Every input must
// decode or be refused cleanly; then:
//   - a refused request keeps nothing; an accepted one has one item per action, and exactly
//     one record per stored (2xx) item, each with a resource and a scope;
//   - the response written for the items is valid JSON;
//   - the records survive the WAL's protobuf encode -> decode with the same count.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/elastic/bulk_request.h"
#include "ingest/elastic/bulk_response.h"
#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace weft;
  using namespace weft::ingest::elastic;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  BulkRequest bulk = decode_bulk_request(input, BulkOptions{"fuzz-index", 1});
  if (bulk.error) {
    if (!bulk.items.empty() || !bulk.batch.records.empty()) __builtin_trap();
    return 0;
  }
  size_t stored = bulk.items.size() - bulk.failed_items();
  if (stored != bulk.batch.records.size()) __builtin_trap();
  for (const LogRecord& r : bulk.batch.records)
    if (!r.resource || !r.scope) __builtin_trap();

  std::string body = bulk_response(1, bulk_response_rest(bulk.items));
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body).get(root) != simdjson::SUCCESS) __builtin_trap();

  auto back = otlp::decode_logs_proto(otlp::encode_logs_proto(bulk.batch), {}, nullptr);
  if (!back.is_ok() || back->records.size() != bulk.batch.records.size()) __builtin_trap();
  return 0;
}
