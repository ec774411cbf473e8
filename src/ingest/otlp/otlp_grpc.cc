#include "ingest/otlp/otlp_grpc.h"

#include "ingest/otlp/otlp_http.h"
#include "otlp/otlp_fields.h"
#include "otlp/proto_writer.h"

namespace weft::ingest {

namespace {

namespace field = otlp::field;

// google.protobuf.Duration: whole seconds and the nanoseconds left over (zero fields omitted).
template <typename Sink>
void emit_duration(Sink& s, std::chrono::milliseconds delay) {
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(delay);
  auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(delay - seconds);
  if (seconds.count() != 0)
    s.varint(field::kDurationSeconds, static_cast<uint64_t>(int64_t{seconds.count()}));
  if (nanos.count() != 0)
    s.varint(field::kDurationNanos, static_cast<uint64_t>(int64_t{nanos.count()}));
}

std::string retry_info(std::chrono::milliseconds delay) {
  return otlp::encode_proto([&](auto& s) {
    s.message(field::kRetryInfoRetryDelay, [&] { emit_duration(s, delay); });
  });
}

bool is_retryable(int code) { return code == kGrpcResourceExhausted || code == kGrpcUnavailable; }

}  // namespace

OtlpGrpcMethod otlp_grpc_method(std::string_view path) {
  if (path == kOtlpGrpcLogsMethod) return OtlpGrpcMethod::kLogs;
  if (path == kOtlpGrpcTracesMethod) return OtlpGrpcMethod::kTraces;
  if (path == kOtlpGrpcMetricsMethod) return OtlpGrpcMethod::kMetrics;
  return OtlpGrpcMethod::kUnknown;
}

GrpcReply otlp_grpc_refusal(const Status& status) {
  GrpcReply reply{otlp_error_reply(status.code()).grpc_code, status.message(), ""};
  if (is_retryable(reply.code))
    reply.details = rpc_status_with_retry_info(reply.code, reply.message, kOtlpRetryDelay);
  return reply;
}

GrpcReply otlp_grpc_stored_reply(const Status& stored, bool deadline_passed) {
  if (deadline_passed)
    return {kGrpcDeadlineExceeded,
            "the call's deadline passed before its records were durable; they may have been "
            "stored, so a retry may store them twice",
            ""};
  if (stored.is_ok()) return {};
  return otlp_grpc_refusal(stored);
}

GrpcReply otlp_grpc_unimplemented(OtlpGrpcMethod method, std::string_view path) {
  std::string what = method == OtlpGrpcMethod::kMetrics
                         ? "weft stores logs and traces, not metrics"
                         : "unknown method " + std::string(path);
  return {kGrpcUnimplemented,
          what + "; weft serves " + std::string(kOtlpGrpcLogsMethod) + " and " +
              std::string(kOtlpGrpcTracesMethod),
          ""};
}

std::string rpc_status_with_retry_info(int code, std::string_view message,
                                       std::chrono::milliseconds retry_delay) {
  std::string info = retry_info(retry_delay);
  return otlp::encode_proto([&](auto& s) {
    // int32: a negative code is sign-extended to 64 bits, as protobuf does.
    if (code != 0) s.varint(field::kRpcStatusCode, static_cast<uint64_t>(int64_t{code}));
    if (!message.empty()) s.bytes(field::kRpcStatusMessage, message);
    s.message(field::kRpcStatusDetails, [&] {
      s.bytes(field::kAnyTypeUrl, kRetryInfoTypeUrl);
      s.bytes(field::kAnyValue, info);
    });
  });
}

}  // namespace weft::ingest
