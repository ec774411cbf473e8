// The wire protocols of `weft loadgen --protocol`, and the encoding of one request body of
// records drawn from a RecordSource:
//
//   otlp-http  POST /v1/logs or /v1/traces, OTLP protobuf (application/x-protobuf)
//   loki       POST /loki/api/v1/push, snappy(logproto.PushRequest) (loki_push_encoder.h); logs
//   elastic    POST /_bulk, NDJSON create actions (elastic_bulk_encoder.h); logs
//   syslog     RFC 5424, octet-counted, written to a TCP connection (stream_encoders.h); logs
//   jsonlines  JSON lines written to a TCP connection (stream_encoders.h); logs
//   otlp-grpc  recognised but not supported yet (a clear error)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "loadgen/record_source.h"

namespace weft::loadgen {

enum class Protocol { kOtlpHttp, kLoki, kElastic, kOtlpGrpc, kSyslog, kJsonLines };

// "otlp-http", "loki", "elastic", "otlp-grpc", "syslog", "jsonlines"; kInvalidArgument otherwise.
Result<Protocol> parse_protocol(std::string_view name);
std::string_view protocol_name(Protocol protocol);
// Whether the protocol writes to a plain TCP connection (no requests, no answers).
bool is_stream_protocol(Protocol protocol);
// Where a stream protocol's weft listener is by default: "tcp://127.0.0.1:5514".
std::string_view default_stream_endpoint(Protocol protocol);
// "logs", "traces"; kInvalidArgument otherwise.
Result<Signal> parse_signal(std::string_view name);
std::string_view signal_name(Signal signal);

// Where and how a protocol's requests go (empty for the stream protocols).
struct RequestTarget {
  std::string path;          // "/v1/logs"
  std::string content_type;  // "application/x-protobuf"
};

// kUnsupported for otlp-grpc, and for traces over anything but otlp-http.
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
