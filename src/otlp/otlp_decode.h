// Decoders of OTLP export requests (logs and traces) into model batches.
//
// Both encodings are covered: protobuf (otlp_proto_decode.cc, a hand-written wire-format reader)
// and JSON (otlp_json_decode.cc, the OTLP/JSON mapping: hex ids, int64 as string or number,
// enums as numbers). Decoding is all-or-nothing for structure (a malformed payload is an
// error) but per-record for content: a record with a bad trace/span id length is rejected,
// counted in the DecodeReport, and the rest of the request is kept (OTLP partial success).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "model/log_record.h"
#include "model/span.h"

namespace weft::otlp {

struct DecodeOptions {
  // Written into observed_time_unix_nano of log records that have none; 0 keeps them 0.
  UnixNanos observed_now = 0;
  // Deepest nesting of AnyValue arrays/kvlists accepted.
  int max_value_depth = 32;
};

// Records rejected from an otherwise valid request (OTLP partial success).
struct DecodeReport {
  uint64_t rejected = 0;
  std::string message;  // describes the first rejection; empty when nothing was rejected
  void reject(std::string why);
};

// The tenant of the returned batch is left empty: the caller sets it.
Result<LogBatch> decode_logs_proto(std::string_view bytes, const DecodeOptions& options,
                                   DecodeReport* report);
Result<SpanBatch> decode_spans_proto(std::string_view bytes, const DecodeOptions& options,
                                     DecodeReport* report);
Result<LogBatch> decode_logs_json(std::string_view json, const DecodeOptions& options,
                                  DecodeReport* report);
Result<SpanBatch> decode_spans_json(std::string_view json, const DecodeOptions& options,
                                    DecodeReport* report);

}  // namespace weft::otlp
