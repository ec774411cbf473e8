// Encoders of model batches into OTLP protobuf export requests.
//
// Records that share a Resource and Scope object (same shared_ptr) are grouped into one
// ResourceLogs/ScopeLogs (ResourceSpans/ScopeSpans), in order of first appearance, so
// decode(encode(batch)) gives back the same records with the same sharing. A decoded batch is
// already grouped, so its record order is kept exactly; a batch whose records of one
// resource/scope are interleaved with others comes back with each group gathered together
// (order within a group kept). Default (zero/empty) fields are not written; a null resource or
// scope is written as an absent one (it decodes as an empty object). The tenant is not part of
// OTLP and is not encoded. Used for the WAL, for tests and benchmarks, and for protobuf
// responses of trace APIs. Thread-safe (no shared state).
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
