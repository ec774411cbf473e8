#include "ingest/otlp/otlp_http.h"

#include "common/json_writer.h"
#include "ingest/http/media_type.h"
#include "otlp/otlp_fields.h"
#include "otlp/proto_writer.h"

namespace weft::ingest {

namespace {

namespace field = otlp::field;

constexpr std::string_view kProtobuf = "application/x-protobuf";
constexpr std::string_view kJson = "application/json";

std::string proto_export_response(const otlp::DecodeReport& report) {
  if (report.rejected == 0) return {};
  return otlp::encode_proto([&](auto& s) {
    s.message(field::kExportResponsePartialSuccess, [&] {
      s.varint(field::kPartialSuccessRejected, report.rejected);
      if (!report.message.empty()) s.bytes(field::kPartialSuccessErrorMessage, report.message);
    });
  });
}

std::string json_export_response(OtlpSignal signal, const otlp::DecodeReport& report) {
  JsonWriter w;
  w.begin_object();
  if (report.rejected > 0) {
    w.key("partialSuccess");
    w.begin_object();
    w.key(signal == OtlpSignal::kLogs ? "rejectedLogRecords" : "rejectedSpans");
    w.value(std::to_string(report.rejected));  // int64 is a string in OTLP/JSON
    if (!report.message.empty()) {
      w.key("errorMessage");
      w.value(report.message);
    }
    w.end_object();
  }
  w.end_object();
  return w.take();
}

}  // namespace

Result<OtlpEncoding> otlp_encoding_for_content_type(std::string_view content_type) {
  std::string_view type = media_type(content_type);
  if (equals_ignore_case(type, kProtobuf) || equals_ignore_case(type, "application/protobuf"))
    return OtlpEncoding::kProtobuf;
  if (equals_ignore_case(type, kJson)) return OtlpEncoding::kJson;
  return Status::unsupported("unsupported content type \"" + std::string(content_type) +
                             "\": OTLP/HTTP accepts application/x-protobuf or application/json");
}

std::string_view otlp_content_type(OtlpEncoding encoding) {
  return encoding == OtlpEncoding::kProtobuf ? kProtobuf : kJson;
}

std::string otlp_export_response(OtlpSignal signal, OtlpEncoding encoding,
                                 const otlp::DecodeReport& report) {
  if (encoding == OtlpEncoding::kProtobuf) return proto_export_response(report);
  return json_export_response(signal, report);
}

std::string otlp_error_body(OtlpEncoding encoding, int grpc_code, std::string_view message) {
  if (encoding == OtlpEncoding::kJson) {
    JsonWriter w;
    w.begin_object();
    w.key("code");
    w.value(grpc_code);
    if (!message.empty()) {
      w.key("message");
      w.value(message);
    }
    w.end_object();
    return w.take();
  }
  return otlp::encode_proto([&](auto& s) {
    // int32: a negative code is sign-extended to 64 bits, as protobuf does.
    if (grpc_code != 0) s.varint(field::kRpcStatusCode, static_cast<uint64_t>(int64_t{grpc_code}));
    if (!message.empty()) s.bytes(field::kRpcStatusMessage, message);
  });
}

Result<LogBatch> decode_otlp_logs(OtlpEncoding encoding, std::string_view body,
                                  const otlp::DecodeOptions& options, otlp::DecodeReport* report) {
  if (encoding == OtlpEncoding::kProtobuf) return otlp::decode_logs_proto(body, options, report);
  return otlp::decode_logs_json(body, options, report);
}

Result<SpanBatch> decode_otlp_spans(OtlpEncoding encoding, std::string_view body,
                                    const otlp::DecodeOptions& options,
                                    otlp::DecodeReport* report) {
  if (encoding == OtlpEncoding::kProtobuf) return otlp::decode_spans_proto(body, options, report);
  return otlp::decode_spans_json(body, options, report);
}

OtlpErrorReply otlp_error_reply(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument: return {400, kGrpcInvalidArgument};
    case StatusCode::kTooLarge: return {413, kGrpcInvalidArgument};
    case StatusCode::kUnsupported: return {415, kGrpcInvalidArgument};
    case StatusCode::kResourceExhausted: return {429, kGrpcResourceExhausted};
    case StatusCode::kUnavailable: return {503, kGrpcUnavailable};
    default: return {500, kGrpcInternal};
  }
}

}  // namespace weft::ingest
