// Encoders of model batches into OTLP protobuf export requests.
//
// Records that share a Resource and Scope object (same shared_ptr) are grouped into one
// ResourceLogs/ScopeLogs (ResourceSpans/ScopeSpans), in order of first appearance, so
// decode(encode(batch)) gives back the same records with the same sharing. The tenant is not
// part of OTLP and is not encoded. Used for the WAL, for tests and benchmarks, and for
// protobuf responses of trace APIs.
#pragma once

#include <string>

#include "model/log_record.h"
#include "model/span.h"

namespace weft::otlp {

// An ExportLogsServiceRequest.
std::string encode_logs_proto(const LogBatch& batch);
// An ExportTraceServiceRequest.
std::string encode_spans_proto(const SpanBatch& batch);

}  // namespace weft::otlp
