#include "client/tcp_connection.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <optional>

namespace weft::client {

namespace asio = boost::asio;
using error_code = boost::system::error_code;

Result<TcpEndpoint> parse_tcp_endpoint(std::string_view text) {
  std::string_view rest = text;
  if (rest.substr(0, 6) == "tcp://") rest.remove_prefix(6);
  size_t colon = rest.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == rest.size())
    return Status::invalid("expected tcp://host:port, got \"" + std::string(text) + "\"");
  std::string_view host = rest.substr(0, colon);
  std::string_view port = rest.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (port.find_first_not_of("0123456789") != std::string_view::npos || port.size() > 5)
    return Status::invalid("bad port in \"" + std::string(text) + "\"");
  return TcpEndpoint{std::string(host), std::string(port)};
}

struct TcpConnection::Impl {
  TcpEndpoint endpoint;
  std::chrono::milliseconds timeout;
  asio::io_context io;
  std::optional<boost::beast::tcp_stream> stream;

  template <typename Start>
  error_code run(Start start) {
    error_code result = asio::error::would_block;
    start([&result](error_code ec, auto&&...) { result = ec; });
    io.restart();
    io.run();
    return result;
  }

  std::string where() const { return endpoint.host + ":" + endpoint.port; }

  void close() {
    if (!stream) return;
    error_code ignored;
    stream->socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    stream->close();
    stream.reset();
  }

  Status connect() {
    asio::ip::tcp::resolver resolver(io);
    error_code ec;
    auto results = resolver.resolve(endpoint.host, endpoint.port, ec);
    if (ec) return Status::io_error("cannot resolve " + endpoint.host + ": " + ec.message());
    stream.emplace(io);
    stream->expires_after(timeout);
    ec = run([&](auto handler) { stream->async_connect(results, std::move(handler)); });
    if (ec) {
      close();
      return Status::io_error("cannot connect to " + where() + ": " + ec.message());
    }
    return Status::ok();
  }
};

TcpConnection::TcpConnection(TcpEndpoint endpoint, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
  impl_->endpoint = std::move(endpoint);
  impl_->timeout = timeout;
}

TcpConnection::~TcpConnection() { impl_->close(); }

Status TcpConnection::write(std::string_view bytes) {
  if (!impl_->stream) WEFT_RETURN_IF_ERROR(impl_->connect());
  impl_->stream->expires_after(impl_->timeout);
  error_code ec = impl_->run([&](auto handler) {
    asio::async_write(*impl_->stream, asio::buffer(bytes.data(), bytes.size()), std::move(handler));
  });
  if (!ec) return Status::ok();
  impl_->close();
  return Status::io_error("write to " + impl_->where() + " failed: " + ec.message());
}

Status TcpConnection::finish() {
  if (!impl_->stream) return Status::ok();
  error_code ec;
  impl_->stream->socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  char sink[512];
  while (!ec) {
    impl_->stream->expires_after(impl_->timeout);
    ec = impl_->run([&](auto handler) {
      impl_->stream->async_read_some(asio::buffer(sink), std::move(handler));
    });
  }
  impl_->close();
  if (ec == asio::error::eof) return Status::ok();
  return Status::io_error("closing " + impl_->where() + ": " + ec.message());
}

}  // namespace weft::client
