#include "server/api/elastic_responses.h"

#include "ingest/elastic/elastic_http.h"

namespace weft::server::api {

namespace elastic = ingest::elastic;

namespace {

constexpr std::string_view kRetryAfterSeconds = "1";

}  // namespace

HttpResponse elastic_response(http::status status, std::string_view accept, std::string body) {
  HttpResponse response =
      make_response(status, elastic::elastic_content_type(accept), std::move(body));
  response.set(elastic::kProductHeader, elastic::kProductName);
  return response;
}

HttpResponse elastic_error_response(std::string_view accept, const elastic::ElasticError& error) {
  auto status = static_cast<http::status>(error.status);
  HttpResponse response = elastic_response(status, accept, elastic::elastic_error_body(error));
  if (status == http::status::too_many_requests || status == http::status::service_unavailable)
    response.set(http::field::retry_after, kRetryAfterSeconds);
  return response;
}

elastic::ElasticError elastic_error_for_store(const Status& status) {
  switch (status.code()) {
    case StatusCode::kResourceExhausted:
      return {429, std::string(elastic::kRejectedExecution), status.message()};
    case StatusCode::kUnavailable:
      return {503, std::string(elastic::kClusterBlock), status.message()};
    default: return {500, std::string(elastic::kInternal), status.message()};
  }
}

}  // namespace weft::server::api
