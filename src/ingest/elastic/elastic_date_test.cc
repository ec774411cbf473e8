#include "ingest/elastic/elastic_date.h"

#include <gtest/gtest.h>

namespace weft::ingest::elastic {
namespace {

constexpr UnixNanos kSecond = 1'000'000'000;
// 2026-11-22T10:04:05Z
constexpr UnixNanos kT = 1795341845 * kSecond;

// Parses one JSON value (copied by simdjson into its own padded buffer).
JsonValue json(simdjson::dom::parser& parser, std::string_view text) {
  return parser.parse(text.data(), text.size()).value();
}

UnixNanos parse_ok(std::string_view text) {
  auto t = parse_elastic_date_text(text);
  EXPECT_TRUE(t.is_ok()) << text << ": " << t.status().message();
  return t.is_ok() ? *t : -1;
}

TEST(ElasticDate, IsoForms) {
  EXPECT_EQ(parse_ok("2026-11-22T10:04:05Z"), kT);
  EXPECT_EQ(parse_ok("2026-11-22T10:04:05"), kT);
  EXPECT_EQ(parse_ok("2026-11-22T10:04:05.123456789Z"), kT + 123456789);
  EXPECT_EQ(parse_ok("2026-11-22T10:04:05.5+01:00"), kT - 3600 * kSecond + 500'000'000);
  EXPECT_EQ(parse_ok("2026-11-22T10:04:05-0130"), kT + 5400 * kSecond);
  EXPECT_EQ(parse_ok("2026-11-22T10:04:05+02"), kT - 7200 * kSecond);
  EXPECT_EQ(parse_ok("2026-11-22T10:04"), kT - 5 * kSecond);
  EXPECT_EQ(parse_ok("2026-11-22"), kT - (10 * 3600 + 4 * 60 + 5) * kSecond);
  EXPECT_EQ(parse_ok("2024-02-29T00:00:00Z"), 1709164800 * kSecond);
}

TEST(ElasticDate, EpochMillis) {
  EXPECT_EQ(parse_ok("1795341845123"), kT + 123'000'000);
  EXPECT_EQ(parse_ok("1795341845123.5"), kT + 123'500'000);
  EXPECT_EQ(parse_ok("-1000"), -kSecond);
  simdjson::dom::parser parser;
  JsonValue number = json(parser, "1795341845123");
  EXPECT_EQ(*parse_elastic_date(number), kT + 123'000'000);
  JsonValue fraction = json(parser, "1795341845123.25");
  EXPECT_EQ(*parse_elastic_date(fraction), kT + 123'250'000);
}

TEST(ElasticDate, RejectsTheRest) {
  for (std::string_view bad :
       {"", "soon", "2026-13-01", "2026-02-30", "2023-02-29", "2026-11-22T25:00", "2026-11-22T10:04:05Q",
        "2026-11-22T10:04:05+1", "2026-11-22T10:04:05.", "26-11-22", "1.2.3", "99999999999999999999",
        "9999999999999999", "2026-11-22 10:04:05x"}) {
    EXPECT_FALSE(parse_elastic_date_text(bad).is_ok()) << bad;
  }
  simdjson::dom::parser parser;
  for (std::string_view bad : {"true", "null", "[1]", "{}", "18446744073709551615", "1e300"}) {
    JsonValue value = json(parser, bad);
    EXPECT_FALSE(parse_elastic_date(value).is_ok()) << bad;
  }
}

}  // namespace
}  // namespace weft::ingest::elastic
