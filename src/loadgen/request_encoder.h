// The wire protocols of `weft loadgen --protocol`, and the encoding of one request body of
// records drawn from a RecordSource:
//
//   otlp-http  POST /v1/logs or /v1/traces, OTLP protobuf (application/x-protobuf)
//   otlp-grpc  LogsService/Export or TraceService/Export (OTLP/gRPC), the same protobuf
//   loki       POST /loki/api/v1/push, snappy(logproto.PushRequest) (loki_push_encoder.h); logs
//   elastic    POST /_bulk, NDJSON create actions (elastic_bulk_encoder.h); logs
//   splunk-hec POST /services/collector/event, HEC event objects (splunk_hec_encoder.h); logs
//   syslog     RFC 5424, octet-counted, written to a TCP connection (stream_encoders.h); logs
//   jsonlines  JSON lines written to a TCP connection (stream_encoders.h); logs
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "loadgen/record_source.h"

namespace weft::loadgen {

enum class Protocol { kOtlpHttp, kLoki, kElastic, kSplunkHec, kOtlpGrpc, kSyslog, kJsonLines };

// "otlp-http", "loki", "elastic", "splunk-hec", "otlp-grpc", "syslog", "jsonlines";
// kInvalidArgument otherwise.
Result<Protocol> parse_protocol(std::string_view name);
std::string_view protocol_name(Protocol protocol);
// Whether the protocol writes to a plain TCP connection (no requests, no answers).
bool is_stream_protocol(Protocol protocol);
// "logs", "traces"; kInvalidArgument otherwise.
Result<Signal> parse_signal(std::string_view name);
std::string_view signal_name(Signal signal);

// Where and how a protocol's requests go (empty for the stream protocols).
struct RequestTarget {
  std::string path;          // "/v1/logs"; for otlp-grpc the method ("/...LogsService/Export")
  std::string content_type;  // "application/x-protobuf"; "application/grpc"
  std::vector<std::pair<std::string, std::string>> headers;  // more HTTP headers (Authorization)
};

// The endpoint a protocol's requests go to when none is given: weft's OTLP/HTTP port
// (http://127.0.0.1:4318), its OTLP/gRPC port (http://127.0.0.1:4317) for otlp-grpc, its
// syslog or JSON lines TCP listener (tcp://127.0.0.1:5514, tcp://127.0.0.1:5170).
std::string_view default_endpoint(Protocol protocol);

// kUnsupported for traces over anything but OTLP. Empty for the stream protocols.
Result<RequestTarget> request_target(Protocol protocol, Signal signal);

struct EncodedRequest {
  std::string body;
  uint64_t records = 0;
};

// Draws `count` records (logs or spans) from `source` and encodes them as one request body (for
// a stream protocol: the bytes of one write).
Result<EncodedRequest> encode_request(Protocol protocol, Signal signal, RecordSource& source,
                                      size_t count);

}  // namespace weft::loadgen
