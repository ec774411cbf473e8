// Encodes log records as a Loki push request: logproto.PushRequest protobuf, as Loki's
// POST /loki/api/v1/push takes it (Content-Type application/x-protobuf, the body compressed
// with snappy's raw block format, no Content-Encoding header):
//
//   PushRequest   { repeated StreamAdapter streams = 1; }
//   StreamAdapter { string labels = 1;  // Prometheus label syntax: {service_name="x",level="info"}
//                   repeated EntryAdapter entries = 2; }
//   EntryAdapter  { google.protobuf.Timestamp timestamp = 1;  // {int64 seconds = 1; int32 nanos = 2;}
//                   string line = 2;
//                   repeated LabelPairAdapter structuredMetadata = 3; }  // {name = 1; value = 2}
//
// Records are grouped into one stream per (service.name, level), in order of first appearance;
// the line is the body; trace_id and span_id (hex) go to structured metadata when present.
#pragma once

#include <string>
#include <string_view>

#include "model/log_record.h"

namespace weft::loadgen {

// The PushRequest protobuf, uncompressed.
std::string encode_loki_push_proto(const LogBatch& batch);
// The request body: the PushRequest compressed with snappy (raw block format).
std::string encode_loki_push(const LogBatch& batch);

// `{service_name="checkout",level="info"}`, values escaped as Prometheus label values.
std::string loki_labels(std::string_view service, std::string_view level);

}  // namespace weft::loadgen
