#include "ingest/jsonlines/log_field_values.h"

#include <gtest/gtest.h>

namespace weft::ingest {
namespace {

TEST(LogFieldValues, EpochUnitsByMagnitude) {
  EXPECT_EQ(epoch_number_to_nanos(int64_t{1795428245}), 1795428245000000000);
  EXPECT_EQ(epoch_number_to_nanos(int64_t{1795428245123}), 1795428245123000000);
  EXPECT_EQ(epoch_number_to_nanos(int64_t{1795428245123456}), 1795428245123456000);
  EXPECT_EQ(epoch_number_to_nanos(int64_t{1795428245123456789}), 1795428245123456789);
  EXPECT_EQ(epoch_number_to_nanos(1795428245.5), 1795428245500000000);
  EXPECT_EQ(epoch_number_to_nanos(1795428245123.0), 1795428245123000000);
  EXPECT_FALSE(epoch_number_to_nanos(int64_t{0}));
  EXPECT_FALSE(epoch_number_to_nanos(int64_t{-5}));
  EXPECT_FALSE(epoch_number_to_nanos(-1.0));
  EXPECT_FALSE(epoch_number_to_nanos(1e300));
  // Past 2262 in nanoseconds, whatever the unit.
  EXPECT_FALSE(epoch_number_to_nanos(int64_t{17954282451}));
  EXPECT_FALSE(epoch_number_to_nanos(int64_t{17954281245123}));
  EXPECT_FALSE(epoch_number_to_nanos(int64_t{17954242824242199}));
  EXPECT_FALSE(epoch_number_to_nanos(17954282451.5));
  EXPECT_TRUE(epoch_number_to_nanos(int64_t{9'000'000'000}));
}

TEST(LogFieldValues, TimeText) {
  EXPECT_EQ(parse_log_time_text("2026-11-22T10:04:05Z"),
            parse_time("2026-11-22T10:04:05Z").value());
  EXPECT_EQ(parse_log_time_text("2026-11-22T10:04:05.25"),
            parse_time("2026-11-22T10:04:05.25Z").value());
  EXPECT_EQ(parse_log_time_text("2026-11-22 10:04:05"), parse_time("2026-11-22T10:04:05Z").value());
  EXPECT_EQ(parse_log_time_text("1795428245"), 1795428245000000000);
  EXPECT_EQ(parse_log_time_text("1795428245.25"), 1795428245250000000);
  for (std::string_view bad : {"", "now", "2026-11-22", "1.2.3", "2026-11-22T10:04:05+0100x"})
    EXPECT_FALSE(parse_log_time_text(bad)) << bad;
}

TEST(LogFieldValues, LevelNames) {
  EXPECT_EQ(level_from_text("INFO").severity_number, 9);
  EXPECT_EQ(level_from_text("INFO").severity_text, "INFO");
  EXPECT_EQ(level_from_text("Warning").severity_number, 13);
  EXPECT_EQ(level_from_text("dpanic").severity_number, 19);
  EXPECT_EQ(level_from_text("panic").severity_number, 21);
  EXPECT_EQ(level_from_text("critical").severity_number, 18);
  EXPECT_EQ(level_from_text("E").severity_number, 17);
  EXPECT_EQ(level_from_text("verbose").severity_number, 0);
  EXPECT_EQ(level_from_text("verbose").severity_text, "verbose");
}

TEST(LogFieldValues, LevelNumbers) {
  EXPECT_EQ(level_from_number(3).severity_number, 17);  // syslog err
  EXPECT_EQ(level_from_number(3).severity_text, "err");
  EXPECT_EQ(level_from_number(7).severity_number, 5);
  EXPECT_EQ(level_from_number(30).severity_text, "info");
  EXPECT_EQ(level_from_number(45).severity_number, 13);
  EXPECT_EQ(level_from_number(100).severity_number, 21);
  EXPECT_EQ(level_from_number(8).severity_number, 0);
  EXPECT_EQ(level_from_number(-1).severity_number, 0);
}

}  // namespace
}  // namespace weft::ingest
