#include "ingest/syslog/rfc3164_parser.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace weft::ingest {
namespace {

// The tests read BSD timestamps as UTC.
class Rfc3164 : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("TZ", "UTC", 1);
    tzset();
  }
  static UnixNanos at(std::string_view rfc3339) { return parse_time(rfc3339).value(); }

  SyslogMessage parse_ok(std::string_view text, UnixNanos now = at("2026-11-22T12:00:00Z")) {
    SyslogMessage m;
    Status s = parse_rfc3164(text, now, m);
    EXPECT_TRUE(s.is_ok()) << text << ": " << s.message();
    return m;
  }
};

TEST_F(Rfc3164, RfcExample) {
  SyslogMessage m =
      parse_ok("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8");
  ASSERT_TRUE(m.priority);
  EXPECT_EQ(m.priority->facility, 4);
  EXPECT_EQ(m.priority->severity, 2);
  EXPECT_EQ(m.time, at("2026-10-11T22:14:15Z"));
  EXPECT_EQ(m.hostname, "mymachine");
  EXPECT_EQ(m.app_name, "su");
  EXPECT_EQ(m.procid, "");
  EXPECT_EQ(m.message, "'su root' failed for lonvick on /dev/pts/8");
}

TEST_F(Rfc3164, TagWithPidAndPaddedDay) {
  SyslogMessage m = parse_ok("<13>Feb  5 17:32:18 web-1 nginx[4711]: GET / 200");
  EXPECT_EQ(m.time, at("2026-02-05T17:32:18Z"));
  EXPECT_EQ(m.hostname, "web-1");
  EXPECT_EQ(m.app_name, "nginx");
  EXPECT_EQ(m.procid, "4711");
  EXPECT_EQ(m.message, "GET / 200");
  EXPECT_EQ(parse_ok("<13>Feb 05 17:32:18 h t: x").time, at("2026-02-05T17:32:18Z"));
  EXPECT_EQ(parse_ok("<13>Feb 5 17:32:18 h t: x").time, at("2026-02-05T17:32:18Z"));
}

TEST_F(Rfc3164, MissingHostname) {
  SyslogMessage m = parse_ok("<13>Nov 22 10:04:05 cron[99]: job done");
  EXPECT_EQ(m.hostname, "");
  EXPECT_EQ(m.app_name, "cron");
  EXPECT_EQ(m.procid, "99");
  EXPECT_EQ(m.message, "job done");
  m = parse_ok("<13>Nov 22 10:04:05 myapp: started");
  EXPECT_EQ(m.hostname, "");
  EXPECT_EQ(m.app_name, "myapp");
  EXPECT_EQ(m.message, "started");
}

TEST_F(Rfc3164, NoTag) {
  SyslogMessage m = parse_ok("<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!");
  EXPECT_EQ(m.hostname, "10.0.0.99");
  EXPECT_EQ(m.app_name, "");
  EXPECT_EQ(m.message, "Use the BFG!");
}

TEST_F(Rfc3164, FractionYearAndTrailingColon) {
  EXPECT_EQ(parse_ok("<189>Mar  1 00:00:01.250: host sys: x").time, at("2026-03-01T00:00:01.25Z"));
  SyslogMessage m = parse_ok("<189>Mar  1 2024 00:00:01 router %LINK-3-UPDOWN: Interface down");
  EXPECT_EQ(m.time, at("2024-03-01T00:00:01Z"));
  EXPECT_EQ(m.hostname, "router");
  EXPECT_EQ(m.app_name, "%LINK-3-UPDOWN");
  EXPECT_EQ(m.message, "Interface down");
  // A year out of range is no year: the timestamp does not parse, all is message.
  m = parse_ok("<189>Mar  1 0224 00:00:01 router x: y");
  EXPECT_EQ(m.time, 0);
  EXPECT_EQ(m.message, "Mar  1 0224 00:00:01 router x: y");
}

TEST_F(Rfc3164, Rfc3339Timestamp) {
  SyslogMessage m = parse_ok("<30>2026-11-22T10:04:05.123456+01:00 host systemd[1]: Started.");
  EXPECT_EQ(m.time, at("2026-11-22T09:04:05.123456Z"));
  EXPECT_EQ(m.hostname, "host");
  EXPECT_EQ(m.app_name, "systemd");
  EXPECT_EQ(m.procid, "1");
}

TEST_F(Rfc3164, YearRollsBackForDecemberInJanuary) {
  EXPECT_EQ(parse_ok("<13>Dec 31 23:59:59 h t: x", at("2027-01-01T00:00:05Z")).time,
            at("2026-12-31T23:59:59Z"));
  EXPECT_EQ(parse_ok("<13>Jan  1 00:00:01 h t: x", at("2026-12-31T23:59:00Z")).time,
            at("2026-01-01T00:00:01Z"));  // in the past: the current year
  EXPECT_EQ(parse_ok("<13>Nov 23 00:00:01 h t: x", at("2026-11-22T23:59:00Z")).time,
            at("2026-11-23T00:00:01Z"));  // a sender's clock slightly ahead
}

TEST_F(Rfc3164, LocalTimeZone) {
  setenv("TZ", "America/New_York", 1);
  tzset();
  UnixNanos t = parse_ok("<13>Jul  4 12:00:00 h t: x").time;
  UnixNanos w = parse_ok("<13>Jan  4 12:00:00 h t: x").time;
  setenv("TZ", "UTC", 1);
  tzset();
  // Skipped where the zone database is not installed (localtime then falls back to UTC).
  if (t == at("2026-07-04T12:00:00Z")) GTEST_SKIP() << "no zone data for America/New_York";
  EXPECT_EQ(t, at("2026-07-04T16:00:00Z"));
  EXPECT_EQ(w, at("2026-01-04T17:00:00Z"));
}

TEST_F(Rfc3164, NoTimestampMeansEverythingIsMessage) {
  SyslogMessage m = parse_ok("<13>hello world: not a tag");
  EXPECT_EQ(m.time, 0);
  EXPECT_EQ(m.hostname, "");
  EXPECT_EQ(m.message, "hello world: not a tag");
  m = parse_ok("<13>Foo 11 22:14:15 host t: x");
  EXPECT_EQ(m.message, "Foo 11 22:14:15 host t: x");
}

TEST_F(Rfc3164, NoPriority) {
  SyslogMessage m = parse_ok("Oct 11 22:14:15 host app: text");
  EXPECT_FALSE(m.priority);
  EXPECT_EQ(m.app_name, "app");
  SyslogMessage bad;
  EXPECT_FALSE(parse_rfc3164("just some text", 0, bad).is_ok());
  EXPECT_FALSE(parse_rfc3164("", 0, bad).is_ok());
}

TEST_F(Rfc3164, TimestampOnly) {
  SyslogMessage m = parse_ok("<13>Oct 11 22:14:15");
  EXPECT_EQ(m.message, "");
  m = parse_ok("<13>Oct 11 22:14:15 ");
  EXPECT_EQ(m.message, "");
  m = parse_ok("<13>Oct 11 22:14:15 host");
  EXPECT_EQ(m.hostname, "host");
  EXPECT_EQ(m.message, "");
}

}  // namespace
}  // namespace weft::ingest
