// Answers of weft's Elasticsearch-compatible endpoints (GET /, the bulk API): each carries
// X-Elastic-Product: Elasticsearch (errors too) and a Content-Type matching the request's
// Accept header (ingest/elastic/elastic_http.h).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "ingest/elastic/elastic_error.h"
#include "server/http/http_types.h"

namespace weft::server::api {

HttpResponse elastic_response(http::status status, std::string_view accept, std::string body);

// The error shape {"error":{"root_cause":[..],"type":..,"reason":..},"status":..}; 429 and
// 503 also carry Retry-After.
HttpResponse elastic_error_response(std::string_view accept,
                                    const ingest::elastic::ElasticError& error);

// The error to answer when the store refused a batch: 429 es_rejected_execution_exception
// (backpressure), 503 cluster_block_exception (starting or stopping), 500 otherwise.
ingest::elastic::ElasticError elastic_error_for_store(const Status& status);

}  // namespace weft::server::api
