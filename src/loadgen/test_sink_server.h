// TestSinkServer (tests only): a tiny in-process HTTP/1.1 server on 127.0.0.1 that accepts any
// POST, remembers each request's target, Content-Type and body, and answers with a fixed
// status. Keep-alive; one io thread. For testing loadgen's clients without a real backend.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace weft::loadgen::testing {

struct SeenRequest {
  std::string target;
  std::string content_type;
  std::string tenant;
  std::string authorization;
  std::string body;
  std::string content_encoding;
};

class TestSinkServer {
 public:
  explicit TestSinkServer(int status = 204)
      : status_(status), acceptor_(io_, {boost::asio::ip::make_address("127.0.0.1"), 0}) {
    accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~TestSinkServer() {
    io_.stop();
    thread_.join();
  }

  std::string endpoint() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port());
  }
  std::vector<SeenRequest> requests() {
    std::lock_guard lock(mu_);
    return seen_;
  }

 private:
  using tcp = boost::asio::ip::tcp;
  struct Session {
    explicit Session(tcp::socket s) : socket(std::move(s)) {}
    tcp::socket socket;
    boost::beast::flat_buffer buffer;
    boost::beast::http::request<boost::beast::http::string_body> request;
    boost::beast::http::response<boost::beast::http::empty_body> response;
  };

  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (ec) return;
      read(std::make_shared<Session>(std::move(socket)));
      accept();
    });
  }

  void read(std::shared_ptr<Session> s) {
    s->request = {};
    boost::beast::http::async_read(
        s->socket, s->buffer, s->request, [this, s](boost::system::error_code ec, size_t) {
          if (ec) return;
          remember(s->request);
          s->response = {static_cast<boost::beast::http::status>(status_), 11};
          s->response.keep_alive(s->request.keep_alive());
          s->response.prepare_payload();
          boost::beast::http::async_write(s->socket, s->response,
                                          [this, s](boost::system::error_code ec, size_t) {
                                            if (!ec) read(s);
                                          });
        });
  }

  void remember(const boost::beast::http::request<boost::beast::http::string_body>& r) {
    SeenRequest seen{std::string(r.target()),
                     std::string(r[boost::beast::http::field::content_type]),
                     std::string(r["X-Scope-OrgID"]),
                     std::string(r[boost::beast::http::field::authorization]), r.body(),
                     std::string(r[boost::beast::http::field::content_encoding])};
    std::lock_guard lock(mu_);
    seen_.push_back(std::move(seen));
  }

  int status_;
  boost::asio::io_context io_;
  tcp::acceptor acceptor_;
  std::thread thread_;
  std::mutex mu_;
  std::vector<SeenRequest> seen_;
};

}  // namespace weft::loadgen::testing
