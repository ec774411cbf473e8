#include "server/api/delete_request_params.h"

#include <gtest/gtest.h>

namespace weft::server::api {
namespace {

QueryParams params(std::string_view query) {
  auto p = QueryParams::parse(query);
  EXPECT_TRUE(p.is_ok());
  return *p;
}

TEST(DeleteRequestParams, LokiSecondsAndRfc3339) {
  auto spec = parse_loki_delete_params(
      params("query=%7Bapp%3D%22x%22%7D&start=1700000000&end=1700000060.5"), 0);
  ASSERT_TRUE(spec.is_ok()) << spec.status().to_string();
  EXPECT_EQ(spec->query, "{app=\"x\"}");
  EXPECT_EQ(spec->start, 1700000000ll * 1000000000);
  EXPECT_EQ(spec->end, 1700000060ll * 1000000000 + 500000000);
  auto rfc = parse_loki_seconds("2023-11-14T22:13:20Z");
  ASSERT_TRUE(rfc.is_ok());
  EXPECT_EQ(*rfc, 1700000000ll * 1000000000);
}

TEST(DeleteRequestParams, LokiDefaultsAndErrors) {
  auto spec = parse_loki_delete_params(params("query=%7Ba%3D%22b%22%7D&start=10"), 99'000'000'000);
  ASSERT_TRUE(spec.is_ok());
  EXPECT_EQ(spec->end, 99'000'000'000);  // now
  EXPECT_NE(parse_loki_delete_params(params("start=10"), 0).status().message().find("query:"), std::string::npos);
  EXPECT_NE(parse_loki_delete_params(params("query=x"), 0).status().message().find("start:"), std::string::npos);
  EXPECT_NE(parse_loki_delete_params(params("query=x&start=yesterday"), 0).status().message().find("start:"),
            std::string::npos);
  EXPECT_NE(parse_loki_delete_params(params("query=x&start=20&end=10"), 0).status().message().find("end:"),
            std::string::npos);
}

TEST(DeleteRequestParams, NativeBody) {
  auto spec = parse_native_delete_body(
      R"({"selector":"{service_name=\"a\"}","start":"2023-11-14T22:13:20Z","end":1700000001000000000,"signal":"spans"})", 0);
  ASSERT_TRUE(spec.is_ok()) << spec.status().to_string();
  EXPECT_EQ(spec->query, "{service_name=\"a\"}");
  EXPECT_EQ(spec->start, 1700000000ll * 1000000000);
  EXPECT_EQ(spec->end, 1700000001ll * 1000000000);
  EXPECT_EQ(spec->signal, storage::part_format::Signal::kSpans);
  EXPECT_FALSE(parse_native_delete_body("not json", 0).is_ok());
  EXPECT_FALSE(parse_native_delete_body(R"({"start":"0"})", 0).is_ok());
  EXPECT_FALSE(parse_native_delete_body(R"({"selector":"{a=\"b\"}"})", 0).is_ok());
  EXPECT_FALSE(parse_native_delete_body(R"({"selector":"{a=\"b\"}","start":"0","signal":"metrics"})", 0).is_ok());
}

}  // namespace
}  // namespace weft::server::api
