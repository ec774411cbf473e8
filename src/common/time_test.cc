#include "common/time.h"

#include <gtest/gtest.h>

namespace weft {
namespace {

TEST(TimeTest, FormatsRfc3339WithNanos) {
  EXPECT_EQ(format_rfc3339_nanos(0), "1970-01-01T00:00:00.000000000Z");
  EXPECT_EQ(format_rfc3339_nanos(1'700'000'000'123'456'789), "2023-11-14T22:13:20.123456789Z");
}

TEST(TimeTest, ParsesRfc3339AndNanos) {
  EXPECT_EQ(*parse_time("2023-11-14T22:13:20.123456789Z"), 1'700'000'000'123'456'789);
  EXPECT_EQ(*parse_time("2023-11-14T22:13:20Z"), 1'700'000'000'000'000'000);
  EXPECT_EQ(*parse_time("2023-11-15T00:13:20.5+02:00"), 1'700'000'000'500'000'000);
  EXPECT_EQ(*parse_time("1700000000123456789"), 1'700'000'000'123'456'789);
}

TEST(TimeTest, RejectsGarbage) {
  EXPECT_FALSE(parse_time("").is_ok());
  EXPECT_FALSE(parse_time("yesterday").is_ok());
  EXPECT_FALSE(parse_time("2023-13-14T22:13:20Z").is_ok());
  EXPECT_FALSE(parse_time("2023-11-14T22:13:20").is_ok());
  EXPECT_FALSE(parse_time("2023-11-14T22:13:20.Z").is_ok());
  // Out of the range of int64 unix nanoseconds (1677-2262).
  EXPECT_FALSE(parse_time("4053-01-01T00:00:00Z").is_ok());
  EXPECT_FALSE(parse_time("1000-01-01T00:00:00Z").is_ok());
  EXPECT_TRUE(parse_time("2262-01-01T00:00:00Z").is_ok());
  EXPECT_FALSE(parse_time("99999999999999999999999").is_ok());
}

}  // namespace
}  // namespace weft
