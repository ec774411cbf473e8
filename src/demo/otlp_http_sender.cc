#include "demo/otlp_http_sender.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <charconv>

namespace weft::demo {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using error_code = boost::system::error_code;

Result<HttpEndpoint> parse_http_endpoint(std::string_view url) {
  constexpr std::string_view kScheme = "http://";
  auto bad = [&](std::string why) {
    return Status::invalid("endpoint \"" + std::string(url) + "\": " + why);
  };
  if (url.substr(0, kScheme.size()) != kScheme) return bad("expected http://host:port");
  std::string_view rest = url.substr(kScheme.size());
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);

  HttpEndpoint e;
  e.base_path = std::string(path);
  e.port = "80";
  size_t colon = authority.rfind(':');
  size_t bracket = authority.rfind(']');
  bool has_port = colon != std::string_view::npos &&
                  (bracket == std::string_view::npos || colon > bracket);
  e.host = std::string(has_port ? authority.substr(0, colon) : authority);
  if (has_port) {
    e.port = std::string(authority.substr(colon + 1));
    unsigned port = 0;
    auto [end, ec] = std::from_chars(e.port.data(), e.port.data() + e.port.size(), port);
    if (ec != std::errc() || end != e.port.data() + e.port.size() || port == 0 || port > 65535)
      return bad("bad port");
  }
  if (e.host.size() >= 2 && e.host.front() == '[' && e.host.back() == ']')
    e.host = e.host.substr(1, e.host.size() - 2);
  if (e.host.empty()) return bad("missing host");
  return e;
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  int64_t seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || seconds < 0)
    return std::nullopt;
  return std::chrono::seconds(seconds);
}

struct OtlpHttpSender::Impl {
  HttpEndpoint endpoint;
  std::string tenant;
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

  Result<PostResponse> exchange(const http::request<http::string_body>& request) {
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
    PostResponse out;
    out.status = static_cast<int>(response.result_int());
    auto retry_after = response.find(http::field::retry_after);
    if (retry_after != response.end()) out.retry_after = parse_retry_after(retry_after->value());
    out.body = std::move(response.body());
    if (response.need_eof()) close();
    return out;
  }
};

OtlpHttpSender::OtlpHttpSender(HttpEndpoint endpoint, std::string tenant,
                               std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
  impl_->endpoint = std::move(endpoint);
  impl_->tenant = std::move(tenant);
  impl_->timeout = timeout;
}

OtlpHttpSender::~OtlpHttpSender() { impl_->close(); }

Result<PostResponse> OtlpHttpSender::post(std::string_view path, const std::string& body) {
  http::request<http::string_body> request{http::verb::post, impl_->endpoint.base_path + std::string(path), 11};
  request.set(http::field::host, impl_->endpoint.host + ":" + impl_->endpoint.port);
  request.set(http::field::content_type, "application/x-protobuf");
  request.set(http::field::user_agent, "weft-demo");
  if (!impl_->tenant.empty()) request.set("X-Scope-OrgID", impl_->tenant);
  request.keep_alive(true);
  request.body() = body;
  request.prepare_payload();

  bool reused = impl_->stream.has_value();
  if (!reused) WEFT_RETURN_IF_ERROR(impl_->connect());
  Result<PostResponse> response = impl_->exchange(request);
  if (response.is_ok() || !reused) return response;
  // The server may have closed the idle connection: once more on a fresh one.
  WEFT_RETURN_IF_ERROR(impl_->connect());
  return impl_->exchange(request);
}

}  // namespace weft::demo
