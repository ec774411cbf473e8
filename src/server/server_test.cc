// End to end in one process: a Server on 127.0.0.1 port 0 over a temporary data directory,
// driven over real connections.
#include "server/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>

#include "common/gzip.h"
#include "otlp/otlp_encode.h"
#include "server/http/test_http_client.h"

namespace weft::server {
namespace {

using testing::Headers;
using testing::TestHttpClient;

constexpr std::string_view kTraceHex = "5b8efff798038103d269b633813fc60c";

std::string log_body(std::string_view body_text, std::string_view service = "payment") {
  return R"({"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":")" +
         std::string(service) +
         R"("}}]},"scopeLogs":[{"scope":{"name":"checkout","version":"1.2.0"},"logRecords":[)"
         R"({"timeUnixNano":"1795428245123456789","severityNumber":17,"severityText":"ERROR",)"
         R"("body":{"stringValue":")" +
         std::string(body_text) +
         R"("},"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",)"
         R"("flags":1,"attributes":[{"key":"order.id","value":{"intValue":42}}]}]}]}]})";
}

std::string trace_body() {
  return R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"gateway"}}]},)"
         R"("scopeSpans":[{"scope":{"name":"http"},"spans":[{"traceId":"5b8efff798038103d269b633813fc60c",)"
         R"("spanId":"eee19b7ec3c1b174","name":"GET /checkout","kind":2,)"
         R"("startTimeUnixNano":"1795428245100000000","endTimeUnixNano":"1795428245350000000",)"
         R"("status":{"code":2,"message":"card declined"}}]}]}]})";
}

const Headers kJson{{"Content-Type", "application/json"}};

std::filesystem::path fresh_dir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("weft-server-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  return dir;
}

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() : dir_(fresh_dir()) { start(); }
  ~ServerTest() override {
    server_->stop();
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  void start() {
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.otlp_http_listen = "127.0.0.1:0";
    options.store.data_dir = dir_;
    options.max_request_bytes = 64 << 10;
    options.http_threads = 2;
    server_ = std::make_unique<Server>(options);
    ASSERT_TRUE(server_->start());
    ASSERT_TRUE(server_->wait_ready());
    api_ = server_->bound_addresses().at(0);
    otlp_ = server_->bound_addresses().at(1);
  }

  HttpResponse post(std::string_view path, std::string body, Headers headers = kJson) {
    TestHttpClient client(otlp_);
    return client.request(http::verb::post, path, std::move(body), headers);
  }

  HttpResponse get(std::string_view target, Headers headers = {}) {
    TestHttpClient client(api_);
    return client.get(target, headers);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Server> server_;
  std::string api_;
  std::string otlp_;
};

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_F(ServerTest, IngestsJsonLogsAndFindsThem) {
  auto response = post("/v1/logs", log_body("payment failed"));
  ASSERT_EQ(response.result(), http::status::ok) << response.body();
  EXPECT_EQ(response[http::field::content_type], "application/json");

  auto found = get("/api/v1/logs?service=payment&severity=error");
  ASSERT_EQ(found.result(), http::status::ok) << found.body();
  const std::string& json = found.body();
  EXPECT_TRUE(contains(json, R"("time":"2026-11-23T10:04:05.123456789Z")")) << json;
  EXPECT_TRUE(contains(json, R"("severity":"ERROR","severity_number":17,"body":"payment failed")"))
      << json;
  EXPECT_TRUE(contains(json, R"("service":"payment")")) << json;
  EXPECT_TRUE(contains(json, R"("trace_id":"5b8efff798038103d269b633813fc60c")")) << json;
  EXPECT_TRUE(contains(json, R"("attributes":{"order.id":42})")) << json;
  EXPECT_TRUE(contains(json, R"("scope":{"name":"checkout","version":"1.2.0")")) << json;
  EXPECT_EQ(get("/api/v1/logs?service=other").body(), R"({"records":[]})");
}

TEST_F(ServerTest, IngestsGzipAndChunkedBodies) {
  auto response = post("/v1/logs", gzip_compress(log_body("zipped")),
                       {{"Content-Type", "application/json"}, {"Content-Encoding", "gzip"}});
  ASSERT_EQ(response.result(), http::status::ok) << response.body();

  TestHttpClient client(otlp_);
  std::string body = log_body("chunked");
  std::string half = body.substr(0, body.size() / 2), rest = body.substr(body.size() / 2);
  auto hex = [](size_t n) {
    char buf[16];
    snprintf(buf, sizeof buf, "%zx", n);
    return std::string(buf);
  };
  client.send_raw("POST /v1/logs HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n" +
                  hex(half.size()) + "\r\n" + half + "\r\n" + hex(rest.size()) + "\r\n" + rest +
                  "\r\n0\r\n\r\n");
  ASSERT_EQ(client.read().result(), http::status::ok);

  auto found = get("/api/v1/logs?q=ZIPPED").body();
  EXPECT_TRUE(contains(found, R"("body":"zipped")")) << found;
  EXPECT_TRUE(contains(get("/api/v1/logs?q=chunk").body(), R"("body":"chunked")"));
}

TEST_F(ServerTest, IngestsProtobuf) {
  LogBatch batch;
  LogRecord record;
  record.time_unix_nano = 1795428245000000000;
  record.body = AnyValue("from protobuf");
  record.resource = std::make_shared<Resource>();
  record.scope = std::make_shared<Scope>();
  batch.records.push_back(record);
  auto response = post("/v1/logs", otlp::encode_logs_proto(batch),
                       {{"Content-Type", "application/x-protobuf"}});
  ASSERT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response[http::field::content_type], "application/x-protobuf");
  EXPECT_TRUE(contains(get("/api/v1/logs").body(), "from protobuf"));
}

