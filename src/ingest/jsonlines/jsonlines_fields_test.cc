#include "ingest/jsonlines/jsonlines_fields.h"

#include <gtest/gtest.h>

namespace weft::ingest {
namespace {

TEST(JsonLinesFields, ParseAndJoin) {
  auto names = parse_field_list("time, ts ,@timestamp");
  ASSERT_TRUE(names.is_ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"time", "ts", "@timestamp"}));
  EXPECT_EQ(join_field_list(*names), "time,ts,@timestamp");
  EXPECT_EQ(join_field_list(JsonLinesFields{}.time), "time,timestamp,ts,@timestamp");
  for (std::string_view bad : {"", ",", "a,", ",a", "a,,b", " "})
    EXPECT_FALSE(parse_field_list(bad).is_ok()) << bad;
}

}  // namespace
}  // namespace weft::ingest
