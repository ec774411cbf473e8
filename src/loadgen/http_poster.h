// HttpPoster: a blocking HTTP/1.1 client that sends prepared POST requests over one kept-alive
// connection, as fast as the server acknowledges them.
//
// Unlike demo::OtlpHttpSender (whose Content-Type is fixed to protobuf and which copies the
// body into each request), requests here are prepared once, with any Content-Type, before the
// load starts, and then written as they are: sending costs no encoding and no copying. The
// endpoint syntax and the timeout-per-step approach are the demo sender's. When a reused
// connection turns out closed, the request is sent once more on a new one. Only http://.
// Not thread-safe: one poster per connection thread; a PreparedRequest may be shared
// read-only by many posters.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "demo/otlp_http_sender.h"

namespace weft::loadgen {

using PreparedRequest = boost::beast::http::request<boost::beast::http::string_body>;

// A POST of `body` to endpoint.base_path + `path`, with its Host, Content-Type,
// Content-Length, keep-alive and (when `tenant` is not empty) X-Scope-OrgID headers.
PreparedRequest prepare_post(const demo::HttpEndpoint& endpoint, std::string_view path,
                             std::string_view content_type, std::string_view tenant,
                             std::string body);

class HttpPoster {
 public:
  HttpPoster(demo::HttpEndpoint endpoint, std::chrono::milliseconds timeout);
  ~HttpPoster();
  HttpPoster(const HttpPoster&) = delete;
  HttpPoster& operator=(const HttpPoster&) = delete;

  // The response's status code; kIoError when no response came.
  Result<int> post(const PreparedRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::loadgen
