#include "loadgen/http_poster.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <optional>

namespace weft::loadgen {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using error_code = boost::system::error_code;

PreparedRequest prepare_post(const demo::HttpEndpoint& endpoint, std::string_view path,
                             std::string_view content_type, std::string_view tenant,
                             std::string body) {
  PreparedRequest request{http::verb::post, endpoint.base_path + std::string(path), 11};
  request.set(http::field::host, endpoint.host + ":" + endpoint.port);
  request.set(http::field::content_type, content_type);
  request.set(http::field::user_agent, "weft-loadgen");
  if (!tenant.empty()) request.set("X-Scope-OrgID", tenant);
  request.keep_alive(true);
  request.body() = std::move(body);
  request.prepare_payload();
  return request;
}

struct HttpPoster::Impl {
  demo::HttpEndpoint endpoint;
  std::chrono::milliseconds timeout;
  asio::io_context io;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;
  http::response<http::string_body> response;

  // Runs one asynchronous operation to completion on `io`, under the stream's deadline.
  template <typename Start>
  error_code run(Start start) {
    error_code result = asio::error::would_block;
    start([&result](error_code ec, auto&&...) { result = ec; });
    io.restart();
    io.run();
    return result;
  }

  void close() {
    if (stream) {
      error_code ignored;
      stream->socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
      stream->close();
    }
    stream.reset();
    buffer.clear();
  }

  Status connect() {
    close();
    asio::ip::tcp::resolver resolver(io);
    error_code ec;
    auto results = resolver.resolve(endpoint.host, endpoint.port, ec);
    if (ec) return Status::io_error("cannot resolve " + endpoint.host + ": " + ec.message());
    stream.emplace(io);
    stream->expires_after(timeout);
    ec = run([&](auto handler) { stream->async_connect(results, std::move(handler)); });
    if (ec) {
      close();
      return Status::io_error("cannot connect to " + endpoint.host + ":" + endpoint.port + ": " +
                              ec.message());
    }
    stream->socket().set_option(asio::ip::tcp::no_delay(true), ec);
    return Status::ok();
  }

  Result<int> exchange(const PreparedRequest& request) {
    stream->expires_after(timeout);
    error_code ec = run([&](auto handler) { http::async_write(*stream, request, std::move(handler)); });
    response = {};
    if (!ec) {
      stream->expires_after(timeout);
      ec = run([&](auto handler) { http::async_read(*stream, buffer, response, std::move(handler)); });
    }
    if (ec) {
      close();
      return Status::io_error("request to " + endpoint.host + ":" + endpoint.port +
                              " failed: " + ec.message());
    }
    int status = static_cast<int>(response.result_int());
    if (response.need_eof()) close();
    return status;
  }
};

HttpPoster::HttpPoster(demo::HttpEndpoint endpoint, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
  impl_->endpoint = std::move(endpoint);
  impl_->timeout = timeout;
}

HttpPoster::~HttpPoster() { impl_->close(); }

Result<int> HttpPoster::post(const PreparedRequest& request) {
  bool reused = impl_->stream.has_value();
  if (!reused) WEFT_RETURN_IF_ERROR(impl_->connect());
  Result<int> status = impl_->exchange(request);
  if (status.is_ok() || !reused) return status;
  // The server may have closed the idle connection: once more on a fresh one.
  WEFT_RETURN_IF_ERROR(impl_->connect());
  return impl_->exchange(request);
}

}  // namespace weft::loadgen
