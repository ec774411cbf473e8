// POST /v1/logs and POST /v1/traces: OTLP/HTTP ingest (docs/api.md, "Ingest").
//
// On the io thread: content type and encoding checks, inflating, decoding (the body is moved,
// never copied). Then the batch goes through the ingest gate to the Store; the answer is sent
// from the WAL thread once the batch is durable (200), or refused (429 backpressure, 503
// starting or shutting down, 500).
#include <memory>

#include "common/log.h"
#include "ingest/otlp/otlp_http.h"
#include "server/api/api.h"
#include "server/api/ingest_request.h"
#include "server/api/tenant.h"
#include "server/ingest/ingest_gate.h"
#include "server/http/responses.h"

namespace weft::server::api {

namespace {

using ingest::OtlpEncoding;
using ingest::OtlpSignal;
using server::IngestDoor;
using server::RejectReason;

constexpr std::string_view kRetryAfterSeconds = "1";

struct LogsSignal {
  using Batch = LogBatch;
  static constexpr OtlpSignal kSignal = OtlpSignal::kLogs;
  static constexpr std::string_view kPath = "/v1/logs";

  static Result<Batch> decode(OtlpEncoding encoding, std::string_view body,
                              const otlp::DecodeOptions& options, otlp::DecodeReport* report) {
    return encoding == OtlpEncoding::kJson ? otlp::decode_logs_json(body, options, report)
                                           : otlp::decode_logs_proto(body, options, report);
  }
};

struct TracesSignal {
  using Batch = SpanBatch;
  static constexpr OtlpSignal kSignal = OtlpSignal::kTraces;
  static constexpr std::string_view kPath = "/v1/traces";

  static Result<Batch> decode(OtlpEncoding encoding, std::string_view body,
                              const otlp::DecodeOptions& options, otlp::DecodeReport* report) {
    return encoding == OtlpEncoding::kJson ? otlp::decode_spans_json(body, options, report)
                                           : otlp::decode_spans_proto(body, options, report);
  }
};

// A google.rpc.Status answer in the request's encoding; 429 and 503 carry Retry-After.
HttpResponse status_response(http::status status, OtlpEncoding encoding, int grpc_code,
                             std::string_view message) {
  HttpResponse response = make_response(status, ingest::otlp_content_type(encoding),
                                        ingest::otlp_error_body(encoding, grpc_code, message));
  if (status == http::status::too_many_requests || status == http::status::service_unavailable)
    response.set(http::field::retry_after, kRetryAfterSeconds);
  return response;
}

// The encoding of a request's body, JSON when its content type is not an OTLP one (the
// encoding error answers are written in).
OtlpEncoding encoding_or_json(const HttpRequestHeader& header) {
  auto encoding = ingest::otlp_encoding_for_content_type(header[http::field::content_type]);
  return encoding ? *encoding : OtlpEncoding::kJson;
}

// A refusal: what to count and what to answer.
struct Refusal {
  RejectReason reason;
  http::status status;
  int grpc_code;
  std::string message;
};

Refusal refusal_for_store_error(const Status& status) {
  switch (status.code()) {
    case StatusCode::kResourceExhausted:
      return {RejectReason::kBackpressure, http::status::too_many_requests,
              ingest::kGrpcResourceExhausted, status.message()};
    case StatusCode::kUnavailable:
      return {RejectReason::kUnavailable, http::status::service_unavailable,
              ingest::kGrpcUnavailable, status.message()};
    default:
      return {RejectReason::kInternal, http::status::internal_server_error, ingest::kGrpcInternal,
              status.message()};
  }
}

Refusal refusal_for_encoding_error(const Status& status) {
  switch (status.code()) {
    case StatusCode::kTooLarge:
      return {RejectReason::kTooLarge, http::status::payload_too_large,
              ingest::kGrpcInvalidArgument, status.message()};
    case StatusCode::kUnsupported:
      return {RejectReason::kUnsupportedMediaType, http::status::unsupported_media_type,
              ingest::kGrpcInvalidArgument, status.message()};
    default:
      return {RejectReason::kMalformed, http::status::bad_request, ingest::kGrpcInvalidArgument,
              status.message()};
  }
}

// One ingest endpoint; shared by its route handler and the store callbacks it issues.
template <typename Signal>
class OtlpIngestEndpoint : public std::enable_shared_from_this<OtlpIngestEndpoint<Signal>> {
 public:
  explicit OtlpIngestEndpoint(ApiContext& context)
      : context_(context), door_(context.ingest_gate(), Signal::kPath) {}

  void handle(Request request, const Responder& respond);
  HttpResponse rejection(const HttpRequestHeader& header, http::status status,
                         std::string_view message);

 private:
  // The request's batch, or the refusal to answer with. Consumes the body.
  Result<typename Signal::Batch> decode(HttpRequest& message, OtlpEncoding encoding,
                                        otlp::DecodeReport* report, Refusal* refusal) const;
  void submit(typename Signal::Batch batch, OtlpEncoding encoding, otlp::DecodeReport report,
              uint64_t wire_bytes, const Responder& respond);
  void refuse(const Responder& respond, OtlpEncoding encoding, const Refusal& refusal,
              uint64_t bytes);

