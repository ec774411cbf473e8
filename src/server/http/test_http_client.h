// TestHttpClient: a blocking HTTP/1.1 client on one TCP connection, for tests only. Sends raw
// bytes or whole requests and reads responses with Beast's synchronous parser.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "server/http/http_types.h"

namespace weft::server::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

class TestHttpClient {
 public:
  // Connects to "host:port".
  explicit TestHttpClient(std::string_view host_port) : socket_(io_) {
    size_t colon = host_port.rfind(':');
    boost::asio::ip::tcp::resolver resolver(io_);
    boost::asio::connect(socket_, resolver.resolve(std::string(host_port.substr(0, colon)),
                                                   std::string(host_port.substr(colon + 1))));
    socket_.set_option(boost::asio::ip::tcp::no_delay(true));  // as real exporters do
  }

  void send_raw(std::string_view bytes) {
    boost::asio::write(socket_, boost::asio::buffer(bytes.data(), bytes.size()));
  }

  void send(http::verb method, std::string_view target, std::string body = {},
            const Headers& headers = {}) {
    HttpRequest request{method, target, 11};
    request.set(http::field::host, "test");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = std::move(body);
    request.prepare_payload();
    http::write(socket_, request);
  }

  // Reads one response (a 1xx interim response counts as one). Throws on a closed connection.
  // Reads the answer to a HEAD request: headers only, whatever Content-Length says.
  HttpResponse read_head() {
    http::response_parser<http::string_body> parser;
    parser.skip(true);
    http::read(socket_, buffer_, parser);
    return parser.release();
  }

  HttpResponse read() {
    HttpResponse response;
    http::read(socket_, buffer_, response);
    return response;
  }

  HttpResponse request(http::verb method, std::string_view target, std::string body = {},
                       const Headers& headers = {}) {
    send(method, target, std::move(body), headers);
    return read();
  }

  HttpResponse get(std::string_view target, const Headers& headers = {}) {
    return request(http::verb::get, target, {}, headers);
  }

  // True when the server has closed the connection (the next read sees end of stream).
  bool closed_by_server() {
    if (buffer_.size() > 0) return false;
    char byte;
    boost::system::error_code ec;
    socket_.read_some(boost::asio::buffer(&byte, 1), ec);
    return ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset;
  }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace weft::server::testing
