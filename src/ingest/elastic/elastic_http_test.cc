#include "ingest/elastic/elastic_http.h"

#include <gtest/gtest.h>
#include <simdjson.h>

namespace weft::ingest::elastic {
namespace {

TEST(ElasticHttp, AnswersInTheVendorTypeTheClientAskedFor) {
  EXPECT_EQ(elastic_content_type("application/vnd.elasticsearch+json; compatible-with=9"),
            "application/vnd.elasticsearch+json;compatible-with=9");
  EXPECT_EQ(elastic_content_type("application/vnd.elasticsearch+json;compatible-with=8"),
            "application/vnd.elasticsearch+json;compatible-with=8");
  EXPECT_EQ(elastic_content_type(""), "application/json");
  EXPECT_EQ(elastic_content_type("*/*"), "application/json");
  EXPECT_EQ(elastic_content_type("application/json"), "application/json");
}

TEST(ElasticHttp, BulkContentTypes) {
  for (std::string_view ok :
       {"", "application/x-ndjson", "application/json; charset=UTF-8",
        "application/vnd.elasticsearch+x-ndjson; compatible-with=9",
        "Application/X-NDJSON", "application/vnd.elasticsearch+json;compatible-with=8"})
    EXPECT_TRUE(is_bulk_content_type(ok)) << ok;
  for (std::string_view bad : {"text/plain", "application/x-www-form-urlencoded",
                               "application/x-protobuf", "application/jsonx"})
    EXPECT_FALSE(is_bulk_content_type(bad)) << bad;
}

TEST(ElasticHttp, TellsClientsFromBrowsers) {
  EXPECT_TRUE(is_elastic_client_request("application/vnd.elasticsearch+json; compatible-with=9", false));
  EXPECT_TRUE(is_elastic_client_request("", false));
  EXPECT_TRUE(is_elastic_client_request("*/*", false));
  EXPECT_TRUE(is_elastic_client_request("application/json", false));
  const std::string_view browser =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  EXPECT_FALSE(is_elastic_client_request(browser, false));
  EXPECT_TRUE(is_elastic_client_request(browser, true));
}

TEST(ElasticHttp, RootDocument) {
  std::string body = elastic_root_document("node-7");
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.parse(body).value();
  EXPECT_EQ(std::string_view(root["name"]), "node-7");
  EXPECT_EQ(std::string_view(root["cluster_name"]), "weft");
  EXPECT_EQ(std::string_view(root["cluster_uuid"]).size(), 22u);
  EXPECT_EQ(std::string_view(root["version"]["number"]), kAnnouncedVersion);
  EXPECT_EQ(std::string_view(root["version"]["build_flavor"]), "default");
  EXPECT_EQ(elastic_root_document("node-7"), body);  // stable across calls
  EXPECT_NE(elastic_root_document("node-8"), body);
}

}  // namespace
}  // namespace weft::ingest::elastic