  ApiContext& context_;
  IngestDoor door_;
};

template <typename Signal>
void OtlpIngestEndpoint<Signal>::handle(Request request, const Responder& respond) {
  HttpRequest& message = request.message;
  uint64_t wire_bytes = message.body().size();
  door_.received(wire_bytes);
  auto content_type = message[http::field::content_type];
  auto encoding = ingest::otlp_encoding_for_content_type(content_type);
  if (!encoding)
    return refuse(respond, OtlpEncoding::kJson,
                  {RejectReason::kUnsupportedMediaType, http::status::unsupported_media_type,
                   ingest::kGrpcInvalidArgument,
                   "unsupported Content-Type \"" + std::string(content_type) +
                       "\"; expected application/x-protobuf or application/json"},
                  wire_bytes);
  auto tenant = request_tenant(message);
  if (!tenant)
    return refuse(respond, *encoding,
                  {RejectReason::kBadTenant, http::status::bad_request,
                   ingest::kGrpcInvalidArgument, tenant.status().message()},
                  wire_bytes);
  otlp::DecodeReport report;
  Refusal refusal;
  auto batch = decode(message, *encoding, &report, &refusal);
  if (!batch) return refuse(respond, *encoding, refusal, wire_bytes);
  batch->tenant = std::move(*tenant);
  submit(std::move(*batch), *encoding, std::move(report), wire_bytes, respond);
}

template <typename Signal>
Result<typename Signal::Batch> OtlpIngestEndpoint<Signal>::decode(HttpRequest& message,
                                                                  OtlpEncoding encoding,
                                                                  otlp::DecodeReport* report,
                                                                  Refusal* refusal) const {
  auto payload = take_ingest_body(message, context_.limits().max_request_bytes);
  if (!payload) {
    *refusal = refusal_for_encoding_error(payload.status());
    return payload.status();
  }
  otlp::DecodeOptions options;
  options.observed_now = now_unix_nanos();
  auto batch = Signal::decode(encoding, *payload, options, report);
  if (!batch)
    *refusal = {RejectReason::kMalformed, http::status::bad_request, ingest::kGrpcInvalidArgument,
                batch.status().message()};
  return batch;
}

template <typename Signal>
void OtlpIngestEndpoint<Signal>::submit(typename Signal::Batch batch, OtlpEncoding encoding,
                                        otlp::DecodeReport report, uint64_t wire_bytes,
                                        const Responder& respond) {
  if (report.rejected > 0) door_.partially_rejected(report.rejected);
  door_.submit(std::move(batch), wire_bytes,
               [self = this->shared_from_this(), respond, encoding,
                report = std::move(report)](Status status) {
                 if (!status.is_ok()) {
                   Refusal refusal = refusal_for_store_error(status);
                   return respond(status_response(refusal.status, encoding, refusal.grpc_code,
                                                  refusal.message));
                 }
                 respond(make_response(http::status::ok, ingest::otlp_content_type(encoding),
                                       ingest::otlp_export_response(Signal::kSignal, encoding,
                                                                    report)));
               });
}

// A request the endpoint refuses itself, before submitting anything.
template <typename Signal>
void OtlpIngestEndpoint<Signal>::refuse(const Responder& respond, OtlpEncoding encoding,
                                        const Refusal& refusal, uint64_t bytes) {
  door_.refused(refusal.reason, 0, bytes);
  respond(status_response(refusal.status, encoding, refusal.grpc_code, refusal.message));
}

template <typename Signal>
HttpResponse OtlpIngestEndpoint<Signal>::rejection(const HttpRequestHeader& header,
                                                   http::status status,
                                                   std::string_view message) {
  door_.refused(reject_reason_for_status(status), 0, declared_body_bytes(header));
  int grpc_code = status == http::status::unauthorized ? ingest::kGrpcUnauthenticated
                  : status == http::status::forbidden  ? ingest::kGrpcPermissionDenied
                                                       : ingest::kGrpcInvalidArgument;
  return status_response(status, encoding_or_json(header), grpc_code, message);
}

template <typename Signal>
void add_endpoint(Router& router, ApiContext& context) {
  auto endpoint = std::make_shared<OtlpIngestEndpoint<Signal>>(context);
  router.add(
      http::verb::post, std::string(Signal::kPath),
      [endpoint](Request request, Responder respond) {
        endpoint->handle(std::move(request), respond);
      },
      [endpoint](const HttpRequestHeader& header, http::status status, std::string_view message) {
        return endpoint->rejection(header, status, message);
      });
}

}  // namespace

void add_otlp_ingest_routes(Router& router, ApiContext& context) {
  add_endpoint<LogsSignal>(router, context);
  add_endpoint<TracesSignal>(router, context);
}

}  // namespace weft::server::api
