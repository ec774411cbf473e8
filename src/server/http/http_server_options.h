// Settings of an HttpServer: threads, size limits, timeouts and TLS.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include <boost/asio/ssl/context.hpp>

namespace weft::server {

struct HttpServerOptions {
  // Threads running the io_context; 0 means std::thread::hardware_concurrency().
  int threads = 0;
  // Largest request body accepted (after de-chunking, before any Content-Encoding); larger
  // bodies are answered with 413.
  uint64_t max_body_bytes = 20ull << 20;
  // Largest request start line plus header fields; larger ones get 431.
  uint32_t max_header_bytes = 64u << 10;
  // How long a keep-alive connection may wait for its next request.
  std::chrono::milliseconds idle_timeout{120'000};
  // How long reading one request body, or writing one response, may take.
  std::chrono::milliseconds io_timeout{60'000};
  // After a rejection (413, 431, 400) the rest of the request is read and dropped, up to this
  // long, so the client sees the answer instead of a connection reset.
  std::chrono::milliseconds linger_timeout{2'000};
  // Serve HTTPS on every listener with this context (tls_context.h); nullptr serves plain HTTP.
  std::shared_ptr<boost::asio::ssl::context> tls;
};

}  // namespace weft::server
