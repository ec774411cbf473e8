// OTLP/gRPC request and response conventions (the OTLP specification, "OTLP/gRPC").
//
// The service methods weft serves, and how to answer a call: OK with an
// Export{Logs,Trace}ServiceResponse (partial success as in OTLP/HTTP: otlp_export_response
// with OtlpEncoding::kProtobuf), or a gRPC status. A status the client should retry
// (RESOURCE_EXHAUSTED under backpressure, UNAVAILABLE while starting or stopping) carries a
// google.rpc.Status in its details (the grpc-status-details-bin trailer) holding a
// google.rpc.RetryInfo with the delay to wait, as the OpenTelemetry Collector sends.
// Knows nothing of sockets, grpc++ or storage.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "common/status.h"
#include "ingest/otlp/grpc_codes.h"
#include "otlp/otlp_grpc_methods.h"

namespace weft::ingest {

inline constexpr std::string_view kOtlpGrpcLogsMethod = otlp::kGrpcLogsExportMethod;
inline constexpr std::string_view kOtlpGrpcTracesMethod = otlp::kGrpcTraceExportMethod;
inline constexpr std::string_view kOtlpGrpcMetricsMethod = otlp::kGrpcMetricsExportMethod;

// Metadata naming the tenant: X-Scope-OrgID as gRPC metadata keys are spelled (lowercase).
inline constexpr std::string_view kOtlpGrpcTenantKey = "x-scope-orgid";

enum class OtlpGrpcMethod { kLogs, kTraces, kMetrics, kUnknown };

// The method of a call's path ("/package.Service/Method"), matched exactly.
OtlpGrpcMethod otlp_grpc_method(std::string_view path);

// How long a client should wait before retrying a refused call (RetryInfo.retry_delay).
inline constexpr std::chrono::milliseconds kOtlpRetryDelay{1000};

// A gRPC status to finish a call with.
struct GrpcReply {
  int code = kGrpcOk;
  std::string message;
  std::string details;  // a serialized google.rpc.Status for grpc-status-details-bin, or ""
};

// The refusal of a call that failed with `status` (from decoding, the tenant check or the
// store): INVALID_ARGUMENT for kInvalidArgument, kTooLarge and kUnsupported;
// RESOURCE_EXHAUSTED and UNAVAILABLE with RetryInfo (kOtlpRetryDelay); INTERNAL otherwise.
// The message is the status's message. REQUIRES: !status.is_ok().
GrpcReply otlp_grpc_refusal(const Status& status);

// The answer once the store has decided an export (`stored`): OK, or DEADLINE_EXCEEDED when the
// call's deadline passed before its records were durable (the client has given up and will
// retry: records may then be stored twice, but none acknowledged is lost), or the refusal
// of `stored`.
GrpcReply otlp_grpc_stored_reply(const Status& stored, bool deadline_passed);

// UNIMPLEMENTED for a method weft does not serve; the message says what weft does serve.
GrpcReply otlp_grpc_unimplemented(OtlpGrpcMethod method, std::string_view path);

// google.rpc.Status {code, message, details: [Any {type.googleapis.com/google.rpc.RetryInfo,
// RetryInfo {retry_delay: Duration}}]}, serialized.
std::string rpc_status_with_retry_info(int code, std::string_view message,
                                       std::chrono::milliseconds retry_delay);

inline constexpr std::string_view kRetryInfoTypeUrl = "type.googleapis.com/google.rpc.RetryInfo";

}  // namespace weft::ingest
