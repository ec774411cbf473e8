// POST /loki/api/v1/push end to end: a real Server on 127.0.0.1 port 0, requests over real
// connections, records read back through GET /api/v1/logs.
#include <gtest/gtest.h>

#include "common/gzip.h"
#include "common/snappy_block.h"
#include "ingest/loki/loki_push_test_util.h"
#include "server/http/test_http_client.h"
#include "server/test_server.h"

namespace weft::server {
namespace {

using ingest::loki::testing::push_proto;
using ingest::loki::testing::TestStream;
using testing::Headers;
using testing::TestHttpClient;

constexpr std::string_view kPush = "/loki/api/v1/push";
const Headers kProto{{"Content-Type", "application/x-protobuf"}};
const Headers kJsonType{{"Content-Type", "application/json"}};

int64_t now_seconds() { return now_unix_nanos() / 1'000'000'000; }

std::string json_push(std::string_view labels_json, std::string_view values_json) {
  return R"({"streams":[{"stream":)" + std::string(labels_json) + R"(,"values":)" +
         std::string(values_json) + "}]}";
}

std::string ns_now() { return std::to_string(now_unix_nanos()); }

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

class LokiPushTest : public ::testing::Test {
 protected:
  LokiPushTest()
      : weft_("weft-loki-push-test", [](ServerOptions& o) {
          o.max_request_bytes = 64 << 10;
          o.loki_push.max_line_size = 1000;
        }) {
    EXPECT_TRUE(weft_.start().is_ok());
  }

  HttpResponse push(std::string body, Headers headers = kProto) {
    TestHttpClient client(weft_.address());
    return client.request(http::verb::post, kPush, std::move(body), headers);
  }

  std::string logs(std::string_view query = "", Headers headers = {}) {
    TestHttpClient client(weft_.address());
    return client.get("/api/v1/logs" + std::string(query), headers).body();
  }

  server::testing::TestServer weft_;
};

TEST_F(LokiPushTest, SnappyProtobufWithoutContentEncodingIs204) {
  std::string proto = push_proto(
      {{R"({app="shop", level="warning"})",
        {{now_seconds(), 5, "slow query", {{"trace_id", "5b8efff798038103d269b633813fc60c"},
                                            {"user", "42"}}}}}});
  auto response = push(snappy_compress(proto));
  EXPECT_EQ(response.result(), http::status::no_content) << response.body();
  EXPECT_EQ(response.body(), "");
  EXPECT_EQ(response[http::field::content_type], "");
  EXPECT_EQ(response.find(http::field::content_length), response.end());  // as HTTP wants

  std::string json = logs("?service=shop");
  EXPECT_TRUE(contains(json, R"("severity":"warning","severity_number":13,"body":"slow query")"))
      << json;
  EXPECT_TRUE(contains(json, R"("trace_id":"5b8efff798038103d269b633813fc60c")")) << json;
  EXPECT_TRUE(contains(json, R"("attributes":{"user":"42"})")) << json;
  EXPECT_TRUE(contains(json, R"("resource":{"attributes":{"app":"shop","level":"warning","service.name":"shop"})"))
      << json;
}

TEST_F(LokiPushTest, GzipJsonIs204) {
  std::string body = json_push(R"({"service_name":"api"})", R"([[")" + ns_now() + R"(","hello"]])");
  auto response = push(gzip_compress(body),
                       {{"Content-Type", "application/json"}, {"Content-Encoding", "gzip"}});
  EXPECT_EQ(response.result(), http::status::no_content) << response.body();
  EXPECT_TRUE(contains(logs("?service=api"), R"("body":"hello")"));
}

TEST_F(LokiPushTest, RefusedEntriesAre400WhileTheRestIsKept) {
  std::string too_old = std::to_string((now_seconds() - 30 * 86400) * 1'000'000'000);
  std::string body = json_push(R"({"app":"partial"})", R"([[")" + ns_now() + R"(","kept"],[")" +
                                                           too_old + R"(","dropped"],[")" + ns_now() +
                                                           R"(",")" + std::string(1001, 'x') + R"("]])");
  auto response = push(body, kJsonType);
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_EQ(response[http::field::content_type], "text/plain; charset=utf-8");
  const std::string& text = response.body();
  EXPECT_TRUE(contains(text, "1 errors like: entry for stream '{app=\"partial\", "
                             "service_name=\"partial\"}' has timestamp too old: "))
      << text;
  EXPECT_TRUE(contains(text, "; 1 errors like: Max entry size '1000' bytes exceeded")) << text;
  EXPECT_EQ(text.back(), '\n');
  std::string stored = logs("?service=partial");
  EXPECT_TRUE(contains(stored, R"("body":"kept")")) << stored;
  EXPECT_FALSE(contains(stored, R"("body":"dropped")")) << stored;
}

TEST_F(LokiPushTest, AllRefusedIs400AndStoresNothing) {
  auto response = push(json_push(R"({"app":"x"})", R"([["1","ancient"]])"), kJsonType);
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_TRUE(contains(response.body(), "has timestamp too old: 1970-01-01T00:00:00Z"))
      << response.body();
  EXPECT_EQ(logs(), R"({"records":[]})");
}

TEST_F(LokiPushTest, BadLabelsAre400WithLokisMessage) {
  std::string proto = push_proto({{R"({app="a",})", {{now_seconds(), 0, "ok", {}}}},
                                  {R"({app=a})", {{now_seconds(), 0, "bad", {}}}}});
  auto response = push(snappy_compress(proto));
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_EQ(response.body(),
            "Error parsing labels '{app=a}' with error: 1:6: parse error: unexpected identifier "
            "\"a\" in label set, expected string\n");
  EXPECT_TRUE(contains(logs(), R"("body":"ok")"));
}

TEST_F(LokiPushTest, MalformedBodiesAre400) {
  struct Case {
    std::string body;
    Headers headers;
    std::string message;
  };
  for (const Case& c : {Case{"not snappy", kProto, "snappy: corrupt input\n"},
                        Case{snappy_compress("\x0a\x05"), kProto,
                             "proto: PushRequest: truncated length-delimited field 1 (length runs "
                             "past the end)\n"},
                        Case{"{\"streams\":", kJsonType, ""},
                        Case{R"({"streams":[{"stream":{"a":"b"},"values":[[1,"x"]]}]})", kJsonType,
                             "streams[0].values[0].timestamp: expected a string, got a number\n"},
                        Case{"x", {{"Content-Encoding", "br"}}, "Content-Encoding \"br\" not supported\n"},
                        Case{"x", {{"Content-Encoding", "gzip"}}, ""}}) {
    auto response = push(c.body, c.headers);
    EXPECT_EQ(response.result(), http::status::bad_request) << c.body;
    if (!c.message.empty()) {
      EXPECT_EQ(response.body(), c.message);
    }
  }
  EXPECT_EQ(logs(), R"({"records":[]})");
}

TEST_F(LokiPushTest, NoStreamsIs422) {
  auto response = push(R"({"streams":[]})", kJsonType);
  EXPECT_EQ(response.result(), http::status::unprocessable_entity);
  EXPECT_EQ(response.body(), "error at least one valid stream is required for ingestion\n");
  // Streams without entries are fine, as in Loki.
  EXPECT_EQ(push(R"({"streams":[{"stream":{"a":"b"},"values":[]}]})", kJsonType).result(),
            http::status::no_content);
}

TEST_F(LokiPushTest, OversizedBodiesAre413) {
  auto response = push(std::string(70 << 10, 'x'));
  EXPECT_EQ(response.result(), http::status::payload_too_large);
  std::string big = json_push(R"({"a":"b"})", R"([[")" + ns_now() + R"(",")" +
                                                  std::string(100 << 10, 'x') + R"("]])");
  response = push(snappy_compress(big), kProto);  // inflates past the limit
  EXPECT_EQ(response.result(), http::status::payload_too_large) << response.body();
  response = push(gzip_compress(big), {{"Content-Type", "application/json"}, {"Content-Encoding", "gzip"}});
  EXPECT_EQ(response.result(), http::status::payload_too_large) << response.body();
  EXPECT_EQ(response.body(), "request body too large: over 65536 bytes, limit: 65536 bytes\n");
}

