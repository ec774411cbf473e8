#include "ingest/elastic/bulk_request.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <set>

#include "ingest/elastic/bulk_response.h"

namespace weft::ingest::elastic {
namespace {

BulkRequest decode(std::string_view body, std::string_view default_index = {}) {
  return decode_bulk_request(body, BulkOptions{default_index, 42});
}

std::string_view string_attribute(const LogRecord& r, std::string_view key) {
  const AnyValue* v = find_attribute(r.attributes, key);
  return v && v->as_string() ? std::string_view(*v->as_string()) : std::string_view();
}

TEST(BulkRequest, IndexAndCreateActionsStoreTheirDocuments) {
  auto bulk = decode(
      "{\"index\":{\"_index\":\"app-logs\",\"_id\":\"a1\"}}\n"
      "{\"@timestamp\":\"2026-11-22T10:04:05.5Z\",\"message\":\"paid\",\"log.level\":\"info\","
      "\"service.name\":\"checkout\",\"host\":{\"name\":\"web-1\"},\"order\":{\"id\":42}}\n"
      "{\"create\":{}}\n"
      "{\"message\":\"second\",\"service\":{\"name\":\"checkout\"},\"host.name\":\"web-1\"}\n",
      "default-index");
  ASSERT_FALSE(bulk.error) << bulk.error->reason;
  ASSERT_EQ(bulk.items.size(), 2u);
  EXPECT_EQ(bulk.items[0].op, BulkOp::kIndex);
  EXPECT_EQ(bulk.items[0].index, "app-logs");
  EXPECT_EQ(bulk.items[0].id, "a1");
  EXPECT_EQ(bulk.items[0].status, 201);
  EXPECT_EQ(bulk.items[1].op, BulkOp::kCreate);
  EXPECT_EQ(bulk.items[1].index, "default-index");
  EXPECT_EQ(bulk.items[1].id, "");
  EXPECT_EQ(bulk.failed_items(), 0u);

  ASSERT_EQ(bulk.batch.records.size(), 2u);
  const LogRecord& first = bulk.batch.records[0];
  EXPECT_EQ(first.time_unix_nano, 1795341845'500'000'000);
  EXPECT_EQ(first.observed_time_unix_nano, 42);
  EXPECT_EQ(first.body, AnyValue("paid"));
  EXPECT_EQ(first.severity_number, 9);
  EXPECT_EQ(service_name(*first.resource), "checkout");
  EXPECT_EQ(string_attribute(first, "elasticsearch.index"), "app-logs");
  EXPECT_EQ(string_attribute(first, "elasticsearch.id"), "a1");
  EXPECT_EQ(*find_attribute(first.attributes, "order.id"), AnyValue(int64_t{42}));
  ASSERT_NE(first.scope, nullptr);
  // Same service and host: one shared Resource.
  EXPECT_EQ(first.resource.get(), bulk.batch.records[1].resource.get());
  EXPECT_EQ(find_attribute(bulk.batch.records[1].attributes, "elasticsearch.id"), nullptr);
}

TEST(BulkRequest, BadDocumentsFailAloneAndTheRestIsKept) {
  auto bulk = decode(
      "{\"index\":{\"_index\":\"l\"}}\n{\"message\":\"good 1\"}\n"
      "{\"index\":{\"_index\":\"l\"}}\n{\"message\": broken\n"
      "{\"index\":{\"_index\":\"l\"}}\n[1,2]\n"
      "{\"create\":{\"_index\":\"l\"}}\n{\"@timestamp\":\"yesterday\"}\n"
      "{\"index\":{\"_index\":\"l\"}}\n\n"
      "{\"index\":{\"_index\":\"l\"}}\n{\"message\":\"good 2\"}\n");
  ASSERT_FALSE(bulk.error);
  ASSERT_EQ(bulk.items.size(), 6u);
  std::vector<int> statuses;
  for (const auto& item : bulk.items) statuses.push_back(item.status);
  EXPECT_EQ(statuses, (std::vector<int>{201, 400, 400, 400, 400, 201}));
  EXPECT_EQ(bulk.items[1].error_type, "document_parsing_exception");
  EXPECT_NE(bulk.items[1].error_reason.find("line [4]"), std::string::npos)
      << bulk.items[1].error_reason;
  EXPECT_NE(bulk.items[3].error_reason.find("@timestamp"), std::string::npos);
  EXPECT_EQ(bulk.failed_items(), 4u);
  ASSERT_EQ(bulk.batch.records.size(), 2u);
  EXPECT_EQ(bulk.batch.records[0].body, AnyValue("good 1"));
  EXPECT_EQ(bulk.batch.records[1].body, AnyValue("good 2"));
}

TEST(BulkRequest, UpdateAndDeleteAreRefusedPerItem) {
  auto bulk = decode(
      "{\"delete\":{\"_index\":\"l\",\"_id\":\"1\"}}\n"
      "{\"update\":{\"_index\":\"l\",\"_id\":\"2\"}}\n{\"doc\":{\"a\":1}}\n"
      "{\"index\":{\"_index\":\"l\"}}\n{\"message\":\"kept\"}");
  ASSERT_FALSE(bulk.error);
  ASSERT_EQ(bulk.items.size(), 3u);
  EXPECT_EQ(bulk.items[0].op, BulkOp::kDelete);
  EXPECT_EQ(bulk.items[0].status, 400);
  EXPECT_EQ(bulk.items[1].op, BulkOp::kUpdate);
  EXPECT_EQ(bulk.items[1].status, 400);
  EXPECT_EQ(bulk.items[2].status, 201);
  EXPECT_EQ(bulk.batch.records.size(), 1u);
}

TEST(BulkRequest, MalformedActionsRefuseTheWholeRequest) {
  struct Case {
    std::string_view body;
    std::string_view type;
  };
  for (const Case& c : {
           Case{"{\"index\":{\"_index\":\"l\"}}\n{}\nnot json\n{}\n", "illegal_argument_exception"},
           Case{"[\"index\"]\n{}\n", "illegal_argument_exception"},
           Case{"{\"upsert\":{}}\n{}\n", "illegal_argument_exception"},
           Case{"{\"index\":{},\"create\":{}}\n{}\n", "illegal_argument_exception"},
           Case{"{\"index\":\"l\"}\n{}\n", "illegal_argument_exception"},
           Case{"{\"index\":{\"_index\":5}}\n{}\n", "illegal_argument_exception"},
           Case{"{\"index\":{\"_index\":\"l\",\"_id\":{}}}\n{}\n", "illegal_argument_exception"},
           Case{"{\"index\":{\"_index\":\"l\"}}\n", "illegal_argument_exception"},
           Case{"{\"index\":{}}\n{}\n", "action_request_validation_exception"},
           Case{"", "action_request_validation_exception"},
           Case{"\n \n", "action_request_validation_exception"},
       }) {
    auto bulk = decode(c.body);
    ASSERT_TRUE(bulk.error) << c.body;
    EXPECT_EQ(bulk.error->status, 400);
    EXPECT_EQ(bulk.error->type, c.type) << c.body;
    EXPECT_TRUE(bulk.batch.records.empty());
    EXPECT_TRUE(bulk.items.empty());
  }
  auto bulk = decode("{\"index\":{\"_index\":\"l\"}}\n{}\n\n{\"oops\"\n");
  ASSERT_TRUE(bulk.error);
  EXPECT_NE(bulk.error->reason.find("line [4]"), std::string::npos) << bulk.error->reason;
}

TEST(BulkRequest, RepeatedActionLinesKeepTheirOwnMeaning) {
  auto bulk = decode(
      "{\"create\":{\"_index\":\"a\"}}\n{}\n{\"create\":{\"_index\":\"a\"}}\n{}\n"
      "{\"index\":{\"_index\":\"a\",\"_id\":\"1\"}}\n{}\n{\"index\":{\"_index\":\"a\",\"_id\":\"1\"}}\n{}\n"
      "{\"create\":{\"_index\":\"b\"}}\n{}\n{\"create\":{\"_index\":\"a\"}}\n{}\n");
  ASSERT_FALSE(bulk.error);
  std::vector<std::string> seen;
  for (const auto& item : bulk.items)
    seen.push_back(std::string(bulk_op_name(item.op)) + ":" + item.index + ":" + item.id);
  EXPECT_EQ(seen, (std::vector<std::string>{"create:a:", "create:a:", "index:a:1", "index:a:1",
                                            "create:b:", "create:a:"}));
}

TEST(BulkRequest, NumericIdsAndUnknownParametersAreAccepted) {
  auto bulk = decode("{\"index\":{\"_index\":\"l\",\"_id\":17,\"routing\":\"r\",\"pipeline\":\"p\"}}\n{}\n");
  ASSERT_FALSE(bulk.error);
  EXPECT_EQ(bulk.items[0].id, "17");
  EXPECT_EQ(bulk.items[0].status, 201);
}

TEST(BulkResponse, HasTheElasticsearchShape) {
  auto bulk = decode(
      "{\"create\":{\"_index\":\"l\"}}\n{\"message\":\"a\"}\n"
      "{\"index\":{\"_index\":\"l\",\"_id\":\"x\"}}\n{\"@timestamp\":false}\n");
  std::string body = bulk_response(7, bulk_response_rest(bulk.items));
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.parse(body).value();
  EXPECT_EQ(int64_t(root["took"]), 7);
  EXPECT_EQ(bool(root["errors"]), true);
  simdjson::dom::element created = root["items"].at(0)["create"];
  EXPECT_EQ(std::string_view(created["_index"]), "l");
  EXPECT_EQ(std::string_view(created["_id"]).size(), 20u);
  EXPECT_EQ(std::string_view(created["result"]), "created");
  EXPECT_EQ(int64_t(created["status"]), 201);
  EXPECT_EQ(int64_t(created["_version"]), 1);
  simdjson::dom::element failed = root["items"].at(1)["index"];
  EXPECT_EQ(std::string_view(failed["_id"]), "x");
  EXPECT_EQ(int64_t(failed["status"]), 400);
  EXPECT_EQ(std::string_view(failed["error"]["type"]), "document_parsing_exception");
}

TEST(BulkResponse, NoErrorsWhenEveryItemIsStored) {
  auto bulk = decode("{\"create\":{\"_index\":\"l\"}}\n{\"message\":\"a\"}\n");
  std::string body = bulk_response(0, bulk_response_rest(bulk.items));
  EXPECT_EQ(body.substr(0, 36), R"({"took":0,"errors":false,"items":[{")");
  EXPECT_EQ(body.substr(body.size() - 4), "}}]}");
}

TEST(BulkResponse, GeneratedIdsAreUniqueAndUrlSafe) {
  std::set<std::string> ids;
  for (int i = 0; i < 10000; ++i) {
    std::string id = new_document_id();
    ASSERT_EQ(id.size(), 20u);
    ASSERT_EQ(id.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos)
        << id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 10000u);
}

TEST(ElasticError, HasTheElasticsearchShape) {
  std::string body = elastic_error_body({429, "es_rejected_execution_exception", "busy"});
  EXPECT_EQ(body,
            R"({"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"busy"}],)"
            R"("type":"es_rejected_execution_exception","reason":"busy"},"status":429})");
}

}  // namespace
}  // namespace weft::ingest::elastic
