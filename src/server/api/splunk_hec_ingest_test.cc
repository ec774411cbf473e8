// The Splunk HEC endpoints end to end: a real Server, real connections, records read back
// through the native API.
#include <gtest/gtest.h>

#include "common/gzip.h"
#include "server/api/ingest_test_server.h"

namespace weft::server::api {
namespace {

using testing::Headers;
using testing::IngestTestServer;

// What splunk-logging sends: a form content type over a JSON body.
const Headers kHec{{"Authorization", "Splunk 0b3e7cde-1111-2222-3333-444455556666"},
                   {"Content-Type", "application/x-www-form-urlencoded"}};

std::string reply(const HttpResponse& response) { return response.body(); }

TEST(SplunkHecIngest, StoresConcatenatedEvents) {
  IngestTestServer weft("weft-hec-events");
  std::string body =
      R"({"time":"1795341845.151","host":"web-1","source":"checkout","sourcetype":"_json",)"
      R"("event":{"message":"user logged in","severity":"info","user":"ada"}})"
      R"({"time":1795341846,"source":"checkout","event":"plain","fields":{"level":"error"}})";
  auto response = weft.post("/services/collector/event/1.0", body, kHec);
  ASSERT_EQ(response.result(), http::status::ok) << response.body();
  EXPECT_EQ(reply(response), R"({"text":"Success","code":0})");
  EXPECT_EQ(response[http::field::content_type], "application/json; charset=UTF-8");

  auto records = weft.logs("service=checkout");
  ASSERT_EQ(records.size(), 2u);
  simdjson::dom::element newest = records.at(0), oldest = records.at(1);
  EXPECT_EQ(std::string_view(oldest["body"]), "user logged in");
  EXPECT_EQ(std::string_view(oldest["time"]), "2026-11-22T10:04:05.151000000Z");
  EXPECT_EQ(int64_t(oldest["severity_number"]), 9);
  EXPECT_EQ(std::string_view(oldest["attributes"]["user"]), "ada");
  EXPECT_EQ(std::string_view(oldest["resource"]["attributes"]["host.name"]), "web-1");
  EXPECT_EQ(std::string_view(newest["body"]), "plain");
  EXPECT_EQ(std::string_view(newest["severity"]), "error");
}

TEST(SplunkHecIngest, AuthorizationFollowsSplunk) {
  IngestTestServer weft("weft-hec-auth");
  auto none = weft.post("/services/collector", R"({"event":"x"})");
  EXPECT_EQ(none.result(), http::status::unauthorized);
  EXPECT_EQ(reply(none), R"({"text":"Token is required","code":2})");
  auto bad = weft.post("/services/collector", R"({"event":"x"})", {{"Authorization", "Bearer t"}});
  EXPECT_EQ(bad.result(), http::status::unauthorized);
  EXPECT_EQ(reply(bad), R"({"text":"Invalid authorization","code":3})");
  auto health = weft.get("/services/collector/health");
  EXPECT_EQ(health.result(), http::status::ok);
  EXPECT_EQ(reply(health), R"({"text":"HEC is healthy","code":17})");
}

TEST(SplunkHecIngest, KeepsTheEventsBeforeABadOne) {
  IngestTestServer weft("weft-hec-partial");
  auto response = weft.post("/services/collector",
                            R"({"event":"a","source":"p"}{"event":"b","source":"p"}{"time":1}{"event":"c"})",
                            kHec);
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_EQ(reply(response), R"({"text":"Event field is required","code":12,"invalid-event-number":2})");
  EXPECT_EQ(weft.logs("service=p").size(), 2u);

  auto blank = weft.post("/services/collector/event", R"({"event":""})", kHec);
  EXPECT_EQ(reply(blank), R"({"text":"Event field cannot be blank","code":13,"invalid-event-number":0})");
  auto malformed = weft.post("/services/collector/event", R"({"event":"x"} nope)", kHec);
  EXPECT_EQ(malformed.result(), http::status::bad_request);
  EXPECT_EQ(reply(malformed), R"({"text":"Invalid data format","code":6,"invalid-event-number":1})");
  auto empty = weft.post("/services/collector/event", "", kHec);
  EXPECT_EQ(reply(empty), R"({"text":"No data","code":5})");
}

TEST(SplunkHecIngest, RawLinesAndGzip) {
  IngestTestServer weft("weft-hec-raw");
  Headers headers = kHec;
  headers.emplace_back("Content-Encoding", "gzip");
  auto response = weft.post("/services/collector/raw/1.0?source=billing&host=h1&sourcetype=log",
                            gzip_compress("line one\nline two\n"), headers);
  ASSERT_EQ(response.result(), http::status::ok) << response.body();
  auto records = weft.logs("service=billing");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(std::string_view(records.at(1)["resource"]["attributes"]["host.name"]), "h1");
}

TEST(SplunkHecIngest, BackpressureIsServerBusy) {
  IngestTestServer weft("weft-hec-busy", [](ServerOptions& o) { o.store.memory_budget_bytes = 1; });
  ASSERT_EQ(weft.post("/services/collector", R"({"event":"x"})", kHec).result(), http::status::ok);
  auto busy = weft.post("/services/collector", R"({"event":"x"})", kHec);
  EXPECT_EQ(busy.result(), http::status::service_unavailable);
  EXPECT_EQ(reply(busy), R"({"text":"Server is busy","code":9})");
  EXPECT_EQ(busy[http::field::retry_after], "1");
}

TEST(SplunkHecIngest, OversizedBodiesAre413) {
  IngestTestServer weft("weft-hec-413", [](ServerOptions& o) { o.max_request_bytes = 1024; });
  auto response = weft.post("/services/collector", std::string(2000, ' '), kHec);
  EXPECT_EQ(response.result(), http::status::payload_too_large);
  EXPECT_NE(reply(response).find("\"code\":6"), std::string::npos) << reply(response);
}

}  // namespace
}  // namespace weft::server::api
