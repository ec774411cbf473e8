// Decoders of Loki push bodies (POST /loki/api/v1/push), both feeding a PushBuilder:
//
// Protobuf, logproto.PushRequest (field numbers from Loki's push.proto, written here):
//   PushRequest      { repeated StreamAdapter streams = 1; }
//   StreamAdapter    { string labels = 1; repeated EntryAdapter entries = 2; uint64 hash = 3; }
//   EntryAdapter     { google.protobuf.Timestamp timestamp = 1; string line = 2;
//                      repeated LabelPairAdapter structuredMetadata = 3;
//                      repeated LabelPairAdapter parsed = 4; }
//   LabelPairAdapter { string name = 1; string value = 2; }
//   Timestamp        { int64 seconds = 1; int32 nanos = 2; }
// Fields may come in any order (a stream's labels after its entries); unknown fields are
// skipped; a known field with the wrong wire type is an error, as in Go's decoder.
//
// JSON: {"streams": [{"stream": {"label": "value", ...},
//                     "values": [["<unix ns as a string>", "<line>", {metadata}?], ...]}]}
// Label and metadata values must be strings; the third element may be left out or null.
//
// Both return a Status (kInvalidArgument, with a message naming the place) for a body that is
// malformed as a whole; what Loki's validation refuses goes to the builder's PushErrors
// instead. Thread-safe (the JSON parser is per thread).
#pragma once

#include <string_view>

#include "common/status.h"
#include "ingest/loki/push_builder.h"

namespace weft::ingest::loki {

// `proto` is the PushRequest itself, already snappy-decompressed.
Status decode_push_proto(std::string_view proto, PushBuilder& builder);

Status decode_push_json(std::string_view json, PushBuilder& builder);

}  // namespace weft::ingest::loki
