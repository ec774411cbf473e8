#include "common/base64.h"

#include <gtest/gtest.h>

#include <vector>

#include "common/hex.h"

namespace weft {
namespace {

TEST(Base64Test, RoundTripsEveryLengthMod3) {
  for (const std::string& s : std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\0\xff\x10", 3)}) {
    EXPECT_EQ(*base64_decode(base64_encode(s)), s);
  }
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
}

TEST(Base64Test, AcceptsUrlSafeAndUnpadded) {
  EXPECT_EQ(*base64_decode("Zm8"), "fo");
  EXPECT_EQ(*base64_decode("_-8"), *base64_decode("/+8"));
}

TEST(Base64Test, RejectsGarbage) {
  EXPECT_FALSE(base64_decode("Zm9v!").has_value());
  EXPECT_FALSE(base64_decode("Z").has_value());
}

TEST(HexTest, RoundTripsAndRejects) {
  EXPECT_EQ(to_hex(std::string("\x01\xab", 2)), "01ab");
  EXPECT_EQ(*from_hex("01AB"), std::string("\x01\xab", 2));
  EXPECT_FALSE(from_hex("abc").has_value());
  EXPECT_FALSE(from_hex("zz").has_value());
}

}  // namespace
}  // namespace weft
