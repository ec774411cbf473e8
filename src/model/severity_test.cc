#include "model/severity.h"

#include <gtest/gtest.h>

namespace weft {
namespace {

TEST(SeverityTest, NumberWinsOverText) {
  EXPECT_EQ(effective_severity(17, "INFO"), 17);
  EXPECT_EQ(effective_severity(0, "ERROR"), 17);
  EXPECT_EQ(effective_severity(0, "warning"), 13);
  EXPECT_EQ(effective_severity(0, "W"), 13);
  EXPECT_EQ(effective_severity(0, ""), 0);
  EXPECT_EQ(effective_severity(0, "chatty"), 0);
  EXPECT_EQ(effective_severity(99, "fatal"), 21);
}

TEST(SeverityTest, LevelsMapToRanges) {
  EXPECT_EQ(*severity_level_min_number("warn"), 13);
  EXPECT_EQ(*severity_level_min_number("ERROR"), 17);
  EXPECT_FALSE(severity_level_min_number("loud").has_value());
  EXPECT_EQ(severity_level_name(4), "trace");
  EXPECT_EQ(severity_level_name(9), "info");
  EXPECT_EQ(severity_level_name(24), "fatal");
  EXPECT_EQ(severity_level_name(0), "unspecified");
}

}  // namespace
}  // namespace weft
