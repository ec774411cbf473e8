#include "server/http/http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>

#include "server/http/responses.h"
#include "server/http/test_http_client.h"

namespace weft::server {
namespace {

using namespace std::chrono_literals;
using testing::TestHttpClient;

// Answers by path: /echo returns the body; /later answers from another thread after 100 ms;
// /slow after 500 ms; /drop never answers; /empty answers 204; /abandon keeps the Responder
// and notes when the client goes away.
class TestHandler : public HttpHandler {
 public:
  ~TestHandler() override { join(); }

  void handle(HttpRequest request, Responder respond) override {
    ++handled;
    std::string target(request.target());
    if (target == "/later") return answer_later(respond, 100ms, "later");
    if (target == "/slow") return answer_later(respond, 500ms, "slow");
    if (target == "/drop") return;
    if (target == "/empty") return respond(HttpResponse{http::status::no_content, 11});
    if (target == "/abandon") {
      respond.on_abandoned([this] { abandoned = true; });
      std::lock_guard lock(mu_);
      kept_.push_back(respond);
      return;
    }
    respond(make_response(http::status::ok, "text/plain", std::move(request.body())));
  }

  HttpResponse rejection(const HttpRequestHeader& header, http::status status,
                         std::string_view message) override {
    return json_error(status, message);
  }

  void join() {
    std::lock_guard lock(mu_);
    for (auto& t : threads_) t.join();
    threads_.clear();
    for (auto& r : kept_) r(make_response(http::status::ok, "text/plain", "late"));
    kept_.clear();
  }

  std::atomic<int> handled{0};
  std::atomic<bool> abandoned{false};

 private:
  void answer_later(Responder respond, std::chrono::milliseconds delay, std::string text) {
    std::lock_guard lock(mu_);
    threads_.emplace_back([respond, delay, text] {
      std::this_thread::sleep_for(delay);
      respond(make_response(http::status::ok, "text/plain", text));
    });
  }

  std::mutex mu_;
  std::vector<std::thread> threads_;
  std::vector<Responder> kept_;
};

class HttpServerTest : public ::testing::Test {
 protected:
  HttpServerTest() {
    HttpServerOptions options;
    options.threads = 2;
    options.max_body_bytes = 1024;
    options.max_header_bytes = 2048;
    server_ = std::make_unique<HttpServer>(options, handler_);
    EXPECT_TRUE(server_->listen("127.0.0.1:0"));
    server_->start();
    address_ = server_->bound_addresses().at(0);
  }
  ~HttpServerTest() override {
    server_->stop(2000ms);
    handler_.join();
  }