TEST_F(ServerTest, RefusesUnknownContentTypeWith415) {
  auto response = post("/v1/logs", log_body("x"), {{"Content-Type", "text/plain"}});
  EXPECT_EQ(response.result(), http::status::unsupported_media_type);
  response = post("/v1/logs", log_body("x"),
                  {{"Content-Type", "application/json"}, {"Content-Encoding", "br"}});
  EXPECT_EQ(response.result(), http::status::unsupported_media_type);
}

TEST_F(ServerTest, RefusesMalformedBodiesWithAStatus) {
  auto response = post("/v1/logs", R"({"resourceLogs":[{)");
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_EQ(response[http::field::content_type], "application/json");
  EXPECT_TRUE(contains(response.body(), "\"code\"")) << response.body();
  EXPECT_TRUE(contains(response.body(), "3")) << response.body();
  EXPECT_TRUE(contains(response.body(), "\"message\"")) << response.body();

  response = post("/v1/logs", "not gzip",
                  {{"Content-Type", "application/json"}, {"Content-Encoding", "gzip"}});
  EXPECT_EQ(response.result(), http::status::bad_request);
}

TEST_F(ServerTest, RefusesOversizedBodies) {
  auto response = post("/v1/logs", std::string(70 << 10, ' '));
  EXPECT_EQ(response.result(), http::status::payload_too_large);
  EXPECT_TRUE(contains(response.body(), "\"message\"")) << response.body();

  std::string bomb = gzip_compress(std::string(1 << 20, ' '));
  response = post("/v1/logs", bomb,
                  {{"Content-Type", "application/json"}, {"Content-Encoding", "gzip"}});
  EXPECT_EQ(response.result(), http::status::payload_too_large) << response.body();
}

TEST_F(ServerTest, KeepsTenantsApart) {
  ASSERT_EQ(post("/v1/logs", log_body("secret of a"),
                 {{"Content-Type", "application/json"}, {"X-Scope-OrgID", "a"}})
                .result(),
            http::status::ok);
  EXPECT_EQ(get("/api/v1/logs", {{"X-Scope-OrgID", "b"}}).body(), R"({"records":[]})");
  EXPECT_EQ(get("/api/v1/logs").body(), R"({"records":[]})");
  EXPECT_TRUE(contains(get("/api/v1/logs", {{"X-Scope-OrgID", "a"}}).body(), "secret of a"));
  EXPECT_EQ(get("/api/v1/services", {{"X-Scope-OrgID", "b"}}).body(), R"({"services":[]})");
  std::string trace = "/api/v1/traces/" + std::string(kTraceHex);
  EXPECT_EQ(get(trace, {{"X-Scope-OrgID", "b"}}).result(), http::status::not_found);
  EXPECT_EQ(post("/v1/logs", log_body("x"),
                 {{"Content-Type", "application/json"}, {"X-Scope-OrgID", "bad tenant"}})
                .result(),
            http::status::bad_request);
}

