#include "query/logql/units.h"

#include <gtest/gtest.h>

#include "query/logql/ip_match.h"
#include "query/logql/logfmt.h"
#include "query/logql/pattern.h"

namespace weft::logql {
namespace {

constexpr int64_t kS = 1000000000;

TEST(Units, Durations) {
  EXPECT_EQ(*parse_prometheus_duration("1h30m"), 5400 * kS);
  EXPECT_EQ(*parse_prometheus_duration("2d"), 2 * 86400 * kS);
  EXPECT_EQ(*parse_prometheus_duration("250ms"), kS / 4);
  EXPECT_FALSE(parse_prometheus_duration("30m1h").is_ok());  // units in falling order
  EXPECT_FALSE(parse_prometheus_duration("1.5h").is_ok());
  EXPECT_EQ(*parse_go_duration("1.5s"), 3 * kS / 2);
  EXPECT_EQ(*parse_go_duration("-2h45m"), -(2 * 3600 + 45 * 60) * kS);
  EXPECT_EQ(*parse_go_duration("10us"), 10000);
  EXPECT_FALSE(parse_go_duration("10").is_ok());
  EXPECT_EQ(format_prometheus_duration(90 * kS), "1m30s");
  EXPECT_EQ(format_prometheus_duration(7 * 86400 * kS), "1w");
  EXPECT_EQ(format_prometheus_duration(0), "0s");
  EXPECT_EQ(format_go_duration(3600 * kS), "1h0m0s");
  EXPECT_EQ(format_go_duration(1500 * 1000000LL), "1.5s");
  EXPECT_EQ(format_go_duration(250 * 1000000LL), "250ms");
}

TEST(Units, Bytes) {
  EXPECT_EQ(*parse_bytes("10KB"), 10000u);
  EXPECT_EQ(*parse_bytes("10KiB"), 10240u);
  EXPECT_EQ(*parse_bytes("1.5 MB"), 1500000u);
  EXPECT_EQ(*parse_bytes("42"), 42u);
  EXPECT_FALSE(parse_bytes("12XB").is_ok());
  EXPECT_EQ(format_bytes_si(20000000), "20 MB");
  EXPECT_EQ(format_bytes_si(1500), "1.5 kB");
}

TEST(Units, SampleValues) {
  EXPECT_EQ(format_sample_value(0.1), "0.1");
  EXPECT_EQ(format_sample_value(100), "100");
  EXPECT_EQ(format_sample_value(1.0 / 3), "0.3333333333333333");
}

TEST(Logfmt, ScansPairsQuotedValuesAndErrors) {
  LogfmtScanner s(R"(a=1 b="x \"y\"" flag c= d=e)");
  std::vector<std::pair<std::string, std::string>> got;
  while (!s.done())
    if (s.next()) got.emplace_back(std::string(s.key()), s.value());
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{
                     {"a", "1"}, {"b", "x \"y\""}, {"flag", ""}, {"c", ""}, {"d", "e"}}));
  LogfmtScanner bad(R"(a="unterminated)");
  EXPECT_FALSE(bad.next());
  EXPECT_NE(bad.error().find("unterminated"), std::string::npos);
}

TEST(Pattern, ExtractsAndTests) {
  auto p = Pattern::parse_for_extraction("<ip> - <user> [<_>] \"<method> <path>");
  ASSERT_TRUE(p.is_ok());
  std::vector<std::string_view> v;
  ASSERT_TRUE(p->extract("1.2.3.4 - bob [x] \"GET /a HTTP", v));
  EXPECT_EQ(v, (std::vector<std::string_view>{"1.2.3.4", "bob", "GET", "/a HTTP"}));
  EXPECT_FALSE(Pattern::parse_for_extraction("<a><b>").is_ok());
  EXPECT_FALSE(Pattern::parse_for_extraction("no captures").is_ok());
  EXPECT_FALSE(Pattern::parse_for_extraction("<a> <a>").is_ok());
  auto f = Pattern::parse_for_filter("<_> bar");
  ASSERT_TRUE(f.is_ok());
  EXPECT_TRUE(f->test("foo bar"));
  EXPECT_FALSE(f->test("foo bar baz"));
  EXPECT_FALSE(Pattern::parse_for_filter("<named>").is_ok());
}

TEST(IpMatch, AddressesCidrsRanges) {
  auto cidr = IpMatcher::parse("10.0.0.0/8");
  ASSERT_TRUE(cidr.is_ok());
  EXPECT_TRUE(cidr->matches_value("10.200.3.4"));
  EXPECT_FALSE(cidr->matches_value("11.0.0.1"));
  EXPECT_TRUE(cidr->matches_in_line("client 10.1.2.3: connected."));
  auto range = IpMatcher::parse("192.168.0.1-192.168.0.9");
  EXPECT_TRUE(range->matches_value("192.168.0.5"));
  EXPECT_FALSE(range->matches_value("192.168.0.10"));
  auto v6 = IpMatcher::parse("2001:db8::/32");
  EXPECT_TRUE(v6->matches_value("2001:db8::1"));
  EXPECT_FALSE(IpMatcher::parse("not-an-ip").is_ok());
  EXPECT_FALSE(IpMatcher::parse("10.0.0.0/33").is_ok());
}

}  // namespace
}  // namespace weft::logql