  TestHandler handler_;
  std::unique_ptr<HttpServer> server_;
  std::string address_;
};

TEST_F(HttpServerTest, ReadsContentLengthBody) {
  TestHttpClient client(address_);
  client.send_raw("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello");
  auto response = client.read();
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response.body(), "hello");
  EXPECT_TRUE(response.keep_alive());
}

TEST_F(HttpServerTest, NoContentHasNoContentLength) {
  TestHttpClient client(address_);
  for (int i = 0; i < 2; ++i) {  // and the connection stays usable
    auto response = client.request(http::verb::post, "/empty", "x");
    EXPECT_EQ(response.result(), http::status::no_content);
    EXPECT_EQ(response.find(http::field::content_length), response.end());
    EXPECT_TRUE(response.keep_alive());
  }
  EXPECT_EQ(client.request(http::verb::post, "/echo", "after").body(), "after");
}

TEST_F(HttpServerTest, ReadsChunkedBody) {
  TestHttpClient client(address_);
  client.send_raw(
      "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  auto response = client.read();
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response.body(), "hello world");
}

TEST_F(HttpServerTest, ServesSeveralRequestsOnOneConnection) {
  TestHttpClient client(address_);
  for (int i = 0; i < 5; ++i) {
    auto response = client.request(http::verb::post, "/echo", "n" + std::to_string(i));
    EXPECT_EQ(response.body(), "n" + std::to_string(i));
    EXPECT_TRUE(response.keep_alive());
  }
  EXPECT_EQ(server_->open_connections(), 1u);
}

TEST_F(HttpServerTest, HeadGetsTheHeadersWithoutTheBody) {
  TestHttpClient client(address_);
  client.send_raw(
      "HEAD /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello"
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nok");
  auto head = client.read_head();
  EXPECT_EQ(head.result(), http::status::ok);
  EXPECT_EQ(head[http::field::content_length], "5");
  EXPECT_EQ(head.body(), "");
  // The next answer starts right after the headers: no body bytes were sent for HEAD.
  EXPECT_EQ(client.read().body(), "ok");
}

TEST_F(HttpServerTest, AnswersPipelinedRequestsInOrder) {
  TestHttpClient client(address_);
  client.send_raw(
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\na"
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nb");
  EXPECT_EQ(client.read().body(), "a");
  EXPECT_EQ(client.read().body(), "b");
}

TEST_F(HttpServerTest, ContentLengthOverLimitIs413) {
  TestHttpClient client(address_);
  client.send_raw("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2000\r\n\r\n" +
                  std::string(2000, 'x'));
  auto response = client.read();
  EXPECT_EQ(response.result(), http::status::payload_too_large);
  EXPECT_EQ(response.body(), R"({"error":"request body over 1024 bytes"})");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_server());
  EXPECT_EQ(handler_.handled, 0);
}

TEST_F(HttpServerTest, ChunkedBodyOverLimitIs413) {
  TestHttpClient client(address_);
  std::string chunk(600, 'y');
  client.send_raw("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n" +
                  chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n");
  auto response = client.read();
  EXPECT_EQ(response.result(), http::status::payload_too_large);
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServerTest, HeaderOverLimitIs431) {
  TestHttpClient client(address_);
  client.send_raw("GET /echo HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(4000, 'h') +
                  "\r\n\r\n");
  EXPECT_EQ(client.read().result(), http::status::request_header_fields_too_large);
}

TEST_F(HttpServerTest, MalformedRequestIs400) {
  TestHttpClient client(address_);
  client.send_raw("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n");
  EXPECT_EQ(client.read().result(), http::status::bad_request);
}

TEST_F(HttpServerTest, AnswersExpectContinue) {
  TestHttpClient client(address_);
  client.send_raw("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n"
                  "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.read().result(), http::status::continue_);
  client.send_raw("abc");
  EXPECT_EQ(client.read().body(), "abc");
}

TEST_F(HttpServerTest, ResponderWorksFromAnotherThreadLater) {
  TestHttpClient client(address_);
  auto start = std::chrono::steady_clock::now();
  auto response = client.get("/later");
  EXPECT_EQ(response.body(), "later");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 100ms);
  EXPECT_EQ(client.request(http::verb::post, "/echo", "again").body(), "again");
}

TEST_F(HttpServerTest, DroppedResponderAnswers500) {
  TestHttpClient client(address_);
  EXPECT_EQ(client.get("/drop").result(), http::status::internal_server_error);
}

TEST_F(HttpServerTest, ClientGoingAwayAbandonsTheUnansweredRequest) {
  {
    TestHttpClient client(address_);
    client.send(http::verb::get, "/abandon");
    while (handler_.handled == 0) std::this_thread::sleep_for(1ms);
    EXPECT_FALSE(handler_.abandoned);
  }  // the client closes its connection
  auto deadline = std::chrono::steady_clock::now() + 5s;
  while (!handler_.abandoned && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
  EXPECT_TRUE(handler_.abandoned);
}

TEST_F(HttpServerTest, ConnectionCloseIsHonoured) {
  TestHttpClient client(address_);
  auto response = client.request(http::verb::post, "/echo", "x", {{"Connection", "close"}});
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServerTest, Http10ClosesAfterTheResponse) {
  TestHttpClient client(address_);
  client.send_raw("POST /echo HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi");
  auto response = client.read();
  EXPECT_EQ(response.body(), "hi");
  EXPECT_EQ(response.version(), 10u);
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServerTest, GracefulStopFinishesInFlightAndClosesIdle) {
  TestHttpClient idle(address_);
  EXPECT_EQ(idle.request(http::verb::post, "/echo", "x").body(), "x");
  TestHttpClient busy(address_);
  busy.send(http::verb::get, "/slow");
  while (server_->in_flight() == 0) std::this_thread::sleep_for(1ms);

  auto start = std::chrono::steady_clock::now();
  auto stopped = std::async(std::launch::async, [&] { server_->stop(5000ms); });
  auto response = busy.read();
  EXPECT_EQ(response.body(), "slow");
  EXPECT_FALSE(response.keep_alive());
  stopped.wait();
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_GE(elapsed, 300ms);
  EXPECT_LT(elapsed, 4000ms);
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_TRUE(busy.closed_by_server());
  EXPECT_EQ(server_->open_connections(), 0u);
}

TEST_F(HttpServerTest, StopDeadlineCutsSlowRequests) {
  TestHttpClient busy(address_);
  busy.send(http::verb::get, "/slow");
  while (server_->in_flight() == 0) std::this_thread::sleep_for(1ms);
  auto start = std::chrono::steady_clock::now();
  server_->stop(100ms);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2000ms);
  EXPECT_TRUE(busy.closed_by_server());
}

TEST_F(HttpServerTest, StopsAcceptingOnStop) {
  server_->stop(1000ms);
  EXPECT_ANY_THROW({
    TestHttpClient client(address_);
    client.get("/echo");
  });
}

TEST(HttpServerListenTest, BindFailureNamesTheAddress) {
  TestHandler handler;
  HttpServer first(HttpServerOptions{}, handler);
  ASSERT_TRUE(first.listen("127.0.0.1:0"));
  std::string address = first.bound_addresses().at(0);
  HttpServer second(HttpServerOptions{}, handler);
  Status status = second.listen(address);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find(address), std::string::npos) << status.message();
}

TEST(HttpServerListenTest, EmptyAddressIsDisabled) {
  TestHandler handler;
  HttpServer server(HttpServerOptions{}, handler);
  EXPECT_TRUE(server.listen(""));
  EXPECT_TRUE(server.bound_addresses().empty());
}

TEST(HttpServerListenTest, ServesOnSeveralListeners) {
  TestHandler handler;
  HttpServerOptions options;
  options.threads = 1;
  HttpServer server(options, handler);
  ASSERT_TRUE(server.listen("127.0.0.1:0"));
  ASSERT_TRUE(server.listen("127.0.0.1:0"));
  server.start();
  for (const auto& address : server.bound_addresses()) {
    TestHttpClient client(address);
    EXPECT_EQ(client.request(http::verb::post, "/echo", address).body(), address);
  }
  server.stop(1000ms);
}

}  // namespace
}  // namespace weft::server