TEST_F(LokiPushTest, TenantsComeFromTheOrgIdHeader) {
  std::string body = json_push(R"({"app":"t"})", R"([[")" + ns_now() + R"(","for a"]])");
  auto response = push(body, {{"Content-Type", "application/json"}, {"X-Scope-OrgID", "a"}});
  ASSERT_EQ(response.result(), http::status::no_content);
  EXPECT_EQ(logs(), R"({"records":[]})");
  EXPECT_TRUE(contains(logs("", {{"X-Scope-OrgID", "a"}}), "for a"));
  EXPECT_EQ(push(body, {{"Content-Type", "application/json"}, {"X-Scope-OrgID", "bad tenant"}})
                .result(),
            http::status::bad_request);
}

TEST_F(LokiPushTest, CountsInIngestMetrics) {
  // The registry is global to the test binary: compare before and after.
  const std::string records = R"(weft_ingest_records_total{endpoint="/loki/api/v1/push"})";
  const std::string partial =
      R"(weft_ingest_rejected_records_total{endpoint="/loki/api/v1/push",reason="partial"})";
  auto value = [&](const std::string& series) {
    TestHttpClient client(weft_.address());
    std::string metrics = client.get("/metrics").body();
    size_t at = metrics.find(series + " ");
    EXPECT_NE(at, std::string::npos) << series;
    return at == std::string::npos ? -1.0 : std::stod(metrics.substr(at + series.size() + 1));
  };
  double records_before = value(records), partial_before = value(partial);
  std::string body = json_push(R"({"app":"m"})", R"([[")" + ns_now() + R"(","a"],["1","b"]])");
  ASSERT_EQ(push(body, kJsonType).result(), http::status::bad_request);
  EXPECT_EQ(value(records) - records_before, 1.0);
  EXPECT_EQ(value(partial) - partial_before, 1.0);
}

TEST(LokiPushBackpressureTest, AFullMemoryBudgetIs429WithRetryAfter) {
  server::testing::TestServer weft("weft-loki-push-429",
                                   [](ServerOptions& o) { o.store.memory_budget_bytes = 1; });
  ASSERT_TRUE(weft.start().is_ok());
  std::string body = json_push(R"({"app":"b"})", R"([[")" + ns_now() + R"(","x"]])");
  TestHttpClient client(weft.address());
  // The first push fills the one-byte budget; the next is refused until memory is freed.
  ASSERT_EQ(client.request(http::verb::post, kPush, body, kJsonType).result(),
            http::status::no_content);
  auto response = client.request(http::verb::post, kPush, body, kJsonType);
  EXPECT_EQ(response.result(), http::status::too_many_requests);
  EXPECT_EQ(response[http::field::retry_after], "1");
  EXPECT_TRUE(contains(response.body(), "memory budget")) << response.body();
}

}  // namespace
}  // namespace weft::server
