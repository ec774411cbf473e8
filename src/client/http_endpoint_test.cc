// Endpoint URL and Retry-After parsing.
#include "client/http_endpoint.h"

#include <gtest/gtest.h>

namespace weft::client {
namespace {

TEST(HttpEndpoint, Parses) {
  auto e = parse_http_endpoint("http://127.0.0.1:4318");
  ASSERT_TRUE(e.is_ok());
  EXPECT_EQ(e->host, "127.0.0.1");
  EXPECT_EQ(e->port, "4318");
  EXPECT_EQ(e->base_path, "");
  e = parse_http_endpoint("http://collector/otlp/");
  ASSERT_TRUE(e.is_ok());
  EXPECT_EQ(e->host, "collector");
  EXPECT_EQ(e->port, "80");
  EXPECT_EQ(e->base_path, "/otlp");
  e = parse_http_endpoint("http://[::1]:4318");
  ASSERT_TRUE(e.is_ok());
  EXPECT_EQ(e->host, "::1");
  EXPECT_EQ(e->port, "4318");
  EXPECT_FALSE(parse_http_endpoint("https://x:4318").is_ok());
  EXPECT_FALSE(parse_http_endpoint("127.0.0.1:4318").is_ok());
  EXPECT_FALSE(parse_http_endpoint("http://x:99999").is_ok());
  EXPECT_FALSE(parse_http_endpoint("http://:4318").is_ok());
}

TEST(RetryAfter, ParsesDeltaSeconds) {
  EXPECT_EQ(parse_retry_after("1"), std::chrono::seconds(1));
  EXPECT_EQ(parse_retry_after(" 30 "), std::chrono::seconds(30));
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT"), std::nullopt);
  EXPECT_EQ(parse_retry_after("-1"), std::nullopt);
  EXPECT_EQ(parse_retry_after(""), std::nullopt);
}

}  // namespace
}  // namespace weft::client
