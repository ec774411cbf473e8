// POST (or PUT) /_bulk and /{index}/_bulk: the Elasticsearch bulk API (docs/api.md,
// "Elasticsearch bulk"; mapping in docs/ingest.md).
//
// On the io thread: content type, tenant, inflating, decoding, and writing the response's
// items (so that the store's callback, on the WAL thread, only wraps them). The stored
// documents go through the ingest gate; the answer is sent once they are durable: 200 with an
// item per action (errors: true when some documents were refused), or the whole request is
// refused in Elasticsearch's error shape (400 malformed, 406 content type, 413 too large,
// 429 backpressure, 503 starting or stopping).
#include <chrono>
#include <memory>

#include "common/time.h"
#include "ingest/elastic/bulk_request.h"
#include "ingest/elastic/bulk_response.h"
#include "ingest/elastic/elastic_http.h"
#include "server/api/api.h"
#include "server/api/elastic_responses.h"
#include "server/api/ingest_request.h"
#include "server/api/tenant.h"
#include "server/ingest/ingest_gate.h"

namespace weft::server::api {

namespace {

namespace elastic = ingest::elastic;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kDoorName = "/_bulk";

elastic::ElasticError error_for_body(const Status& status) {
  switch (status.code()) {
    case StatusCode::kTooLarge: return {413, std::string(elastic::kContentTooLong), status.message()};
    case StatusCode::kUnsupported: return {415, std::string(elastic::kIllegalArgument), status.message()};
    default: return {400, std::string(elastic::kIllegalArgument), status.message()};
  }
}

uint64_t millis_since(Clock::time_point start) {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

class ElasticBulkEndpoint : public std::enable_shared_from_this<ElasticBulkEndpoint> {
 public:
  explicit ElasticBulkEndpoint(ApiContext& context)
      : context_(context), door_(context.ingest_gate(), kDoorName) {}

  void handle(Request request, const Responder& respond);
  HttpResponse rejection(const HttpRequestHeader& header, http::status status,
                         std::string_view message);

 private:
  struct Pending {
    Clock::time_point start;
    std::string accept;
    std::string rest;  // the answer after "took" (bulk_response_rest)
  };

  void submit(elastic::BulkRequest bulk, Pending pending, uint64_t wire_bytes,
              const Responder& respond);
  void refuse(const Responder& respond, std::string_view accept, RejectReason reason,
              elastic::ElasticError error, uint64_t bytes);

  ApiContext& context_;
  IngestDoor door_;
};

void ElasticBulkEndpoint::handle(Request request, const Responder& respond) {
  HttpRequest& message = request.message;
  uint64_t wire_bytes = message.body().size();
  door_.received(wire_bytes);
  Pending pending{Clock::now(), std::string(message[http::field::accept]), {}};
  std::string_view content_type = message[http::field::content_type];
  if (!elastic::is_bulk_content_type(content_type))
    return refuse(respond, pending.accept, RejectReason::kUnsupportedMediaType,
                  {406, std::string(elastic::kMediaType),
                   "Content-Type header [" + std::string(content_type.substr(0, 128)) +
                       "] is not supported; send application/x-ndjson"},
                  wire_bytes);
  auto tenant = request_tenant(message);
  if (!tenant)
    return refuse(respond, pending.accept, RejectReason::kBadTenant,
                  {400, std::string(elastic::kIllegalArgument), tenant.status().message()},
                  wire_bytes);
  auto body = take_ingest_body(message, context_.limits().max_request_bytes);
  if (!body)
    return refuse(respond, pending.accept, reject_reason_for_body(body.status()),
                  error_for_body(body.status()), wire_bytes);
  elastic::BulkOptions options{request.path_param, now_unix_nanos()};
  elastic::BulkRequest bulk = elastic::decode_bulk_request(*body, options);
  if (bulk.error)
    return refuse(respond, pending.accept, RejectReason::kMalformed, std::move(*bulk.error),
                  wire_bytes);
  bulk.batch.tenant = std::move(*tenant);
  submit(std::move(bulk), std::move(pending), wire_bytes, respond);
}

void ElasticBulkEndpoint::submit(elastic::BulkRequest bulk, Pending pending, uint64_t wire_bytes,
                                 const Responder& respond) {
  size_t failed = bulk.failed_items();
  if (failed > 0) door_.partially_rejected(failed);
  pending.rest = elastic::bulk_response_rest(bulk.items);
  door_.submit(std::move(bulk.batch), wire_bytes,
               [self = shared_from_this(), respond, pending = std::move(pending)](Status status) {
                 if (!status.is_ok())
                   return respond(
                       elastic_error_response(pending.accept, elastic_error_for_store(status)));
                 respond(elastic_response(
                     http::status::ok, pending.accept,
                     elastic::bulk_response(millis_since(pending.start), pending.rest)));
               });
}

void ElasticBulkEndpoint::refuse(const Responder& respond, std::string_view accept,
                                 RejectReason reason, elastic::ElasticError error,
                                 uint64_t bytes) {
  door_.refused(reason, 0, bytes);
  respond(elastic_error_response(accept, error));
}

HttpResponse ElasticBulkEndpoint::rejection(const HttpRequestHeader& header, http::status status,
                                            std::string_view message) {
  RejectReason reason = reject_reason_for_status(status);
  door_.refused(reason, 0, declared_body_bytes(header));
  std::string_view type = reason == RejectReason::kTooLarge      ? elastic::kContentTooLong
                          : reason == RejectReason::kUnauthorized ? elastic::kSecurityException
                                                                  : elastic::kIllegalArgument;
  elastic::ElasticError error{static_cast<int>(status), std::string(type), std::string(message)};
  return elastic_error_response(header[http::field::accept], error);
}

}  // namespace

void add_elastic_bulk_routes(Router& router, ApiContext& context) {
  auto endpoint = std::make_shared<ElasticBulkEndpoint>(context);
  auto handler = [endpoint](Request request, Responder respond) {
    endpoint->handle(std::move(request), respond);
  };
  auto rejection = [endpoint](const HttpRequestHeader& header, http::status status,
                              std::string_view message) {
    return endpoint->rejection(header, status, message);
  };
  for (const char* path : {"/_bulk", "/{index}/_bulk"})
    for (http::verb method : {http::verb::post, http::verb::put})
      router.add(method, path, handler, rejection);
}

}  // namespace weft::server::api
