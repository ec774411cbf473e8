// POST /api/v1/push/jsonlines: JSON lines over HTTP (docs/api.md, "POST /api/v1/push/jsonlines").
//
// On the io thread: tenant, gzip, decoding line by line (ingest/jsonlines/jsonlines_http.h).
// The good lines go through the ingest gate; the answer is sent once they are durable: 204
// when every line was good, 200 with the bad lines' numbers when some were not, 400 when none
// was good, 429/503 (with Retry-After) when storage refuses, 413/415 for the body itself.
#include <cstdlib>
#include <memory>

#include "ingest/jsonlines/jsonlines_http.h"
#include "server/api/api.h"
#include "server/api/content_encoding.h"
#include "server/api/ingest_request.h"
#include "server/api/tenant.h"
#include "server/http/responses.h"
#include "server/ingest/ingest_gate.h"

namespace weft::server::api {

namespace {

constexpr std::string_view kPath = "/api/v1/push/jsonlines";
constexpr std::string_view kRetryAfterSeconds = "1";

HttpResponse store_refusal(const Status& status) {
  http::status code =
      status.code() == StatusCode::kResourceExhausted ? http::status::too_many_requests
      : status.code() == StatusCode::kUnavailable     ? http::status::service_unavailable
                                                      : http::status::internal_server_error;
  HttpResponse response = json_error(code, status.message());
  if (code != http::status::internal_server_error)
    response.set(http::field::retry_after, kRetryAfterSeconds);
  return response;
}

HttpResponse encoding_refusal(const Status& status, RejectReason* reason) {
  switch (status.code()) {
    case StatusCode::kTooLarge:
      *reason = RejectReason::kTooLarge;
      return json_error(http::status::payload_too_large, status.message());
    case StatusCode::kUnsupported:
      *reason = RejectReason::kUnsupportedMediaType;
      return json_error(http::status::unsupported_media_type, status.message());
    default:
      *reason = RejectReason::kMalformed;
      return json_error(http::status::bad_request, status.message());
  }
}

class JsonLinesPushEndpoint : public std::enable_shared_from_this<JsonLinesPushEndpoint> {
 public:
  explicit JsonLinesPushEndpoint(ApiContext& context)
      : context_(context), door_(context.ingest_gate(), kPath) {}

  void handle(Request request, const Responder& respond);
  HttpResponse rejection(const HttpRequestHeader& header, http::status status,
                         std::string_view message);

 private:
  void submit(LogBatch batch, ingest::JsonLinesReport report, uint64_t wire_bytes,
              const Responder& respond);

  ApiContext& context_;
  IngestDoor door_;
};

void JsonLinesPushEndpoint::handle(Request request, const Responder& respond) {
  HttpRequest& message = request.message;
  uint64_t wire_bytes = message.body().size();
  door_.received(wire_bytes);
  auto tenant = request_tenant(message);
  if (!tenant) {
    door_.refused(RejectReason::kBadTenant, 0, wire_bytes);
    return respond(json_error(http::status::bad_request, tenant.status().message()));
  }
  auto payload =
      decode_content_encoding(message[http::field::content_encoding], std::move(message.body()),
                              context_.limits().max_request_bytes);
  if (!payload) {
    RejectReason reason;
    HttpResponse response = encoding_refusal(payload.status(), &reason);
    door_.refused(reason, 0, wire_bytes);
    return respond(std::move(response));
  }
  ingest::JsonLinesDecoder decoder(context_.jsonlines_fields());
  ingest::JsonLinesReport report;
  LogBatch batch = ingest::decode_json_lines_body(*payload, decoder, now_unix_nanos(), &report);
  if (report.accepted == 0 && report.rejected > 0) {
    door_.refused(RejectReason::kMalformed, report.rejected, wire_bytes);
    return respond(json_response(http::status::bad_request, ingest::json_lines_error_body(report)));
  }
  batch.tenant = std::move(*tenant);
  submit(std::move(batch), std::move(report), wire_bytes, respond);
}

void JsonLinesPushEndpoint::submit(LogBatch batch, ingest::JsonLinesReport report,
                                   uint64_t wire_bytes, const Responder& respond) {
  if (report.rejected > 0) door_.partially_rejected(report.rejected);
  door_.submit(std::move(batch), wire_bytes,
               [self = shared_from_this(), respond, report = std::move(report)](Status status) {
                 if (!status.is_ok()) return respond(store_refusal(status));
                 if (report.rejected == 0)
                   return respond(HttpResponse{http::status::no_content, 11});
                 respond(json_response(http::status::ok, ingest::json_lines_partial_body(report)));
               });
}

HttpResponse JsonLinesPushEndpoint::rejection(const HttpRequestHeader& header, http::status status,
                                              std::string_view message) {
  door_.refused(reject_reason_for_status(status), 0, declared_body_bytes(header));
  return json_error(status, message);
}

}  // namespace

void add_jsonlines_push_routes(Router& router, ApiContext& context) {
  auto endpoint = std::make_shared<JsonLinesPushEndpoint>(context);
  router.add(
      http::verb::post, std::string(kPath),
      [endpoint](Request request, Responder respond) {
        endpoint->handle(std::move(request), respond);
      },
      [endpoint](const HttpRequestHeader& header, http::status status, std::string_view message) {
        return endpoint->rejection(header, status, message);
      });
}

}  // namespace weft::server::api
