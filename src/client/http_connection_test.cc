// HttpConnection against a tiny fake server: prepared headers, keep-alive, Retry-After, the
// resend on a connection the server closed, and an unreachable endpoint.
#include "client/http_connection.h"

#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <mutex>
#include <thread>
#include <vector>

namespace weft::client {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

struct Seen {
  std::string target, content_type, tenant, user_agent, body;
  int connection = 0;
};

// Serves `connections` connections one at a time, answering `per_connection` requests on each
// (429 with Retry-After: 2 to the second request overall, 200 otherwise) before closing it.
class FakeServer {
 public:
  FakeServer(int connections, int per_connection)
      : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this, connections, per_connection] {
      int n = 0;
      for (int c = 1; c <= connections; ++c) {
        tcp::socket socket(io_);
        boost::system::error_code ec;
        acceptor_.accept(socket, ec);
        if (ec) return;
        boost::beast::flat_buffer buffer;
        for (int i = 0; i < per_connection; ++i) {
          Request request;
          http::read(socket, buffer, request, ec);
          if (ec) break;
          {
            std::lock_guard lock(mu_);
            seen_.push_back({std::string(request.target()),
                             std::string(request[http::field::content_type]),
                             std::string(request["X-Scope-OrgID"]),
                             std::string(request[http::field::user_agent]), request.body(), c});
          }
          bool throttle = ++n == 2;
          http::response<http::string_body> response{
              throttle ? http::status::too_many_requests : http::status::ok, 11};
          if (throttle) response.set(http::field::retry_after, "2");
          response.body() = "ok";
          response.prepare_payload();
          http::write(socket, response, ec);
          if (ec) break;
        }
        socket.close(ec);
      }
    });
  }
  ~FakeServer() { thread_.join(); }
  HttpEndpoint endpoint() const {
    return {"127.0.0.1", std::to_string(acceptor_.local_endpoint().port()), "/base"};
  }
  std::vector<Seen> seen() {
    std::lock_guard lock(mu_);
    return seen_;
  }

 private:
  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::mutex mu_;
  std::vector<Seen> seen_;
  std::thread thread_;
};

TEST(HttpConnection, SendsPreparedRequestsOnOneConnection) {
  FakeServer server(1, 2);
  {
    HttpConnection connection(server.endpoint());
    Request request =
        prepare_post(server.endpoint(), "/v1/logs", "application/json", "acme", "{}", "test");
    auto first = connection.send(request);
    ASSERT_TRUE(first.is_ok()) << first.status().to_string();
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(first->body, "ok");
    EXPECT_EQ(first->retry_after, std::nullopt);
    auto second = connection.send(request);
    ASSERT_TRUE(second.is_ok()) << second.status().to_string();
    EXPECT_EQ(second->status, 429);
    EXPECT_EQ(second->retry_after, std::chrono::seconds(2));
  }
  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].target, "/base/v1/logs");
  EXPECT_EQ(seen[0].content_type, "application/json");
  EXPECT_EQ(seen[0].tenant, "acme");
  EXPECT_EQ(seen[0].user_agent, "test");
  EXPECT_EQ(seen[0].body, "{}");
  EXPECT_EQ(seen[1].connection, 1) << "keep-alive";
}

TEST(HttpConnection, ResendsOnceWhenTheServerClosedTheConnection) {
  FakeServer server(2, 1);  // closes each connection after one request
  {
    HttpConnection connection(server.endpoint());
    Request request = prepare_post(server.endpoint(), "/x", "text/plain", "", "a");
    auto first = connection.send(request);
    ASSERT_TRUE(first.is_ok()) << first.status().to_string();
    EXPECT_EQ(first->status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let the close arrive
    auto second = connection.send(request);
    ASSERT_TRUE(second.is_ok()) << second.status().to_string();
    EXPECT_EQ(second->status, 429);
  }
  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].tenant, "");
  EXPECT_EQ(seen[1].connection, 2);
}

TEST(HttpConnection, ReportsAnUnreachableEndpoint) {
  asio::io_context io;
  tcp::acceptor probe(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  HttpEndpoint endpoint{"127.0.0.1", std::to_string(probe.local_endpoint().port()), ""};
  probe.close();
  HttpConnection connection(endpoint, std::chrono::milliseconds(2000));
  auto r = connection.send(prepare_post(endpoint, "/x", "text/plain", "", "x"));
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace weft::client
