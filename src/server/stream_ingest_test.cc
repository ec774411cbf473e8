// Syslog and JSON lines through a whole Server: the stream listeners and POST
// /api/v1/push/jsonlines, read back through GET /api/v1/logs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include "common/gzip.h"
#include "server/http/test_http_client.h"
#include "server/server.h"

namespace weft::server {
namespace {

using testing::Headers;
using testing::TestHttpClient;
using namespace std::chrono_literals;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

class StreamIngestTest : public ::testing::Test {
 protected:
  StreamIngestTest()
      : dir_(std::filesystem::temp_directory_path() /
             ("weft-stream-ingest-test-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir_);
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.otlp_http_listen = "";
    options.syslog_listen = "127.0.0.1:0";
    options.syslog_tenant = "infra";
    options.jsonlines_listen = "127.0.0.1:0";
    options.store.data_dir = dir_;
    options.store.fsync = false;
    options.max_request_bytes = 64 << 10;
    options.http_threads = 2;
    server_ = std::make_unique<Server>(options);
    EXPECT_TRUE(server_->start());
    EXPECT_TRUE(server_->wait_ready());
    api_ = server_->bound_addresses().at(0);
  }
  ~StreamIngestTest() override {
    server_->stop();
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpResponse push(std::string body, Headers headers = {}) {
    TestHttpClient client(api_);
    return client.request(http::verb::post, "/api/v1/push/jsonlines", std::move(body), headers);
  }

  // GET /api/v1/logs until its answer contains `part` (stream ingest is not acknowledged).
  std::string logs_containing(std::string_view query, std::string_view part, Headers headers = {}) {
    std::string last;
    for (int i = 0; i < 500; ++i) {
      last = TestHttpClient(api_).get("/api/v1/logs?" + std::string(query), headers).body();
      if (contains(last, part)) return last;
      std::this_thread::sleep_for(10ms);
    }
    return last;
  }

  void send_tcp(std::string_view door, std::string_view bytes) {
    std::string address = server_->stream_address(door);
    size_t colon = address.rfind(':');
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket socket(io);
    boost::asio::connect(socket, boost::asio::ip::tcp::resolver(io).resolve(
                                     address.substr(0, colon), address.substr(colon + 1)));
    boost::asio::write(socket, boost::asio::buffer(bytes.data(), bytes.size()));
  }

  std::filesystem::path dir_;
  std::unique_ptr<Server> server_;
  std::string api_;
};

TEST_F(StreamIngestTest, SyslogRecordsCarryTheMapping) {
  send_tcp(
      "syslog/tcp",
      R"(<165>1 2026-11-22T10:04:05.123Z web-1 nginx 4242 ID47 [req@32473 path="/a"] GET /a 200)"
      "\n");
  std::string json = logs_containing("service=nginx", "GET /a 200", {{"X-Scope-OrgID", "infra"}});
  EXPECT_TRUE(contains(json, R"("time":"2026-11-22T10:04:05.123000000Z")")) << json;
  EXPECT_TRUE(contains(json, R"("severity":"notice","severity_number":10,"body":"GET /a 200")"))
      << json;
  EXPECT_TRUE(contains(json, R"("syslog.facility":20)")) << json;
  EXPECT_TRUE(contains(json, R"("process.pid":4242)")) << json;
  EXPECT_TRUE(contains(json, R"("syslog.msgid":"ID47")")) << json;
  EXPECT_TRUE(contains(json, R"("req@32473.path":"/a")")) << json;
  EXPECT_TRUE(contains(json, R"("host.name":"web-1")")) << json;
  // The tenant is syslog.tenant's.
  EXPECT_EQ(TestHttpClient(api_).get("/api/v1/logs?service=nginx").body(), R"({"records":[]})");
}

TEST_F(StreamIngestTest, JsonLinesOverTcp) {
  send_tcp(
      "jsonlines/tcp",
      R"({"level":50,"time":1795428245123,"pid":7,"hostname":"box","name":"billing","msg":"card declined","order":{"id":42}})"
      "\n");
  std::string json = logs_containing("service=billing", "card declined");
  EXPECT_TRUE(contains(json, R"("severity":"error","severity_number":17)")) << json;
  EXPECT_TRUE(contains(json, R"("order.id":42)")) << json;
  EXPECT_TRUE(contains(json, R"("process.pid":7)")) << json;
}

TEST_F(StreamIngestTest, PushAllGoodIs204) {
  auto response =
      push("{\"msg\":\"one\",\"service\":\"pusher\"}\n{\"msg\":\"two\",\"service\":\"pusher\"}\n");
  EXPECT_EQ(response.result(), http::status::no_content) << response.body();
  EXPECT_TRUE(response.body().empty());
  std::string json = TestHttpClient(api_).get("/api/v1/logs?service=pusher").body();
  EXPECT_TRUE(contains(json, R"("body":"one")")) << json;
  EXPECT_TRUE(contains(json, R"("body":"two")")) << json;
}

TEST_F(StreamIngestTest, PushPartialIs200WithLineNumbers) {
  auto response = push("{\"msg\":\"kept\",\"service\":\"partial\"}\nnope\n[1]\n");
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response[http::field::content_type], "application/json");
  EXPECT_TRUE(contains(response.body(),
                       R"({"accepted":1,"rejected":2,"errors":[{"line":2,"error":"malformed JSON)"))
      << response.body();
  EXPECT_TRUE(contains(response.body(), R"({"line":3,"error":"expected a JSON object"})"))
      << response.body();
  EXPECT_TRUE(contains(TestHttpClient(api_).get("/api/v1/logs?service=partial").body(), "kept"));
}

TEST_F(StreamIngestTest, PushAllBadIs400) {
  auto response = push("nope\n");
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_TRUE(contains(response.body(), R"({"error":"line 1: malformed JSON)")) << response.body();
}

TEST_F(StreamIngestTest, PushGzipTenantAndLimits) {
  auto response = push(gzip_compress("{\"msg\":\"zipped\",\"service\":\"gz\"}\n"),
                       {{"Content-Encoding", "gzip"}, {"X-Scope-OrgID", "team-a"}});
  EXPECT_EQ(response.result(), http::status::no_content) << response.body();
  EXPECT_TRUE(contains(
      TestHttpClient(api_).get("/api/v1/logs?service=gz", {{"X-Scope-OrgID", "team-a"}}).body(),
      "zipped"));
  EXPECT_EQ(push("{}", {{"X-Scope-OrgID", "bad tenant"}}).result(), http::status::bad_request);
  EXPECT_EQ(push("{}", {{"Content-Encoding", "br"}}).result(),
            http::status::unsupported_media_type);
  EXPECT_EQ(
      push(gzip_compress(std::string(200 << 10, ' ')), {{"Content-Encoding", "gzip"}}).result(),
      http::status::payload_too_large);
  EXPECT_EQ(push(std::string(100 << 10, ' ')).result(), http::status::payload_too_large);
}

}  // namespace
}  // namespace weft::server
