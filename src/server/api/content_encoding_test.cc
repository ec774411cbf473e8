#include "server/api/content_encoding.h"

#include <gtest/gtest.h>

#include "common/gzip.h"

namespace weft::server::api {
namespace {

TEST(ContentEncodingTest, IdentityPassesThrough) {
  EXPECT_EQ(*decode_content_encoding("", "abc", 10), "abc");
  EXPECT_EQ(*decode_content_encoding("identity", "abc", 10), "abc");
  EXPECT_EQ(*decode_content_encoding(" Identity ", "abc", 10), "abc");
}

TEST(ContentEncodingTest, InflatesGzip) {
  std::string text(5000, 'z');
  EXPECT_EQ(*decode_content_encoding("gzip", gzip_compress(text), 5000), text);
  EXPECT_EQ(*decode_content_encoding("GZIP", gzip_compress(text), 5000), text);
}

TEST(ContentEncodingTest, RefusesBombs) {
  auto result = decode_content_encoding("gzip", gzip_compress(std::string(5001, 'z')), 5000);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().code(), StatusCode::kTooLarge);
}

TEST(ContentEncodingTest, RefusesCorruptGzip) {
  auto result = decode_content_encoding("gzip", "not gzip at all", 5000);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
}

TEST(ContentEncodingTest, RefusesOtherEncodings) {
  for (const char* encoding : {"br", "deflate", "zstd", "snappy"}) {
    auto result = decode_content_encoding(encoding, "x", 10);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.status().code(), StatusCode::kUnsupported) << encoding;
  }
}

}  // namespace
}  // namespace weft::server::api
