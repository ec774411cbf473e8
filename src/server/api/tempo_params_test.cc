#include "server/api/tempo_params.h"

#include <gtest/gtest.h>

namespace weft::server::api {
namespace {

QueryParams params(std::string_view query) {
  auto p = QueryParams::parse(query);
  EXPECT_TRUE(p.is_ok());
  return *p;
}

TEST(tempo_params, TimeRangeInUnixSecondsWithDefaults) {
  constexpr UnixNanos kNow = 2'000'000'000'000'000'000;
  auto r = tempo_time_range(params("start=100&end=200.5"), kNow);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->start, 100'000'000'000);
  EXPECT_EQ(r->end, 200'500'000'000);
  r = tempo_time_range(params(""), kNow);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->end, kNow);
  EXPECT_EQ(r->start, kNow - kDefaultTempoRangeNanos);
  EXPECT_FALSE(tempo_time_range(params("start=300&end=200"), kNow).is_ok());
  auto bad = tempo_time_range(params("start=yesterday"), kNow);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().message(),
            "invalid start: expected unix seconds, unix nanoseconds or RFC 3339, got \"yesterday\"");
  r = tempo_time_range(params("start=1700000000000000000&end=2023-11-14T22:13:20Z"), kNow);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r->start, 1'700'000'000'000'000'000);
  EXPECT_EQ(r->end, 1'700'000'000'000'000'000);
  r = tempo_time_range(params("since=15m"), kNow);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->start, kNow - 900'000'000'000);
}

TEST(tempo_params, CountsAndDurations) {
  EXPECT_EQ(*count_param(params("limit=7"), "limit", 20, 100), 7u);
  EXPECT_EQ(*count_param(params(""), "limit", 20, 100), 20u);
  EXPECT_FALSE(count_param(params("limit=0"), "limit", 20, 100).is_ok());
  EXPECT_FALSE(count_param(params("limit=101"), "limit", 20, 100).is_ok());
  EXPECT_EQ(**duration_param(params("minDuration=1.5s"), "minDuration"), 1'500'000'000);
  EXPECT_EQ(**duration_param(params("d=1m30s"), "d"), 90'000'000'000);
  EXPECT_FALSE(duration_param(params(""), "d")->has_value());
  EXPECT_FALSE(duration_param(params("d=fast"), "d").is_ok());
}

TEST(tempo_params, TagsBecomeTraceql) {
  EXPECT_EQ(*tags_to_traceql(""), "{ }");
  EXPECT_EQ(*tags_to_traceql("service.name=api http.method=\"GET x\""),
            "{ .service.name =~ \"(?is).*api.*\" && .http.method =~ \"(?is).*GET\\\\ x.*\" }");
  EXPECT_EQ(*tags_to_traceql("a=1.5"), "{ .a =~ \"(?is).*1\\\\.5.*\" }");
  EXPECT_FALSE(tags_to_traceql("novalue").is_ok());
  EXPECT_FALSE(tags_to_traceql("a=\"open").is_ok());
}

}  // namespace
}  // namespace weft::server::api
