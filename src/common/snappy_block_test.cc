#include "common/snappy_block.h"

#include <gtest/gtest.h>

#include <string>

namespace weft {
namespace {

std::string sample_text() {
  std::string text(10000, 'a');
  return text + "some tail 12345";
}

TEST(SnappyBlock, RoundTrips) {
  std::string text = sample_text();
  std::string packed = snappy_compress(text);
  EXPECT_LT(packed.size(), text.size());
  auto out = snappy_uncompress(packed, text.size());
  ASSERT_TRUE(out.is_ok()) << out.status().message();
  EXPECT_EQ(*out, text);
  auto empty = snappy_uncompress(snappy_compress(""), 0);
  ASSERT_TRUE(empty.is_ok());
  EXPECT_EQ(*empty, "");
}

TEST(SnappyBlock, RejectsGarbageWithGosWording) {
  auto out = snappy_uncompress("\xff\xff\xff\xff\xff garbage", 1 << 20);
  ASSERT_FALSE(out.is_ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(out.status().message(), "snappy: corrupt input");
  EXPECT_FALSE(snappy_uncompress("", 1 << 20).is_ok());
  std::string truncated = snappy_compress(sample_text());
  truncated.resize(truncated.size() / 2);
  EXPECT_EQ(snappy_uncompress(truncated, 1 << 20).status().code(), StatusCode::kInvalidArgument);
}

TEST(SnappyBlock, ChecksTheLimitFromTheHeaderBeforeInflating) {
  std::string text = sample_text();
  auto out = snappy_uncompress(snappy_compress(text), text.size() - 1);
  ASSERT_FALSE(out.is_ok());
  EXPECT_EQ(out.status().code(), StatusCode::kTooLarge);
  // A 6-byte block claiming 4 GiB of output is refused without allocating it.
  auto bomb = snappy_uncompress(std::string("\xff\xff\xff\xff\x0f\x00", 6), 1 << 20);
  EXPECT_EQ(bomb.status().code(), StatusCode::kTooLarge);
}

}  // namespace
}  // namespace weft
