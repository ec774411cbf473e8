// LokiQueryClient: sends LogQL queries to a weft (or any Loki) over its HTTP API, as
// `weft query` does: POST /loki/api/v1/query_range or /loki/api/v1/query with the
// parameters as a form body. Returns the status and body as they came.
// Not thread-safe: one client per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/http_connection.h"
#include "common/status.h"

namespace weft::client {

struct LokiQuery {
  std::string query;
  bool instant = false;
  int64_t start_ns = 0;  // range queries
  int64_t end_ns = 0;    // range queries; the evaluation time of an instant query
  uint32_t limit = 30;
  bool forward = false;
  std::optional<int64_t> step_ns;
};

class LokiQueryClient {
 public:
  LokiQueryClient(HttpEndpoint endpoint, std::string tenant,
                  std::chrono::milliseconds timeout = std::chrono::minutes(2));

  // kIoError when no response came; any HTTP status is a response.
  Result<Response> run(const LokiQuery& query);

  // The form body of a query (exposed for tests).
  static std::string form_body(const LokiQuery& query);

 private:
  HttpEndpoint endpoint_;
  std::string tenant_;
  HttpConnection connection_;
};

}  // namespace weft::client
