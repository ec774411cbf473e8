// OtlpHttpSender and DemoRunner delivery against a scripted fake OTLP receiver: headers,
// keep-alive, retries on 429/503 honouring Retry-After, no retries on 400, and giving up on an
// unreachable endpoint. (Endpoint and Retry-After parsing: client/http_endpoint_test.cc.)
#include "demo/otlp_http_sender.h"

#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <atomic>
#include <deque>
#include <mutex>
#include <thread>

#include "demo/demo_runner.h"
#include "otlp/otlp_decode.h"

namespace weft::demo {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

struct Reply {
  int status = 200;
  std::string retry_after;
};

struct Seen {
  std::string target;
  std::string content_type;
  std::string tenant;
  std::string body;
  int connection = 0;
};

// Answers requests with the scripted replies, then with 200s; serves connections one at a time.
class FakeReceiver {
 public:
  explicit FakeReceiver(std::deque<Reply> script)
      : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)),
        script_(std::move(script)) {
    thread_ = std::thread([this] { serve(); });
  }
  // Clients must have closed their connections by now.
  ~FakeReceiver() {
    stopping_ = true;
    asio::io_context io;
    tcp::socket wake(io);
    boost::system::error_code ec;
    wake.connect(acceptor_.local_endpoint(), ec);  // unblocks accept()
    thread_.join();
  }
  std::string endpoint() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port());
  }
  std::vector<Seen> seen() {
    std::lock_guard lock(mu_);
    return seen_;
  }

 private:
  void serve() {
    for (int connection = 1;; ++connection) {
      boost::system::error_code ec;
      tcp::socket socket(io_);
      acceptor_.accept(socket, ec);
      if (ec || stopping_) return;
      serve_connection(socket, connection);
    }
  }

  void serve_connection(tcp::socket& socket, int connection) {
    boost::beast::flat_buffer buffer;
    for (;;) {
      http::request<http::string_body> request;
      boost::system::error_code ec;
      http::read(socket, buffer, request, ec);
      if (ec) return;
      Reply reply;
      {
        std::lock_guard lock(mu_);
        seen_.push_back({std::string(request.target()),
                         std::string(request[http::field::content_type]),
                         std::string(request["X-Scope-OrgID"]), request.body(), connection});
        if (!script_.empty()) {
          reply = script_.front();
          script_.pop_front();
        }
      }
      http::response<http::string_body> response{static_cast<http::status>(reply.status), 11};
      if (!reply.retry_after.empty()) response.set(http::field::retry_after, reply.retry_after);
      response.set(http::field::content_type, "application/x-protobuf");
      response.prepare_payload();
      http::write(socket, response, ec);
      if (ec) return;
    }
  }

  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::mutex mu_;
  std::deque<Reply> script_;
  std::vector<Seen> seen_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

TEST(OtlpHttpSender, PostsProtobufWithTenantOnOneConnection) {
  FakeReceiver receiver({{200, ""}, {429, "3"}});
  OtlpHttpSender sender(*parse_http_endpoint(receiver.endpoint()), "acme");
  auto first = sender.post("/v1/traces", "abc");
  ASSERT_TRUE(first.is_ok()) << first.status().to_string();
  EXPECT_EQ(first->status, 200);
  auto second = sender.post("/v1/logs", "defg");
  ASSERT_TRUE(second.is_ok());
  EXPECT_EQ(second->status, 429);
  EXPECT_EQ(second->retry_after, std::chrono::seconds(3));
  auto seen = receiver.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].target, "/v1/traces");
  EXPECT_EQ(seen[1].target, "/v1/logs");
  EXPECT_EQ(seen[0].content_type, "application/x-protobuf");
  EXPECT_EQ(seen[0].tenant, "acme");
  EXPECT_EQ(seen[1].body, "defg");
  EXPECT_EQ(seen[1].connection, 1) << "keep-alive";
}

TEST(OtlpHttpSender, ReportsAnUnreachableEndpoint) {
  // Bind and close a port so nothing listens there.
  asio::io_context io;
  tcp::acceptor probe(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  std::string port = std::to_string(probe.local_endpoint().port());
  probe.close();
  OtlpHttpSender sender(*parse_http_endpoint("http://127.0.0.1:" + port), "");
  auto r = sender.post("/v1/traces", "x");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
}

DemoOptions short_run(const std::string& endpoint) {
  DemoOptions o;
  o.endpoint = endpoint;
  o.tenant = "acme";
  o.rate = 20;
  o.duration = std::chrono::milliseconds(300);
  o.seed = 9;
  o.progress_interval = std::chrono::milliseconds(0);
  return o;
}

TEST(DemoRunner, RetriesBackpressureHonouringRetryAfter) {
  FakeReceiver receiver({{429, "1"}, {503, "0"}});
  auto started = std::chrono::steady_clock::now();
  auto summary = DemoRunner(short_run(receiver.endpoint())).run();
  ASSERT_TRUE(summary.is_ok());
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
  EXPECT_EQ(summary->retries, 2u);
  EXPECT_EQ(summary->posts_failed, 0u);
  EXPECT_EQ(summary->requests, 6u);  // 300 ms at 20/s
  EXPECT_GT(summary->spans_sent, 0u);
  EXPECT_GT(summary->logs_sent, 0u);

  // What arrived decodes, and holds every span the runner counted as sent.
  uint64_t spans = 0, logs = 0;
  for (const Seen& s : receiver.seen()) {
    EXPECT_EQ(s.tenant, "acme");
    otlp::DecodeReport report;
    if (s.target == "/v1/traces") {
      auto batch = otlp::decode_spans_proto(s.body, {}, &report);
      ASSERT_TRUE(batch.is_ok());
      spans += batch->spans.size();
    } else {
      ASSERT_EQ(s.target, "/v1/logs");
      auto batch = otlp::decode_logs_proto(s.body, {}, &report);
      ASSERT_TRUE(batch.is_ok());
      logs += batch->records.size();
    }
  }
  // The first traces batch arrived three times (429, 503, 200).
  EXPECT_GE(spans, summary->spans_sent);
  EXPECT_EQ(logs, summary->logs_sent);
}

TEST(DemoRunner, DoesNotRetryABadRequest) {
  FakeReceiver receiver({{400, ""}});
  auto summary = DemoRunner(short_run(receiver.endpoint())).run();
  ASSERT_TRUE(summary.is_ok());
  EXPECT_EQ(summary->retries, 0u);
  EXPECT_EQ(summary->posts_failed, 1u);
  EXPECT_GT(summary->spans_dropped, 0u);
}

TEST(DemoRunner, GivesUpOnAnUnreachableEndpointAndStops) {
  asio::io_context io;
  tcp::acceptor probe(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  std::string port = std::to_string(probe.local_endpoint().port());
  probe.close();
  DemoOptions o = short_run("http://127.0.0.1:" + port);
  o.duration.reset();  // until stopped
  o.max_attempts = 2;
  DemoRunner runner(o);
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    runner.stop();
  });
  auto summary = runner.run();
  stopper.join();
  ASSERT_TRUE(summary.is_ok());
  EXPECT_EQ(summary->posts, 0u);
  EXPECT_GT(summary->posts_failed, 0u);
  EXPECT_GT(summary->requests, 0u);
}

TEST(DemoRunner, RefusesABadEndpoint) {
  DemoOptions o = short_run("ftp://x");
  auto summary = DemoRunner(o).run();
  EXPECT_FALSE(summary.is_ok());
}

}  // namespace
}  // namespace weft::demo
