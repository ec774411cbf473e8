#include "common/hex.h"

#include <gtest/gtest.h>

#include <array>

namespace weft {
namespace {

TEST(Hex, RoundTrip) {
  std::string bytes("\x00\x01\xab\xff", 4);
  EXPECT_EQ(to_hex(bytes), "0001abff");
  EXPECT_EQ(from_hex("0001ABff"), bytes);
  EXPECT_EQ(from_hex(""), "");
}

TEST(Hex, RejectsOddLengthAndNonHex) {
  EXPECT_FALSE(from_hex("abc").has_value());
  EXPECT_FALSE(from_hex("zz").has_value());
  std::array<uint8_t, 2> out{};
  EXPECT_FALSE(from_hex_into("0g00", out.data(), 2));
  EXPECT_FALSE(from_hex_into("000", out.data(), 2));
  EXPECT_FALSE(from_hex_into("beEF00", out.data(), 2));
  EXPECT_TRUE(from_hex_into("beEF", out.data(), 2));
  EXPECT_EQ(out[0], 0xbe);
  EXPECT_EQ(out[1], 0xef);
}

}  // namespace
}  // namespace weft
