#include "client/http_connection.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace weft::client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using error_code = boost::system::error_code;

namespace {
constexpr size_t kReadBufferBytes = 64 * 1024;
}  // namespace

Request prepare_post(const HttpEndpoint& endpoint, std::string_view path,
                     std::string_view content_type, std::string_view tenant, std::string body,
                     std::string_view user_agent) {
  Request request{http::verb::post, endpoint.base_path + std::string(path), 11};
  request.set(http::field::host, endpoint.host + ":" + endpoint.port);
  request.set(http::field::content_type, content_type);
  request.set(http::field::user_agent, user_agent);
  if (!tenant.empty()) request.set("X-Scope-OrgID", tenant);
  request.keep_alive(true);
  request.body() = std::move(body);
  request.prepare_payload();
  return request;
}

struct HttpConnection::Impl {
  HttpEndpoint endpoint;
  std::chrono::milliseconds timeout;
  asio::io_context io;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;

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

  Result<Response> exchange(const Request& request) {
    stream->expires_after(timeout);
    error_code ec = run([&](auto handler) {
      http::async_write(*stream, request, std::move(handler));
    });
    http::response<http::string_body> response;
    if (!ec) {
      stream->expires_after(timeout);
      ec = run([&](auto handler) {
        http::async_read(*stream, buffer, response, std::move(handler));
      });
    }
    if (ec) {
      close();
      return Status::io_error("request to " + endpoint.host + ":" + endpoint.port +
                              " failed: " + ec.message());
    }
    Response out;
    out.status = static_cast<int>(response.result_int());
    auto retry_after = response.find(http::field::retry_after);
    if (retry_after != response.end()) out.retry_after = parse_retry_after(retry_after->value());
    out.body = std::move(response.body());
    if (response.need_eof()) close();
    return out;
  }
};

HttpConnection::HttpConnection(HttpEndpoint endpoint, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
  impl_->endpoint = std::move(endpoint);
  impl_->timeout = timeout;
  // Beast sizes each socket read by the buffer's free capacity (at least 512 bytes): without
  // room, a 200 KB response (an Elasticsearch bulk answer) takes ~400 reads.
  impl_->buffer.reserve(kReadBufferBytes);
}

HttpConnection::~HttpConnection() { impl_->close(); }

const HttpEndpoint& HttpConnection::endpoint() const { return impl_->endpoint; }

Result<Response> HttpConnection::send(const Request& request) {
  bool reused = impl_->stream.has_value();
  if (!reused) WEFT_RETURN_IF_ERROR(impl_->connect());
  Result<Response> response = impl_->exchange(request);
  if (response.is_ok() || !reused) return response;
  // The server may have closed the idle connection: once more on a fresh one.
  WEFT_RETURN_IF_ERROR(impl_->connect());
  return impl_->exchange(request);
}

}  // namespace weft::client
