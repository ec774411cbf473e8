#include "ingest/splunk/hec_request.h"

#include <gtest/gtest.h>

#include "ingest/splunk/hec_auth.h"
#include "ingest/splunk/hec_time.h"

namespace weft::ingest::splunk {
namespace {

constexpr UnixNanos kNow = 77;

std::string_view resource_string(const LogRecord& r, std::string_view key) {
  const AnyValue* v = find_attribute(r.resource->attributes, key);
  return v && v->as_string() ? std::string_view(*v->as_string()) : std::string_view();
}

HecDecodeResult events(std::string_view body, HecMetadata metadata = {}) {
  return decode_hec_events(body, metadata, kNow);
}

TEST(HecEvents, SplunkLoggingBatch) {
  // What splunk-logging sends with maxBatchCount > 1: objects with no separator.
  auto result = events(
      R"({"host":"web-1","source":"checkout","sourcetype":"_json","time":"1795341845.151",)"
      R"("event":{"message":"user logged in","severity":"info"}})"
      R"({"host":"web-1","source":"checkout","sourcetype":"_json","time":"1795341846.000",)"
      R"("event":{"message":{"order":42},"severity":"error"}})");
  ASSERT_FALSE(result.failure) << result.failure->detail;
  ASSERT_EQ(result.batch.records.size(), 2u);
  const LogRecord& first = result.batch.records[0];
  EXPECT_EQ(first.time_unix_nano, 1795341845'151'000'000);
  EXPECT_EQ(first.observed_time_unix_nano, kNow);
  EXPECT_EQ(first.body, AnyValue("user logged in"));
  EXPECT_EQ(first.severity_text, "info");
  EXPECT_EQ(first.severity_number, 9);
  EXPECT_EQ(service_name(*first.resource), "checkout");
  EXPECT_EQ(resource_string(first, "host.name"), "web-1");
  EXPECT_EQ(resource_string(first, "com.splunk.source"), "checkout");
  EXPECT_EQ(resource_string(first, "com.splunk.sourcetype"), "_json");
  EXPECT_TRUE(first.attributes.empty());
  const LogRecord& second = result.batch.records[1];
  EXPECT_EQ(second.body, AnyValue(std::vector<KeyValue>{{"order", AnyValue(int64_t{42})}}));
  EXPECT_EQ(second.severity_number, 17);
  EXPECT_EQ(first.resource.get(), second.resource.get());
}

TEST(HecEvents, FieldsStringEventsAndStructuredBodies) {
  auto result = events(
      "{\"event\":\"plain text\",\"time\":1795341845.25,"
      "\"fields\":{\"service\":\"api\",\"level\":\"WARN\",\"region\":\"eu\",\"tags\":[\"a\",\"b\"]}}\n"
      "{\"event\":{\"action\":\"login\",\"level\":\"debug\",\"trace_id\":\"5b8efff798038103d269b633813fc60c\"},"
      "\"index\":\"main\"}\n"
      "  {\"event\":12.5}",
      HecMetadata{"default-host", "default-source", "", ""});
  ASSERT_FALSE(result.failure) << result.failure->detail;
  ASSERT_EQ(result.batch.records.size(), 3u);
  const LogRecord& text = result.batch.records[0];
  EXPECT_EQ(text.body, AnyValue("plain text"));
  EXPECT_EQ(text.time_unix_nano, 1795341845'250'000'000);
  EXPECT_EQ(text.severity_number, 13);
  EXPECT_EQ(service_name(*text.resource), "api");
  EXPECT_EQ(resource_string(text, "host.name"), "default-host");
  Attributes want{{"region", AnyValue("eu")},
                  {"tags", AnyValue(std::vector<AnyValue>{AnyValue("a"), AnyValue("b")})}};
  EXPECT_EQ(text.attributes, want);

  const LogRecord& structured = result.batch.records[1];
  EXPECT_EQ(structured.body.kind(), AnyValue::Kind::kKvList);
  EXPECT_EQ(structured.severity_number, 5);
  EXPECT_EQ(structured.trace_id.hex(), "5b8efff798038103d269b633813fc60c");
  EXPECT_TRUE(structured.attributes.empty());
  EXPECT_EQ(structured.time_unix_nano, 0);
  EXPECT_EQ(service_name(*structured.resource), "default-source");
  EXPECT_EQ(resource_string(structured, "com.splunk.index"), "main");

  EXPECT_EQ(result.batch.records[2].body, AnyValue(12.5));
}

TEST(HecEvents, TheFirstBadEventStopsTheRequestAndKeepsThoseBefore) {
  struct Case {
    std::string_view bad;
    HecCode code;
  };
  for (const Case& c : {
           Case{R"({"time":1})", HecCode::kEventFieldRequired},
           Case{R"({"event":null})", HecCode::kEventFieldRequired},
           Case{R"({"event":""})", HecCode::kEventFieldBlank},
           Case{R"({"event":"x","time":"later"})", HecCode::kInvalidDataFormat},
           Case{R"({"event":"x","time":-5})", HecCode::kInvalidDataFormat},
           Case{R"({"event":"x","host":5})", HecCode::kInvalidDataFormat},
           Case{R"({"event":"x","fields":{"nested":{"a":1}}})", HecCode::kIndexedFieldsError},
           Case{R"({"event":"x","fields":[1]})", HecCode::kIndexedFieldsError},
           Case{R"({"event":"x",})", HecCode::kInvalidDataFormat},
           Case{R"({"event":"x")", HecCode::kInvalidDataFormat},
           Case{R"(["event"])", HecCode::kInvalidDataFormat},
           Case{"{\"event\":\"\xff\"}", HecCode::kInvalidDataFormat},
       }) {
    std::string body = std::string(R"({"event":"one"}{"event":"two"})") + std::string(c.bad) +
                       R"({"event":"never"})";
    auto result = events(body);
    ASSERT_TRUE(result.failure) << c.bad;
    EXPECT_EQ(result.failure->code, c.code) << c.bad << ": " << result.failure->detail;
    EXPECT_EQ(result.failure->event_number, 2u) << c.bad;
    ASSERT_EQ(result.batch.records.size(), 2u) << c.bad;
    EXPECT_EQ(result.batch.records[1].body, AnyValue("two"));
  }
}

TEST(HecEvents, EmptyBodiesHaveNoData) {
  for (std::string_view empty : {"", "  \n\t "}) {
    auto result = events(empty);
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->code, HecCode::kNoData);
  }
}

TEST(HecRaw, OneEventPerLineWithQueryMetadata) {
  auto result = decode_hec_raw("first line\r\n\n  second line \nthird", 
                               HecMetadata{"h", "billing", "syslog", "idx"}, kNow);
  ASSERT_FALSE(result.failure);
  ASSERT_EQ(result.batch.records.size(), 3u);
  EXPECT_EQ(result.batch.records[0].body, AnyValue("first line"));
  EXPECT_EQ(result.batch.records[1].body, AnyValue("  second line "));
  EXPECT_EQ(result.batch.records[2].body, AnyValue("third"));
  const LogRecord& r = result.batch.records[0];
  EXPECT_EQ(service_name(*r.resource), "billing");
  EXPECT_EQ(resource_string(r, "host.name"), "h");
  EXPECT_EQ(resource_string(r, "com.splunk.sourcetype"), "syslog");
  EXPECT_EQ(resource_string(r, "com.splunk.index"), "idx");
  EXPECT_EQ(r.observed_time_unix_nano, kNow);
  auto empty = decode_hec_raw("\n \n", {}, kNow);
  ASSERT_TRUE(empty.failure);
  EXPECT_EQ(empty.failure->code, HecCode::kNoData);
}

TEST(HecAuth, SplunkAndBasicSchemes) {
  auto splunk = read_hec_credentials("Splunk 11111111-2222-3333-4444-555555555555");
  ASSERT_TRUE(splunk.ok());
  EXPECT_EQ(splunk.token, "11111111-2222-3333-4444-555555555555");
  EXPECT_EQ(read_hec_credentials("splunk  tok ").token, "tok");
  auto basic = read_hec_credentials("Basic eDp0b2tlbg==");  // x:token
  ASSERT_TRUE(basic.ok());
  EXPECT_EQ(basic.token, "token");
  EXPECT_EQ(read_hec_credentials("").refusal, HecCode::kTokenRequired);
  EXPECT_EQ(read_hec_credentials("Splunk").refusal, HecCode::kTokenRequired);
  EXPECT_EQ(read_hec_credentials("Splunk   ").refusal, HecCode::kTokenRequired);
  EXPECT_EQ(read_hec_credentials("Basic eDo=").refusal, HecCode::kTokenRequired);  // "x:"
  EXPECT_EQ(read_hec_credentials("Bearer tok").refusal, HecCode::kInvalidAuthorization);
  EXPECT_EQ(read_hec_credentials("tok").refusal, HecCode::kInvalidAuthorization);
  EXPECT_EQ(read_hec_credentials("Basic !!!").refusal, HecCode::kInvalidAuthorization);
  EXPECT_EQ(read_hec_credentials("Basic dG9rZW4=").refusal, HecCode::kInvalidAuthorization);
}

TEST(HecTime, SecondsAsNumbersOrStrings) {
  EXPECT_EQ(*parse_hec_time_text("1795341845"), 1795341845'000'000'000);
  EXPECT_EQ(*parse_hec_time_text("1795341845.151"), 1795341845'151'000'000);
  EXPECT_EQ(*parse_hec_time_text("1795341845.123456789123"), 1795341845'123'456'789);
  for (std::string_view bad : {"", ".5", "1.", "-1", "1e9", "12a", "99999999999"})
    EXPECT_FALSE(parse_hec_time_text(bad).is_ok()) << bad;
}

TEST(HecReply, Bodies) {
  EXPECT_EQ(hec_reply_body(hec_reply(HecCode::kSuccess)), R"({"text":"Success","code":0})");
  HecReply invalid = hec_reply(HecCode::kInvalidDataFormat, 3);
  EXPECT_EQ(invalid.http_status, 400);
  EXPECT_EQ(hec_reply_body(invalid),
            R"({"text":"Invalid data format","code":6,"invalid-event-number":3})");
  EXPECT_EQ(hec_reply(HecCode::kServerBusy).http_status, 503);
  EXPECT_EQ(hec_reply(HecCode::kTokenRequired).http_status, 401);
  EXPECT_EQ(hec_reply_body(hec_reply(HecCode::kInvalidAuthorization)),
            R"({"text":"Invalid authorization","code":3})");
}

}  // namespace
}  // namespace weft::ingest::splunk
