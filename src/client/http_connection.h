// HttpConnection: a blocking HTTP/1.1 client that sends prepared requests to one endpoint over
// one kept-alive connection (used by `weft demo` and `weft loadgen`).
//
// Requests are prepared by the caller (prepare_post) and written as they are: sending costs no
// encoding and no copying, so one prepared request may be sent many times, by many
// connections. Every step (connect, write, read) has its own timeout. The connection is opened
// on first use and reused; when a reused connection turns out to be closed by the server, the
// request is sent once more on a new one. Only http:// endpoints (no TLS).
// Not thread-safe: one connection per thread; a Request may be shared read-only.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "client/http_endpoint.h"
#include "common/status.h"

namespace weft::client {

using Request = boost::beast::http::request<boost::beast::http::string_body>;

struct Response {
  int status = 0;
  std::optional<std::chrono::seconds> retry_after;  // a delta-seconds Retry-After header
  std::string body;
};

// A POST of `body` to endpoint.base_path + `path`, with its Host, Content-Type,
// Content-Length, User-Agent, keep-alive and (when `tenant` is not empty) X-Scope-OrgID
// headers.
Request prepare_post(const HttpEndpoint& endpoint, std::string_view path,
                     std::string_view content_type, std::string_view tenant, std::string body,
                     std::string_view user_agent = "weft");

class HttpConnection {
 public:
  HttpConnection(HttpEndpoint endpoint,
                 std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  const HttpEndpoint& endpoint() const;

  // Sends `request` and waits for its response. Any HTTP status is a response; kIoError when
  // none came (cannot connect, connection lost, timeout).
  Result<Response> send(const Request& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::client
