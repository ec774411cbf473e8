// The Splunk HTTP Event Collector (docs/api.md, "Splunk HEC"; mapping in docs/ingest.md):
//
//   POST /services/collector, /services/collector/event, /services/collector/event/1.0
//   POST /services/collector/raw, /services/collector/raw/1.0
//   GET  /services/collector/health, /services/collector/health/1.0
//
// Every POST needs `Authorization: Splunk <token>` (read in ingest/splunk/hec_auth.h; no token
// With auth on the token is checked against the token store before this handler runs; off,
// any token is accepted). The body is JSON whatever the Content-Type (clients
// send application/x-www-form-urlencoded); gzip is inflated. Events are decoded on the io
// thread and stored through the ingest gate; the answer follows Splunk: 200
// {"text":"Success","code":0} once durable; when an event is invalid, the events before it
// are stored and the answer is 400 with the code and "invalid-event-number"; 503
// {"text":"Server is busy","code":9} under backpressure and while starting or stopping.
#include <memory>

#include "common/time.h"
#include "ingest/splunk/hec_auth.h"
#include "ingest/splunk/hec_reply.h"
#include "ingest/splunk/hec_request.h"
#include "server/api/api.h"
#include "server/api/ingest_request.h"
#include "server/api/tenant.h"
#include "server/ingest/ingest_gate.h"

namespace weft::server::api {

namespace {

namespace splunk = ingest::splunk;
using splunk::HecCode;
using splunk::HecReply;

enum class HecFormat { kEvents, kRaw };

constexpr std::string_view kRetryAfterSeconds = "1";

HttpResponse hec_response(const HecReply& reply) {
  HttpResponse response = make_response(static_cast<http::status>(reply.http_status),
                                        splunk::kHecContentType, splunk::hec_reply_body(reply));
  if (reply.http_status == 503) response.set(http::field::retry_after, kRetryAfterSeconds);
  return response;
}

// A reply of `code` with weft's own text (for refusals Splunk has no text of its own for).
HecReply hec_reply_with_text(int http_status, HecCode code, std::string text) {
  HecReply reply = splunk::hec_reply(code);
  reply.http_status = http_status;
  reply.text = std::move(text);
  return reply;
}

HecReply reply_for_body(const Status& status) {
  if (status.code() == StatusCode::kTooLarge)
    return hec_reply_with_text(413, HecCode::kInvalidDataFormat, "Request entity too large");
  return splunk::hec_reply(HecCode::kInvalidDataFormat);
}

HecReply reply_for_store(const Status& status) {
  if (status.code() == StatusCode::kResourceExhausted || status.code() == StatusCode::kUnavailable)
    return splunk::hec_reply(HecCode::kServerBusy);
  return splunk::hec_reply(HecCode::kInternalError);
}

// The reply for an event that stopped the request ("No data" names no event).
HecReply reply_for_failure(const splunk::HecFailure& failure) {
  if (failure.code == HecCode::kNoData) return splunk::hec_reply(failure.code);
  return splunk::hec_reply(failure.code, failure.event_number);
}

splunk::HecMetadata metadata_of(const QueryParams& params) {
  auto get = [&](std::string_view name) {
    const std::string* value = params.get(name);
    return value ? std::string_view(*value) : std::string_view();
  };
  return {get("host"), get("source"), get("sourcetype"), get("index")};
}

class HecEndpoint : public std::enable_shared_from_this<HecEndpoint> {
 public:
  HecEndpoint(ApiContext& context, HecFormat format, std::string_view door_name)
      : context_(context), format_(format), door_(context.ingest_gate(), door_name) {}

  void handle(Request request, const Responder& respond);
  HttpResponse rejection(const HttpRequestHeader& header, http::status status,
                         std::string_view message);

 private:
  splunk::HecDecodeResult decode(std::string_view body, const QueryParams& params) const;
  void submit(splunk::HecDecodeResult result, uint64_t wire_bytes, const Responder& respond);
  void refuse(const Responder& respond, RejectReason reason, const HecReply& reply,
              uint64_t bytes);

