#include "ingest/syslog/rfc5424_parser.h"

#include <gtest/gtest.h>

namespace weft::ingest {
namespace {

SyslogMessage parse_ok(std::string_view text) {
  SyslogMessage m;
  Status s = parse_rfc5424(text, m);
  EXPECT_TRUE(s.is_ok()) << text << ": " << s.message();
  return m;
}

TEST(Rfc5424, RfcExampleWithBom) {
  SyslogMessage m = parse_ok(
      "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \xEF\xBB\xBF'su root' "
      "failed for lonvick on /dev/pts/8");
  ASSERT_TRUE(m.priority);
  EXPECT_EQ(m.priority->facility, 4);
  EXPECT_EQ(m.priority->severity, 2);
  EXPECT_EQ(m.time, parse_time("2003-10-11T22:14:15.003Z").value());
  EXPECT_EQ(m.hostname, "mymachine.example.com");
  EXPECT_EQ(m.app_name, "su");
  EXPECT_EQ(m.procid, "");
  EXPECT_EQ(m.msgid, "ID47");
  EXPECT_TRUE(m.structured_data.empty());
  EXPECT_EQ(m.message, "'su root' failed for lonvick on /dev/pts/8");
}

TEST(Rfc5424, OffsetsAndFractions) {
  EXPECT_EQ(parse_ok("<165>1 2003-08-24T05:14:15.000003-07:00 h a 1 - -").time,
            parse_time("2003-08-24T12:14:15.000003Z").value());
  EXPECT_EQ(parse_ok("<165>1 1985-04-12T19:20:50.52-04:00 h a 1 - -").time,
            parse_time("1985-04-12T23:20:50.52Z").value());
  EXPECT_EQ(parse_ok("<165>1 2026-11-22T10:04:05.123456789+01:30 h a 1 - -").time,
            parse_time("2026-11-22T08:34:05.123456789Z").value());
  EXPECT_EQ(parse_ok("<165>1 - h a 1 - -").time, 0);
}

TEST(Rfc5424, StructuredDataWithEscapes) {
  SyslogMessage m = parse_ok(
      R"(<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"] An application event)");
  ASSERT_EQ(m.structured_data.size(), 2u);
  EXPECT_EQ(m.structured_data[0].id, "exampleSDID@32473");
  ASSERT_EQ(m.structured_data[0].params.size(), 3u);
  EXPECT_EQ(m.structured_data[0].params[1].name, "eventSource");
  EXPECT_EQ(m.structured_data[0].params[1].value, "Application");
  EXPECT_EQ(m.structured_data[1].params[0].value, "high");
  EXPECT_EQ(m.message, "An application event");

  m = parse_ok(R"(<13>1 - - - - - [a@1 q="say \"hi\" \\ \] \x"][timeQuality])");
  ASSERT_EQ(m.structured_data.size(), 2u);
  EXPECT_EQ(m.structured_data[0].params[0].value, R"(say "hi" \ ] \x)");
  EXPECT_EQ(m.structured_data[1].id, "timeQuality");
  EXPECT_TRUE(m.structured_data[1].params.empty());
  EXPECT_EQ(m.message, "");
}

TEST(Rfc5424, NilValuesAndProcId) {
  SyslogMessage m = parse_ok("<14>1 2026-01-02T03:04:05Z - - 4242 - - hello");
  EXPECT_EQ(m.hostname, "");
  EXPECT_EQ(m.app_name, "");
  EXPECT_EQ(m.procid, "4242");
  EXPECT_EQ(m.msgid, "");
  EXPECT_EQ(m.message, "hello");
}

TEST(Rfc5424, Malformed) {
  for (std::string_view bad : {"",
                               "<>1 - - - - - -",
                               "<192>1 - - - - - -",
                               "<13>",
                               "<13>1",
                               "<13>1 ",
                               "<13>x - - - - - -",
                               "<13>01 - - - - - -",
                               "<13>1 2026-13-45T00:00:00Z h a p m -",
                               "<13>1 12345 h a p m -",
                               "<13>1 - h a p m",
                               "<13>1 - h a p m x",
                               "<13>1 - h a p m [",
                               "<13>1 - h a p m [id",
                               "<13>1 - h a p m [id a=\"b]",
                               "<13>1 - h a p m [id a=b]",
                               "<13>1 - h a p m [id =\"b\"]",
                               "<13>1 - h a p m []",
                               "<13>1 - h a p m -x",
                               "<13>1 - h  a p m -"}) {
    SyslogMessage m;
    Status s = parse_rfc5424(bad, m);
    EXPECT_FALSE(s.is_ok()) << bad;
    EXPECT_NE(s.message().find("RFC 5424"), std::string::npos) << s.message();
  }
}

TEST(Rfc5424, LooksLike) {
  EXPECT_TRUE(looks_like_rfc5424("<13>1 - - - - - -"));
  EXPECT_TRUE(looks_like_rfc5424("<0>12 x"));
  EXPECT_FALSE(looks_like_rfc5424("<13>Oct 11 22:14:15 host su: x"));
  EXPECT_FALSE(looks_like_rfc5424("<13>2026-01-01T00:00:00Z host su: x"));
  EXPECT_FALSE(looks_like_rfc5424("<13>1"));
  EXPECT_FALSE(looks_like_rfc5424("13>1 x"));
}

}  // namespace
}  // namespace weft::ingest
