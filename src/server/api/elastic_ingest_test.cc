// The Elasticsearch-compatible endpoints end to end: a real Server, real connections, records
// read back through the native API.
#include <gtest/gtest.h>

#include "common/gzip.h"
#include "server/api/ingest_test_server.h"
#include "server/ui/ui_asset.h"

namespace weft::server::api {
namespace {

using testing::Headers;
using testing::IngestTestServer;

const Headers kNdjson{{"Content-Type", "application/x-ndjson"}};
const Headers kClient{{"Content-Type", "application/vnd.elasticsearch+x-ndjson; compatible-with=9"},
                      {"Accept", "application/vnd.elasticsearch+json; compatible-with=9"}};

void expect_product_header(const HttpResponse& response) {
  EXPECT_EQ(response["X-Elastic-Product"], "Elasticsearch") << response.result_int();
}

simdjson::dom::element parse(simdjson::dom::parser& parser, const HttpResponse& response) {
  simdjson::dom::element root;
  EXPECT_EQ(parser.parse(response.body()).get(root), simdjson::SUCCESS) << response.body();
  return root;
}

TEST(ElasticIngest, RootAnswersClientsAndGivesBrowsersTheUi) {
  IngestTestServer weft("weft-elastic-root");
  auto info = weft.get("/", {{"Accept", "application/vnd.elasticsearch+json; compatible-with=9"}});
  ASSERT_EQ(info.result(), http::status::ok);
  expect_product_header(info);
  EXPECT_EQ(info[http::field::content_type], "application/vnd.elasticsearch+json;compatible-with=9");
  simdjson::dom::parser parser;
  EXPECT_EQ(std::string_view(parse(parser, info)["version"]["number"]).substr(0, 2), "8.");
  EXPECT_EQ(weft.get("/").result(), http::status::ok);  // no Accept: curl, shippers

  auto browser = weft.get("/", {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}});
  EXPECT_EQ(browser["X-Elastic-Product"], "");
  if (ui::embedded_ui_assets().empty()) {
    EXPECT_EQ(browser.result(), http::status::not_found);  // built with -DWEFT_UI=OFF
  } else {
    EXPECT_EQ(browser.result(), http::status::ok);
    EXPECT_EQ(browser[http::field::content_type], "text/html; charset=utf-8");
  }