  ApiContext& context_;
  HecFormat format_;
  IngestDoor door_;
};

void HecEndpoint::handle(Request request, const Responder& respond) {
  HttpRequest& message = request.message;
  uint64_t wire_bytes = message.body().size();
  door_.received(wire_bytes);
  splunk::HecCredentials credentials =
      splunk::read_hec_credentials(message[http::field::authorization]);
  if (!credentials.ok())
    return refuse(respond, RejectReason::kUnauthorized, splunk::hec_reply(credentials.refusal),
                  wire_bytes);
  // With auth on, the Router's RouteGuard has already checked the token and bound the tenant
  // header to it (server/auth/token_guard.h); with auth off any token is accepted.
  auto tenant = request_tenant(message);
  if (!tenant)
    return refuse(respond, RejectReason::kBadTenant,
                  hec_reply_with_text(400, HecCode::kInvalidDataFormat, tenant.status().message()),
                  wire_bytes);
  auto body = take_ingest_body(message, context_.limits().max_request_bytes);
  if (!body)
    return refuse(respond, reject_reason_for_body(body.status()), reply_for_body(body.status()),
                  wire_bytes);
  splunk::HecDecodeResult result = decode(*body, request.params);
  if (result.failure && result.batch.records.empty())
    return refuse(respond, RejectReason::kMalformed, reply_for_failure(*result.failure),
                  wire_bytes);
  result.batch.tenant = std::move(*tenant);
  submit(std::move(result), wire_bytes, respond);
}

splunk::HecDecodeResult HecEndpoint::decode(std::string_view body,
                                            const QueryParams& params) const {
  splunk::HecMetadata metadata = metadata_of(params);
  if (format_ == HecFormat::kRaw) return splunk::decode_hec_raw(body, metadata, now_unix_nanos());
  return splunk::decode_hec_events(body, metadata, now_unix_nanos());
}

void HecEndpoint::submit(splunk::HecDecodeResult result, uint64_t wire_bytes,
                         const Responder& respond) {
  std::optional<HecReply> failure;
  if (result.failure) {
    door_.partially_rejected(1);
    failure = reply_for_failure(*result.failure);
  }
  door_.submit(std::move(result.batch), wire_bytes,
               [self = shared_from_this(), respond, failure = std::move(failure)](Status status) {
                 if (!status.is_ok()) return respond(hec_response(reply_for_store(status)));
                 respond(hec_response(failure ? *failure : splunk::hec_reply(HecCode::kSuccess)));
               });
}

void HecEndpoint::refuse(const Responder& respond, RejectReason reason, const HecReply& reply,
                         uint64_t bytes) {
  door_.refused(reason, 0, bytes);
  respond(hec_response(reply));
}

HttpResponse HecEndpoint::rejection(const HttpRequestHeader& header, http::status status,
                                    std::string_view message) {
  RejectReason reason = reject_reason_for_status(status);
  door_.refused(reason, 0, declared_body_bytes(header));
  if (status == http::status::unauthorized)  // Splunk's answer to a token it does not know
    return hec_response(hec_reply_with_text(401, HecCode::kInvalidToken, "Invalid token"));
  HecCode code =
      reason == RejectReason::kUnauthorized ? HecCode::kInvalidToken : HecCode::kInvalidDataFormat;
  return hec_response(hec_reply_with_text(static_cast<int>(status), code, std::string(message)));
}

void add_hec_endpoint(Router& router, std::shared_ptr<HecEndpoint> endpoint,
                      std::initializer_list<const char*> paths) {
  for (const char* path : paths)
    router.add(
        http::verb::post, path,
        [endpoint](Request request, Responder respond) {
          endpoint->handle(std::move(request), respond);
        },
        [endpoint](const HttpRequestHeader& header, http::status status,
                   std::string_view message) { return endpoint->rejection(header, status, message); });
}

void handle_health(const ApiContext& context, const Responder& respond) {
  respond(hec_response(splunk::hec_reply(context.store() ? HecCode::kHealthy : HecCode::kUnhealthy)));
}

}  // namespace

void add_splunk_hec_routes(Router& router, ApiContext& context) {
  add_hec_endpoint(router,
                   std::make_shared<HecEndpoint>(context, HecFormat::kEvents, "/services/collector"),
                   {"/services/collector", "/services/collector/event",
                    "/services/collector/event/1.0"});
  add_hec_endpoint(router,
                   std::make_shared<HecEndpoint>(context, HecFormat::kRaw, "/services/collector/raw"),
                   {"/services/collector/raw", "/services/collector/raw/1.0"});
  Router::AccessScope health_is_public(router, RouteAccess::kPublic);
  for (const char* path : {"/services/collector/health", "/services/collector/health/1.0"})
    router.add(http::verb::get, path, [&context](Request, Responder respond) {
      handle_health(context, respond);
    });
}

}  // namespace weft::server::api
