#include "server/api/log_query.h"

#include <gtest/gtest.h>

namespace weft::server::api {
namespace {

LogQuery parse_ok(std::string_view query_string, uint32_t max_limit = 5000) {
  auto params = QueryParams::parse(query_string);
  EXPECT_TRUE(params);
  LogQuery query;
  auto error = parse_log_query(*params, max_limit, query);
  EXPECT_FALSE(error) << error->message;
  return query;
}

ParamError parse_bad(std::string_view query_string, uint32_t max_limit = 5000) {
  auto params = QueryParams::parse(query_string);
  EXPECT_TRUE(params);
  LogQuery query;
  auto error = parse_log_query(*params, max_limit, query);
  EXPECT_TRUE(error) << query_string;
  return error.value_or(ParamError{});
}

TEST(LogQueryTest, DefaultsMatchEverything) {
  LogQuery query = parse_ok("");
  EXPECT_EQ(query.limit, 100u);
  EXPECT_FALSE(query.filter.service);
  EXPECT_FALSE(query.filter.environment);
  EXPECT_EQ(query.filter.min_severity, 0);
  EXPECT_EQ(query.filter.start, 0);
  EXPECT_EQ(query.filter.end, INT64_MAX);
  EXPECT_EQ(query.filter.text, "");
  EXPECT_FALSE(query.filter.trace_id);
}

TEST(LogQueryTest, ReadsEveryParameter) {
  LogQuery query = parse_ok(
      "service=payment&env=prod&severity=warn&start=2026-11-23T10:00:00Z&end=1795428245123456789"
      "&q=Failed&trace_id=5B8EFFF798038103D269B633813FC60C&limit=5000");
  EXPECT_EQ(*query.filter.service, "payment");
  EXPECT_EQ(*query.filter.environment, "prod");
  EXPECT_EQ(query.filter.min_severity, 13);
  EXPECT_EQ(query.filter.start, 1795428000000000000);
  EXPECT_EQ(query.filter.end, 1795428245123456789);
  EXPECT_EQ(query.filter.text, "Failed");
  EXPECT_EQ(query.filter.trace_id->hex(), "5b8efff798038103d269b633813fc60c");
  EXPECT_EQ(query.limit, 5000u);
}

TEST(LogQueryTest, EmptyValuesAreAbsent) {
  LogQuery query = parse_ok("service=&severity=&limit=&trace_id=");
  EXPECT_FALSE(query.filter.service);
  EXPECT_EQ(query.limit, 100u);
}

TEST(LogQueryTest, EachBadParameterIsNamed) {
  struct Case {
    const char* query;
    const char* parameter;
  };
  for (const Case& c : {Case{"severity=loud", "severity"}, Case{"start=yesterday", "start"},
                        Case{"end=2026-13-45T00:00:00Z", "end"}, Case{"trace_id=abc", "trace_id"},
                        Case{"trace_id=zz8efff798038103d269b633813fc60c", "trace_id"},
                        Case{"limit=abc", "limit"}, Case{"limit=0", "limit"},
                        Case{"limit=5001", "limit"}, Case{"limit=-1", "limit"},
                        Case{"limit=10x", "limit"}, Case{"start=200&end=100", "start"}}) {
    ParamError error = parse_bad(c.query);
    EXPECT_EQ(error.parameter, c.parameter) << c.query;
    EXPECT_EQ(error.message.rfind(std::string(c.parameter) + ": ", 0), 0u) << error.message;
  }
}

TEST(LogQueryTest, LimitMessageMatchesTheDocs) {
  EXPECT_EQ(parse_bad("limit=abc").message,
            "limit: expected an integer from 1 to 5000, got \"abc\"");
}

TEST(LogQueryTest, LimitFollowsTheConfiguredMaximum) {
  EXPECT_EQ(parse_ok("limit=50", 50).limit, 50u);
  EXPECT_EQ(parse_bad("limit=51", 50).message, "limit: expected an integer from 1 to 50, got \"51\"");
}

}  // namespace
}  // namespace weft::server::api
