#include "server/http/query_params.h"

#include <gtest/gtest.h>

namespace weft::server {
namespace {

TEST(QueryParamsTest, DecodesPairs) {
  auto params = QueryParams::parse("service=pay+ment&q=a%20b%26c&empty=&flag");
  ASSERT_TRUE(params);
  EXPECT_EQ(*params->get("service"), "pay ment");
  EXPECT_EQ(*params->get("q"), "a b&c");
  EXPECT_EQ(*params->get("empty"), "");
  EXPECT_EQ(*params->get("flag"), "");
  EXPECT_EQ(params->get("missing"), nullptr);
}

TEST(QueryParamsTest, FirstValueWins) {
  auto params = QueryParams::parse("a=1&a=2");
  ASSERT_TRUE(params);
  EXPECT_EQ(*params->get("a"), "1");
  EXPECT_EQ(params->all().size(), 2u);
}

TEST(QueryParamsTest, EmptyQueryHasNoParams) {
  auto params = QueryParams::parse("");
  ASSERT_TRUE(params);
  EXPECT_TRUE(params->all().empty());
  EXPECT_TRUE(QueryParams::parse("&&")->all().empty());
}

TEST(QueryParamsTest, RejectsBadEscapes) {
  EXPECT_FALSE(QueryParams::parse("a=%zz"));
  EXPECT_FALSE(QueryParams::parse("a=%2"));
  EXPECT_FALSE(QueryParams::parse("a=%"));
}

TEST(PercentDecodeTest, PlusOnlyInQueries) {
  EXPECT_EQ(*percent_decode("a+b", false), "a+b");
  EXPECT_EQ(*percent_decode("a+b", true), "a b");
  EXPECT_EQ(*percent_decode("%41%62", false), "Ab");
}

}  // namespace
}  // namespace weft::server
