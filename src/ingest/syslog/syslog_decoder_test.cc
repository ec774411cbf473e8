#include "ingest/syslog/syslog_decoder.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "ingest/stream/frame_batch.h"
#include "ingest/stream/stream_framer.h"

namespace weft::ingest {
namespace {

constexpr UnixNanos kNow = 1'795'000'000'000'000'000;

std::string attr_text(const LogRecord& r, std::string_view key) {
  const AnyValue* v = find_attribute(r.attributes, key);
  return v ? any_value_to_text(*v) : "<absent>";
}

std::string resource_text(const LogRecord& r, std::string_view key) {
  const AnyValue* v = find_attribute(r.resource->attributes, key);
  return v ? any_value_to_text(*v) : "<absent>";
}

class SyslogDecoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("TZ", "UTC", 1);
    tzset();
  }

  LogRecord decode_one(std::string_view frame) {
    LogBatch batch;
    EXPECT_TRUE(decoder_.decode_frame(frame, kNow, batch).is_ok());
    EXPECT_EQ(batch.records.size(), 1u) << frame;
    return batch.records.empty() ? LogRecord{} : batch.records[0];
  }

  SyslogDecoder decoder_;
};

TEST_F(SyslogDecoderTest, Rfc5424Mapping) {
  LogRecord r = decode_one(
      R"(<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 1234 ID47 [exampleSDID@32473 iut="3" eventSource="App"][flag] An application event)");
  EXPECT_EQ(r.time_unix_nano, parse_time("2003-10-11T22:14:15.003Z").value());
  EXPECT_EQ(r.observed_time_unix_nano, kNow);
  EXPECT_EQ(r.severity_number, 10);  // notice -> INFO2
  EXPECT_EQ(r.severity_text, "notice");
  EXPECT_EQ(attr_text(r, "syslog.facility"), "20");
  EXPECT_EQ(attr_text(r, "process.pid"), "1234");
  EXPECT_EQ(find_attribute(r.attributes, "process.pid")->kind(), AnyValue::Kind::kInt);
  EXPECT_EQ(attr_text(r, "syslog.msgid"), "ID47");
  EXPECT_EQ(attr_text(r, "exampleSDID@32473.iut"), "3");
  EXPECT_EQ(attr_text(r, "exampleSDID@32473.eventSource"), "App");
  EXPECT_EQ(attr_text(r, "flag"), "true");
  EXPECT_EQ(resource_text(r, "host.name"), "mymachine.example.com");
  EXPECT_EQ(resource_text(r, "service.name"), "evntslog");
  ASSERT_TRUE(r.body.as_string());
  EXPECT_EQ(*r.body.as_string(), "An application event");
  EXPECT_TRUE(r.scope);
}

TEST_F(SyslogDecoderTest, SeverityMapping) {
  const int want[8] = {21, 19, 18, 17, 13, 10, 9, 5};
  const char* text[8] = {"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"};
  for (int s = 0; s < 8; ++s) {
    LogRecord r = decode_one("<" + std::to_string(8 + s) + ">1 - h a - - - x");
    EXPECT_EQ(r.severity_number, want[s]);
    EXPECT_EQ(r.severity_text, text[s]);
    EXPECT_EQ(attr_text(r, "syslog.facility"), "1");
  }
}

TEST_F(SyslogDecoderTest, Rfc3164Mapping) {
  LogRecord r = decode_one("<38>Nov 22 10:04:05 web-1 sshd[abc]: Accepted publickey\n");
  EXPECT_EQ(r.severity_text, "info");
  EXPECT_EQ(attr_text(r, "syslog.facility"), "4");
  EXPECT_EQ(attr_text(r, "syslog.procid"), "abc");
  EXPECT_EQ(attr_text(r, "process.pid"), "<absent>");
  EXPECT_EQ(resource_text(r, "host.name"), "web-1");
  EXPECT_EQ(resource_text(r, "service.name"), "sshd");
  EXPECT_EQ(*r.body.as_string(), "Accepted publickey");
  EXPECT_NE(r.time_unix_nano, 0);
}

TEST_F(SyslogDecoderTest, UnparsableMessagesAreKeptWhole) {
  LogRecord r = decode_one("<13>1 not-a-time h a - - - x");
  EXPECT_EQ(*r.body.as_string(), "<13>1 not-a-time h a - - - x");
  EXPECT_EQ(r.severity_text, "notice");
  EXPECT_NE(attr_text(r, "syslog.parse_error").find("TIMESTAMP"), std::string::npos);
  EXPECT_EQ(r.time_unix_nano, 0);
  EXPECT_EQ(r.observed_time_unix_nano, kNow);

  r = decode_one("plain text, no syslog header\r\n");
  EXPECT_EQ(*r.body.as_string(), "plain text, no syslog header");
  EXPECT_EQ(r.severity_number, 0);
  EXPECT_EQ(attr_text(r, "syslog.facility"), "<absent>");
  EXPECT_NE(attr_text(r, "syslog.parse_error"), "<absent>");
  EXPECT_EQ(resource_text(r, "service.name"), "<absent>");
}

TEST_F(SyslogDecoderTest, BlankFramesAreSkipped) {
  LogBatch batch;
  for (std::string_view blank :
       {std::string_view(""), std::string_view("\n"), std::string_view("\r\n"),
        std::string_view("\0", 1), std::string_view("   ")})
    EXPECT_TRUE(decoder_.decode_frame(blank, kNow, batch).is_ok());
  EXPECT_TRUE(batch.records.empty());
}

TEST_F(SyslogDecoderTest, RecordsOfOneSourceShareTheirResource) {
  LogBatch batch;
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(decoder_.decode_frame("<14>1 - host app - - - m", kNow, batch).is_ok());
  ASSERT_TRUE(decoder_.decode_frame("<14>1 - host other - - - m", kNow, batch).is_ok());
  ASSERT_EQ(batch.records.size(), 4u);
  EXPECT_EQ(batch.records[0].resource.get(), batch.records[2].resource.get());
  EXPECT_NE(batch.records[0].resource.get(), batch.records[3].resource.get());
}

TEST_F(SyslogDecoderTest, StreamOfMixedFramingThroughAFrameBatch) {
  StreamFramer framer(Framing::kSyslog, 1 << 16);
  framer.append("<13>Nov 22 10:04:05 h a: one\n");
  const std::string octet_counted = "<14>1 - h a - - [x@1 k=\"v\"] two";
  framer.append(std::to_string(octet_counted.size()) + " " + octet_counted);
  framer.append(std::string("<15>Nov 22 10:04:05 h a: three\0", 31));
  FrameBatch frames;
  while (auto f = framer.next()) frames.add(f->bytes, f->wire_bytes, kNow);
  ASSERT_EQ(frames.frames(), 3u);
  LogBatch batch;
  FrameRejects rejects;
  frames.decode(decoder_, batch, &rejects);
  ASSERT_EQ(batch.records.size(), 3u);
  EXPECT_EQ(rejects.frames, 0u);
  EXPECT_EQ(*batch.records[0].body.as_string(), "one");
  EXPECT_EQ(*batch.records[1].body.as_string(), "two");
  EXPECT_EQ(attr_text(batch.records[1], "x@1.k"), "v");
  EXPECT_EQ(*batch.records[2].body.as_string(), "three");
  EXPECT_EQ(frames.wire_bytes(), 29u + 3u + octet_counted.size() + 31u);
}

}  // namespace
}  // namespace weft::ingest
