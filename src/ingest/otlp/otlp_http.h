// OTLP/HTTP request and response conventions (the OTLP specification, "OTLP/HTTP").
//
// Given a request's content type and its (already decompressed) body, decodes it into a
// model batch and says how to answer: a 200 Export*ServiceResponse in the request's encoding
// (with partial_success when records were rejected), or a google.rpc.Status body with the
// HTTP status for a malformed or unsupported request. Knows nothing of sockets or storage.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "ingest/otlp/grpc_codes.h"
#include "otlp/otlp_decode.h"

namespace weft::ingest {

enum class OtlpSignal { kLogs, kTraces };
enum class OtlpEncoding { kProtobuf, kJson };

// application/x-protobuf (also application/protobuf) or application/json, parameters such as
// "; charset=utf-8" ignored. kUnsupported for anything else.
Result<OtlpEncoding> otlp_encoding_for_content_type(std::string_view content_type);

// The "Content-Type" to answer with.
std::string_view otlp_content_type(OtlpEncoding encoding);

// Export{Logs,Trace}ServiceResponse; partial_success is set when report.rejected > 0
// (rejected_log_records / rejected_spans and error_message).
std::string otlp_export_response(OtlpSignal signal, OtlpEncoding encoding,
                                 const otlp::DecodeReport& report);

// A google.rpc.Status body {code, message} in the request's encoding. JSON:
// {"code":3,"message":"..."}; an empty message is left out, and so is a zero code in protobuf.
std::string otlp_error_body(OtlpEncoding encoding, int grpc_code, std::string_view message);

// Decodes an export request body (already decompressed) in the given encoding.
Result<LogBatch> decode_otlp_logs(OtlpEncoding encoding, std::string_view body,
                                  const otlp::DecodeOptions& options, otlp::DecodeReport* report);
Result<SpanBatch> decode_otlp_spans(OtlpEncoding encoding, std::string_view body,
                                    const otlp::DecodeOptions& options,
                                    otlp::DecodeReport* report);

// How to answer a failed request, following OTLP/HTTP: the HTTP status and the gRPC code of
// the google.rpc.Status body. kInvalidArgument 400/3, kTooLarge 413/3, kUnsupported 415/3,
// kResourceExhausted 429/8 (retryable), kUnavailable 503/14 (retryable), others 500/13.
struct OtlpErrorReply {
  int http_status;
  int grpc_code;
};
OtlpErrorReply otlp_error_reply(StatusCode code);

}  // namespace weft::ingest