  auto head = weft.send(http::verb::head, "/", {}, {{"Accept", "application/json"}});
  EXPECT_EQ(head.result(), http::status::ok);
  expect_product_header(head);
  EXPECT_TRUE(head.body().empty());
}

TEST(ElasticIngest, StoresDocumentsAndAnswersPerItem) {
  IngestTestServer weft("weft-elastic-bulk");
  std::string body =
      "{\"index\":{\"_index\":\"app\"}}\n"
      "{\"@timestamp\":\"2026-11-22T10:04:05.123Z\",\"message\":\"card declined\","
      "\"log\":{\"level\":\"error\"},\"service\":{\"name\":\"payment\"},"
      "\"trace.id\":\"5b8efff798038103d269b633813fc60c\",\"order\":{\"id\":42}}\n"
      "{\"create\":{\"_index\":\"app\"}}\n{\"message\": oops}\n"
      "{\"delete\":{\"_index\":\"app\",\"_id\":\"1\"}}\n";
  auto response = weft.post("/_bulk", body, kClient);
  ASSERT_EQ(response.result(), http::status::ok) << response.body();
  expect_product_header(response);
  simdjson::dom::parser parser;
  auto root = parse(parser, response);
  EXPECT_TRUE(bool(root["errors"]));
  EXPECT_EQ(int64_t(root["items"].at(0)["index"]["status"]), 201);
  EXPECT_EQ(int64_t(root["items"].at(1)["create"]["status"]), 400);
  EXPECT_EQ(int64_t(root["items"].at(2)["delete"]["status"]), 400);

  auto records = weft.logs("service=payment");
  ASSERT_EQ(records.size(), 1u);
  simdjson::dom::element r = records.at(0);
  EXPECT_EQ(std::string_view(r["body"]), "card declined");
  EXPECT_EQ(std::string_view(r["time"]), "2026-11-22T10:04:05.123000000Z");
  EXPECT_EQ(int64_t(r["severity_number"]), 17);
  EXPECT_EQ(std::string_view(r["trace_id"]), "5b8efff798038103d269b633813fc60c");
  EXPECT_EQ(int64_t(r["attributes"]["order.id"]), 42);
  EXPECT_EQ(std::string_view(r["attributes"]["elasticsearch.index"]), "app");
}

TEST(ElasticIngest, IndexInThePathAndGzip) {
  IngestTestServer weft("weft-elastic-gzip");
  Headers headers = kNdjson;
  headers.emplace_back("Content-Encoding", "gzip");
  auto response = weft.send(http::verb::put, "/from-path/_bulk",
                            gzip_compress("{\"create\":{}}\n{\"message\":\"zipped\",\"service.name\":\"z\"}\n"),
                            headers);
  ASSERT_EQ(response.result(), http::status::ok) << response.body();
  auto records = weft.logs("service=z");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(std::string_view(records.at(0)["attributes"]["elasticsearch.index"]), "from-path");
}

TEST(ElasticIngest, RequestErrorsHaveTheElasticsearchShape) {
  IngestTestServer weft("weft-elastic-errors", [](ServerOptions& o) { o.max_request_bytes = 4096; });
  simdjson::dom::parser parser;
  struct Case {
    HttpResponse response;
    http::status status;
    std::string_view type;
  };
  for (const Case& c : {
           Case{weft.post("/_bulk", "{\"index\":{}}\n{}\n", {{"Content-Type", "text/plain"}}),
                http::status::not_acceptable, "media_type_header_exception"},
           Case{weft.post("/_bulk", "{\"index\":{\"_index\":\"a\"}}\n{}\n{bad\n", kNdjson),
                http::status::bad_request, "illegal_argument_exception"},
           Case{weft.post("/_bulk", "{\"index\":{}}\n{}\n", kNdjson), http::status::bad_request,
                "action_request_validation_exception"},
           Case{weft.post("/_bulk", std::string(5000, ' '), kNdjson),
                http::status::payload_too_large, "content_too_long_exception"},
           Case{weft.post("/_bulk", "x", {{"Content-Encoding", "gzip"}}), http::status::bad_request,
                "illegal_argument_exception"},
           Case{weft.post("/_bulk", "{}", {{"X-Scope-OrgID", "bad tenant"}}),
                http::status::bad_request, "illegal_argument_exception"},
       }) {
    EXPECT_EQ(c.response.result(), c.status) << c.response.body();
    expect_product_header(c.response);
    auto root = parse(parser, c.response);
    EXPECT_EQ(std::string_view(root["error"]["type"]), c.type) << c.response.body();
    EXPECT_EQ(std::string_view(root["error"]["root_cause"].at(0)["type"]), c.type);
    EXPECT_EQ(int64_t(root["status"]), c.response.result_int());
  }
}

TEST(ElasticIngest, BackpressureIs429ForTheWholeRequest) {
  // A budget of one byte: the first batch is taken, then the store is over budget.
  IngestTestServer weft("weft-elastic-429", [](ServerOptions& o) { o.store.memory_budget_bytes = 1; });
  std::string body = "{\"index\":{\"_index\":\"a\"}}\n{\"message\":\"m\"}\n";
  ASSERT_EQ(weft.post("/_bulk", body, kNdjson).result(), http::status::ok);
  auto refused = weft.post("/_bulk", body, kNdjson);
  ASSERT_EQ(refused.result(), http::status::too_many_requests) << refused.body();
  expect_product_header(refused);
  EXPECT_EQ(refused[http::field::retry_after], "1");
  simdjson::dom::parser parser;
  EXPECT_EQ(std::string_view(parse(parser, refused)["error"]["type"]),
            "es_rejected_execution_exception");
}

}  // namespace
}  // namespace weft::server::api