TEST_F(ServerTest, FindsTracesWithTheirLogs) {
  ASSERT_EQ(post("/v1/traces", trace_body()).result(), http::status::ok);
  ASSERT_EQ(post("/v1/logs", log_body("in the trace")).result(), http::status::ok);
  auto response = get("/api/v1/traces/" + std::string(kTraceHex));
  ASSERT_EQ(response.result(), http::status::ok) << response.body();
  const std::string& json = response.body();
  EXPECT_TRUE(contains(json, R"({"trace_id":"5b8efff798038103d269b633813fc60c","spans":[)")) << json;
  EXPECT_TRUE(contains(json, R"("name":"GET /checkout","kind":"server","service":"gateway")"))
      << json;
  EXPECT_TRUE(contains(json, R"("status":{"code":"error","message":"card declined"})")) << json;
  EXPECT_TRUE(contains(json, R"("body":"in the trace")")) << json;

  auto missing = get("/api/v1/traces/00000000000000000000000000000001");
  EXPECT_EQ(missing.result(), http::status::not_found);
  EXPECT_EQ(missing.body(), R"({"error":"trace not found"})");
}

TEST_F(ServerTest, ListsServices) {
  ASSERT_EQ(post("/v1/traces", trace_body()).result(), http::status::ok);
  ASSERT_EQ(post("/v1/logs", log_body("a")).result(), http::status::ok);
  ASSERT_EQ(post("/v1/logs", log_body("b")).result(), http::status::ok);
  EXPECT_EQ(get("/api/v1/services").body(),
            R"({"services":[{"name":"gateway","records":0,"spans":1},)"
            R"({"name":"payment","records":2,"spans":0}]})");
}

TEST_F(ServerTest, ServesEveryRouteOnBothListeners) {
  TestHttpClient api(api_), otlp(otlp_);
  EXPECT_EQ(api.get("/ready").body(), "ready\n");
  EXPECT_EQ(otlp.get("/ready").body(), "ready\n");
  EXPECT_EQ(api.request(http::verb::post, "/v1/logs", log_body("via api"), kJson).result(),
            http::status::ok);
  EXPECT_EQ(otlp.get("/nope").result(), http::status::not_found);
  EXPECT_EQ(otlp.request(http::verb::delete_, "/v1/logs").result(),
            http::status::method_not_allowed);
}

TEST_F(ServerTest, CountsIngestInMetrics) {
  ASSERT_EQ(post("/v1/logs", log_body("counted")).result(), http::status::ok);
  std::string metrics = get("/metrics").body();
  EXPECT_TRUE(contains(metrics, R"(weft_ingest_records_total{endpoint="/v1/logs"})")) << metrics;
  EXPECT_TRUE(contains(metrics, R"(weft_ingest_bytes_total{endpoint="/v1/logs"})"));
  EXPECT_TRUE(contains(metrics, R"(weft_http_requests_total{endpoint="/v1/logs",code="200"})"));
  EXPECT_TRUE(contains(metrics, "weft_memstore_bytes "));
}

TEST_F(ServerTest, AcknowledgedRecordsSurviveARestart) {
  ASSERT_EQ(post("/v1/logs", log_body("durable")).result(), http::status::ok);
  server_->stop();
  server_.reset();
  start();
  EXPECT_TRUE(contains(get("/api/v1/logs").body(), R"("body":"durable")"));
}

TEST_F(ServerTest, StartFailsOnAnAddressInUse) {
  ServerOptions options;
  options.listen = api_;
  options.otlp_http_listen = "";
  options.store.data_dir = dir_ / "other";
  Server second(options);
  Status status = second.start();
  ASSERT_FALSE(status);
  EXPECT_TRUE(contains(status.message(), api_)) << status.message();
  EXPECT_FALSE(second.wait_ready());
}

}  // namespace
}  // namespace weft::server
