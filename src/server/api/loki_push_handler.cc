// POST /loki/api/v1/push: Loki push ingest (docs/api.md, "Ingest: Loki push").
//
// On the io thread: tenant, Content-Encoding, snappy, decoding and Loki's validation
// (ingest/loki). The valid entries go through the ingest gate to the Store; the answer is sent
// from the WAL thread once they are durable. Answers are Loki's: 204 with no body; 400 with a
// plain-text message when the body is malformed or some entries were refused (the valid ones
// are kept, as Loki keeps them); 413 for a body over limits.max_request_bytes (also once
// inflated); 422 for a request with no stream; 429 / 503 with Retry-After under backpressure /
// while starting or stopping; 500 otherwise.
#include <cstdlib>
#include <memory>

#include "ingest/loki/loki_push_request.h"
#include "server/api/api.h"
#include "server/api/ingest_request.h"
#include "server/api/tenant.h"
#include "server/http/responses.h"
#include "server/ingest/ingest_gate.h"

namespace weft::server::api {

namespace {

using ingest::loki::PushResult;
using server::IngestDoor;
using server::RejectReason;

constexpr std::string_view kRetryAfterSeconds = "1";

// A Loki error answer: the message as plain text with a newline, as Go's http.Error writes it.
HttpResponse error_response(http::status status, std::string_view message) {
  HttpResponse response = text_response(status, std::string(message) + "\n");
  response.set("X-Content-Type-Options", "nosniff");
  if (status == http::status::too_many_requests || status == http::status::service_unavailable)
    response.set(http::field::retry_after, kRetryAfterSeconds);
  return response;
}

HttpResponse no_content() { return HttpResponse{http::status::no_content, 11}; }

// What a request the endpoint refuses itself is counted as and answered with.
struct Refusal {
  RejectReason reason;
  http::status status;
  std::string message;
};

Refusal refusal_for_decode_error(const Status& status) {
  if (status.code() == StatusCode::kTooLarge)
    return {RejectReason::kTooLarge, http::status::payload_too_large, status.message()};
  return {RejectReason::kMalformed, http::status::bad_request, status.message()};
}

HttpResponse store_error_response(const Status& status) {
  switch (status.code()) {
    case StatusCode::kResourceExhausted:
      return error_response(http::status::too_many_requests, status.message());
    case StatusCode::kUnavailable:
      return error_response(http::status::service_unavailable, status.message());
    default: return error_response(http::status::internal_server_error, status.message());
  }
}

// The endpoint; shared by its route handler and the store callbacks it issues.
class LokiPushEndpoint : public std::enable_shared_from_this<LokiPushEndpoint> {
 public:
  explicit LokiPushEndpoint(ApiContext& context)
      : context_(context), door_(context.ingest_gate(), ingest::loki::kPushPath) {}

  void handle(Request request, const Responder& respond);
  HttpResponse rejection(const HttpRequestHeader& header, http::status status,
                         std::string_view message);

 private:
  void submit(PushResult result, std::string tenant, uint64_t wire_bytes,
              const Responder& respond);
  void refuse(const Responder& respond, const Refusal& refusal, uint64_t records,
              uint64_t bytes);

  ApiContext& context_;
  IngestDoor door_;
};

void LokiPushEndpoint::handle(Request request, const Responder& respond) {
  HttpRequest& message = request.message;
  uint64_t wire_bytes = message.body().size();
  door_.received(wire_bytes);
  auto tenant = request_tenant(message);
  if (!tenant)
    return refuse(respond,
                  {RejectReason::kBadTenant, http::status::bad_request, tenant.status().message()},
                  0, wire_bytes);
  ingest::loki::PushOptions options{context_.limits().loki_push, now_unix_nanos()};
  auto result = ingest::loki::decode_push_request(
      message[http::field::content_type], message[http::field::content_encoding],
      std::move(message.body()), context_.limits().max_request_bytes, options);
  if (!result) return refuse(respond, refusal_for_decode_error(result.status()), 0, wire_bytes);
  if (result->streams == 0)
    return refuse(respond,
                  {RejectReason::kMalformed, http::status::unprocessable_entity,
                   ingest::loki::missing_streams_message()},
                  0, wire_bytes);
  if (result->batch.records.empty() && !result->errors.empty())
    return refuse(respond,
                  {RejectReason::kMalformed, http::status::bad_request, result->errors.message()},
                  result->errors.rejected_entries(), wire_bytes);
  submit(std::move(*result), std::move(*tenant), wire_bytes, respond);
}

// Stores the valid entries; a request with refused entries is answered 400 once the rest is
// durable, as Loki answers it.
void LokiPushEndpoint::submit(PushResult result, std::string tenant, uint64_t wire_bytes,
                              const Responder& respond) {
  std::string refused;
  if (!result.errors.empty()) {
    door_.partially_rejected(result.errors.rejected_entries());
    refused = result.errors.message();
  }
  result.batch.tenant = std::move(tenant);
  door_.submit(std::move(result.batch), wire_bytes,
               [self = shared_from_this(), respond, refused = std::move(refused)](Status status) {
                 if (!status.is_ok()) return respond(store_error_response(status));
                 if (!refused.empty())
                   return respond(error_response(http::status::bad_request, refused));
                 respond(no_content());
               });
}

void LokiPushEndpoint::refuse(const Responder& respond, const Refusal& refusal,
                              uint64_t records, uint64_t bytes) {
  door_.refused(refusal.reason, records, bytes);
  respond(error_response(refusal.status, refusal.message));
}

HttpResponse LokiPushEndpoint::rejection(const HttpRequestHeader& header, http::status status,
                                         std::string_view message) {
  door_.refused(reject_reason_for_status(status), 0, declared_body_bytes(header));
  return error_response(status, message);
}

}  // namespace

void add_loki_push_routes(Router& router, ApiContext& context) {
  auto endpoint = std::make_shared<LokiPushEndpoint>(context);
  router.add(
      http::verb::post, std::string(ingest::loki::kPushPath),
      [endpoint](Request request, Responder respond) {
        endpoint->handle(std::move(request), respond);
      },
      [endpoint](const HttpRequestHeader& header, http::status status, std::string_view message) {
        return endpoint->rejection(header, status, message);
      });
}

}  // namespace weft::server::api
