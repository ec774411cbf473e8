// OtlpHttpSender: a small blocking OTLP/HTTP client: POSTs protobuf export requests to one
// weft (or any OTLP/HTTP receiver) over a kept-alive HTTP/1.1 connection.
//
// Each post() sends `Content-Type: application/x-protobuf` (and `X-Scope-OrgID` when a tenant
// is set) and waits for the response, with a timeout on every step. The connection is opened
// on first use and reused; when a reused connection turns out to be closed by the server, the
// request is sent once more on a new one. Only http:// endpoints (no TLS).
// Not thread-safe: one sender per thread.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace weft::demo {

struct HttpEndpoint {
  std::string host;
  std::string port;       // "4318"
  std::string base_path;  // "" or "/otlp" (no trailing slash): prefixed to request paths
};

// Parses "http://host[:port][/path]" (port 80 when absent; "[::1]:4318" for IPv6).
Result<HttpEndpoint> parse_http_endpoint(std::string_view url);

// The seconds of a Retry-After header in its delta-seconds form; nullopt for anything else
// (including the HTTP-date form, which a sender then treats as absent).
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value);

struct PostResponse {
  int status = 0;
  std::optional<std::chrono::seconds> retry_after;
  std::string body;
};

class OtlpHttpSender {
 public:
  OtlpHttpSender(HttpEndpoint endpoint, std::string tenant,
                 std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~OtlpHttpSender();
  OtlpHttpSender(const OtlpHttpSender&) = delete;
  OtlpHttpSender& operator=(const OtlpHttpSender&) = delete;

  // POSTs `body` to base_path + `path` ("/v1/traces"). Any HTTP status is a response;
  // kIoError when none came (cannot connect, connection lost, timeout).
  Result<PostResponse> post(std::string_view path, const std::string& body);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::demo
