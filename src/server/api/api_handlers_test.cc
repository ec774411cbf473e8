// The API handlers before the store is open: request validation and readiness answers. (With
// a store, see server_test.cc.)
#include <gtest/gtest.h>

#include "common/time.h"
#include "server/api/api.h"

namespace weft::server::api {
namespace {

class ApiHandlersTest : public ::testing::Test {
 protected:
  ApiHandlersTest() : context_({1 << 20, 5000, {}}, [](ApiContext::Task task) { task(); }, gate_) {
    add_all_routes(router_, context_);
  }

  HttpResponse call(http::verb method, std::string target, std::string body = {},
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
    HttpRequest request{method, target, 11};
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = std::move(body);
    HttpResponse out;
    bool answered = false;
    router_.handle(std::move(request), Responder([&](HttpResponse response) {
                     out = std::move(response);
                     answered = true;
                   }));
    EXPECT_TRUE(answered) << target;
    return out;
  }

  IngestGate gate_;
  ApiContext context_;
  Router router_;
};

TEST_F(ApiHandlersTest, EachBadLogsParameterIsA400NamingIt) {
  for (std::string parameter : {"severity=loud", "start=soon", "end=later", "trace_id=12",
                                "limit=0", "limit=abc", "limit=5001"}) {
    auto response = call(http::verb::get, "/api/v1/logs?" + parameter);
    EXPECT_EQ(response.result(), http::status::bad_request) << parameter;
    std::string name = parameter.substr(0, parameter.find('='));
    EXPECT_NE(response.body().find("\"parameter\":\"" + name + "\""), std::string::npos)
        << response.body();
    EXPECT_EQ(response[http::field::content_type], "application/json");
  }
}

TEST_F(ApiHandlersTest, StartAfterEndIsA400) {
  auto response = call(http::verb::get, "/api/v1/logs?start=2000&end=1000");
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_NE(response.body().find("\"parameter\":\"start\""), std::string::npos);
}

TEST_F(ApiHandlersTest, BadTraceIdInThePathIsA400) {
  auto response = call(http::verb::get, "/api/v1/traces/not-hex");
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_NE(response.body().find("\"parameter\":\"trace_id\""), std::string::npos);
}

TEST_F(ApiHandlersTest, BadTenantIsA400Everywhere) {
  std::vector<std::pair<std::string, std::string>> bad{{"X-Scope-OrgID", "no spaces"}};
  EXPECT_EQ(call(http::verb::get, "/api/v1/logs", {}, bad).result(), http::status::bad_request);
  EXPECT_EQ(call(http::verb::get, "/api/v1/services", {}, bad).result(),
            http::status::bad_request);
  EXPECT_EQ(
      call(http::verb::get, "/api/v1/traces/5b8efff798038103d269b633813fc60c", {}, bad).result(),
      http::status::bad_request);
}

TEST_F(ApiHandlersTest, QueriesAre503UntilReady) {
  auto response = call(http::verb::get, "/api/v1/logs?limit=10");
  EXPECT_EQ(response.result(), http::status::service_unavailable);
  EXPECT_EQ(call(http::verb::get, "/api/v1/services").result(),
            http::status::service_unavailable);
}

TEST_F(ApiHandlersTest, ReadyIs503Before) {
  auto response = call(http::verb::get, "/ready");
  EXPECT_EQ(response.result(), http::status::service_unavailable);
  EXPECT_EQ(response.body(), "not ready\n");
}

TEST_F(ApiHandlersTest, MetricsArePrometheusText) {
  call(http::verb::get, "/ready");
  auto response = call(http::verb::get, "/metrics");
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response[http::field::content_type], "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = response.body();
  EXPECT_NE(text.find("# HELP weft_http_requests_total"), std::string::npos);
  EXPECT_NE(text.find(R"(weft_http_requests_total{endpoint="/ready",code="503"})"),
            std::string::npos);
  EXPECT_NE(text.find("weft_process_resident_memory_bytes "), std::string::npos);
  EXPECT_NE(text.find("weft_ingest_rejected_records_total"), std::string::npos);
}

TEST_F(ApiHandlersTest, IngestRefusesUnknownContentTypes) {
  auto response = call(http::verb::post, "/v1/logs", "{}", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(response.result(), http::status::unsupported_media_type);
  EXPECT_NE(response.body().find("\"code\""), std::string::npos) << response.body();
}

TEST_F(ApiHandlersTest, IngestIs503WithRetryAfterUntilReady) {
  std::string one_log = R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"x"}}]}]}]})";
  auto response =
      call(http::verb::post, "/v1/logs", one_log, {{"Content-Type", "application/json"}});
  EXPECT_EQ(response.result(), http::status::service_unavailable);
  EXPECT_EQ(response[http::field::retry_after], "1");
  EXPECT_NE(response.body().find("14"), std::string::npos) << response.body();
}

TEST_F(ApiHandlersTest, IngestRejectionIsAStatusInTheRequestEncoding) {
  HttpRequestHeader header;
  header.method(http::verb::post);
  header.target("/v1/logs");
  header.set(http::field::content_type, "application/json");
  auto response = router_.rejection(header, http::status::payload_too_large, "too big");
  EXPECT_EQ(response.result(), http::status::payload_too_large);
  EXPECT_EQ(response[http::field::content_type], "application/json");
  EXPECT_NE(response.body().find("too big"), std::string::npos) << response.body();
}

TEST_F(ApiHandlersTest, LokiPushIs503WithRetryAfterUntilReady) {
  std::string push = R"({"streams":[{"stream":{"app":"a"},"values":[[")" +
                     std::to_string(now_unix_nanos()) + R"(","x"]]}]})";
  auto response = call(http::verb::post, "/loki/api/v1/push", push,
                       {{"Content-Type", "application/json"}});
  EXPECT_EQ(response.result(), http::status::service_unavailable);
  EXPECT_EQ(response[http::field::retry_after], "1");
  EXPECT_EQ(response[http::field::content_type], "text/plain; charset=utf-8");
}

TEST_F(ApiHandlersTest, LokiPushRejectionIsPlainText) {
  HttpRequestHeader header;
  header.method(http::verb::post);
  header.target("/loki/api/v1/push");
  auto response = router_.rejection(header, http::status::payload_too_large, "too big");
  EXPECT_EQ(response.result(), http::status::payload_too_large);
  EXPECT_EQ(response[http::field::content_type], "text/plain; charset=utf-8");
  EXPECT_EQ(response.body(), "too big\n");
}

}  // namespace
}  // namespace weft::server::api
