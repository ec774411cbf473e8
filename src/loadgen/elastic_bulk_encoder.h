// Encodes log records as an Elasticsearch bulk request (POST /_bulk, Content-Type
// application/x-ndjson): per record one action line and one document line, each ending in
// "\n":
//
//   {"create":{"_index":"logs"}}
//   {"@timestamp":"2026-11-22T06:20:21.123456789Z","message":"...","log.level":"info",
//    "service.name":"checkout","trace.id":"<32 hex>","span.id":"<16 hex>","host.name":"..."}
//
// Fields follow ECS (dotted keys, which Elasticsearch expands); absent ids and an absent
// host.name are left out.
#pragma once

#include <string>
#include <string_view>

#include "model/log_record.h"

namespace weft::loadgen {

inline constexpr std::string_view kElasticContentType = "application/x-ndjson";

std::string encode_elastic_bulk(const LogBatch& batch, std::string_view index = "logs");

}  // namespace weft::loadgen
