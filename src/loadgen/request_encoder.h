// The wire protocols of `weft loadgen --protocol`, and the encoding of one request body of
// records drawn from a RecordSource:
//
//   otlp-http  POST /v1/logs or /v1/traces, OTLP protobuf (application/x-protobuf)
//   otlp-grpc  LogsService/Export or TraceService/Export (OTLP/gRPC), the same protobuf
//   loki       POST /loki/api/v1/push, snappy(logproto.PushRequest) (loki_push_encoder.h); logs
//   elastic    POST /_bulk, NDJSON create actions (elastic_bulk_encoder.h); logs
//   splunk-hec POST /services/collector/event, HEC event objects (splunk_hec_encoder.h); logs
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "loadgen/record_source.h"

namespace weft::loadgen {

enum class Protocol { kOtlpHttp, kLoki, kElastic, kSplunkHec, kOtlpGrpc };

// "otlp-http", "loki", "elastic", "splunk-hec", "otlp-grpc"; kInvalidArgument otherwise.
Result<Protocol> parse_protocol(std::string_view name);
std::string_view protocol_name(Protocol protocol);
// "logs", "traces"; kInvalidArgument otherwise.
Result<Signal> parse_signal(std::string_view name);
std::string_view signal_name(Signal signal);

// Where and how a protocol's requests go.
struct RequestTarget {
  std::string path;          // "/v1/logs"; for otlp-grpc the method ("/...LogsService/Export")
  std::string content_type;  // "application/x-protobuf"; "application/grpc"
  std::vector<std::pair<std::string, std::string>> headers;  // more HTTP headers (Authorization)
};

// The endpoint a protocol's requests go to when none is given: weft's OTLP/HTTP port
// (http://127.0.0.1:4318), or its OTLP/gRPC port (http://127.0.0.1:4317) for otlp-grpc.
std::string_view default_endpoint(Protocol protocol);

// kUnsupported for traces over loki, elastic or splunk-hec.
Result<RequestTarget> request_target(Protocol protocol, Signal signal);

struct EncodedRequest {
  std::string body;
  uint64_t records = 0;
};

// Draws `count` records (logs or spans) from `source` and encodes them as one request body.
Result<EncodedRequest> encode_request(Protocol protocol, Signal signal, RecordSource& source,
                                      size_t count);

}  // namespace weft::loadgen
