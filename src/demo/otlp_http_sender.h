// OtlpHttpSender: POSTs protobuf OTLP export requests to one weft (or any OTLP/HTTP receiver)
// over a client::HttpConnection (kept-alive HTTP/1.1, a timeout per step, one resend on a
// connection the server closed; only http://).
//
// Each post() sends `Content-Type: application/x-protobuf` (and `X-Scope-OrgID` when a tenant
// is set) and waits for the response. Not thread-safe: one sender per thread.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "client/http_connection.h"
#include "client/http_endpoint.h"
#include "common/status.h"

namespace weft::demo {

using client::HttpEndpoint;
using client::parse_http_endpoint;
using client::parse_retry_after;
using PostResponse = client::Response;

class OtlpHttpSender {
 public:
  OtlpHttpSender(HttpEndpoint endpoint, std::string tenant,
                 std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // POSTs `body` to base_path + `path` ("/v1/traces"). Any HTTP status is a response;
  // kIoError when none came (cannot connect, connection lost, timeout).
  Result<PostResponse> post(std::string_view path, const std::string& body);

 private:
  std::string tenant_;
  client::HttpConnection connection_;
};

}  // namespace weft::demo
