#include "ingest/json/log_document.h"

#include <gtest/gtest.h>

#include "ingest/json/json_object_stream.h"
#include "ingest/json/line_reader.h"

namespace weft::ingest {
namespace {

Result<UnixNanos> fixed_time(JsonValue value) {
  int64_t n;
  if (value.get_int64().get(n) != simdjson::SUCCESS) return Status::invalid("not an integer");
  return n;
}

// Maps `json` with the given options; keeps the parsed document alive for the resource views.
struct Mapped {
  simdjson::dom::parser parser;
  LogRecord record;
  ResourceValues resource;
  Status status;

  Mapped(std::string_view json, LogDocumentOptions options) {
    simdjson::dom::element root = parser.parse(json.data(), json.size()).value();
    LogDocumentMapper mapper(options, &record, &resource);
    status = mapper.map(root.get_object().value());
  }

  const AnyValue* attribute(std::string_view key) const {
    return find_attribute(record.attributes, key);
  }
};

const LogDocumentOptions kWithTime{.body = true, .timestamp = &fixed_time};

TEST(LogDocument, MapsKnownFieldsAndFlattensTheRest) {
  Mapped m(R"({"@timestamp":1234,"message":"paid","log":{"level":"warn","logger":"app"},
              "service":{"name":"checkout","version":"1.2"},"service.environment":"prod",
              "host":{"name":"web-1","ip":["10.0.0.1","10.0.0.2"]},
              "trace":{"id":"5b8efff798038103d269b633813fc60c"},"span.id":"eee19b7ec3c1b174",
              "http":{"response":{"status_code":200}},"ok":true,"ratio":0.5,"gone":null})",
           kWithTime);
  ASSERT_TRUE(m.status.is_ok()) << m.status.message();
  EXPECT_EQ(m.record.time_unix_nano, 1234);
  EXPECT_EQ(m.record.body, AnyValue("paid"));
  EXPECT_EQ(m.record.severity_text, "warn");
  EXPECT_EQ(m.record.severity_number, 13);
  EXPECT_EQ(m.record.trace_id.hex(), "5b8efff798038103d269b633813fc60c");
  EXPECT_EQ(m.record.span_id.hex(), "eee19b7ec3c1b174");
  EXPECT_EQ(m.resource.get(ResourceKey::kServiceName), "checkout");
  EXPECT_EQ(m.resource.get(ResourceKey::kServiceVersion), "1.2");
  EXPECT_EQ(m.resource.get(ResourceKey::kEnvironment), "prod");
  EXPECT_EQ(m.resource.get(ResourceKey::kHostName), "web-1");
  Attributes want{
      {"log.logger", AnyValue("app")},
      {"host.ip", AnyValue(std::vector<AnyValue>{AnyValue("10.0.0.1"), AnyValue("10.0.0.2")})},
      {"http.response.status_code", AnyValue(int64_t{200})},
      {"ok", AnyValue(true)},
      {"ratio", AnyValue(0.5)},
  };
  EXPECT_EQ(m.record.attributes, want);
}

TEST(LogDocument, FirstOccurrenceWinsAndUnfitValuesStayAttributes) {
  Mapped m(R"({"log.level":"error","level":"info","service.name":7,"service":"api",
              "trace.id":"xyz","trace_id":"5b8efff798038103d269b633813fc60c"})",
           LogDocumentOptions{});
  ASSERT_TRUE(m.status.is_ok());
  EXPECT_EQ(m.record.severity_text, "error");
  EXPECT_EQ(m.resource.get(ResourceKey::kServiceName), "api");
  EXPECT_EQ(m.record.trace_id.hex(), "5b8efff798038103d269b633813fc60c");
  ASSERT_NE(m.attribute("level"), nullptr);
  EXPECT_EQ(*m.attribute("level"), AnyValue("info"));
  EXPECT_EQ(*m.attribute("service.name"), AnyValue(int64_t{7}));
  EXPECT_EQ(*m.attribute("trace.id"), AnyValue("xyz"));
}

TEST(LogDocument, BodyKeysOnlyAtTheTopAndOnlyWhenAsked) {
  Mapped nested(R"({"error":{"message":"boom"},"msg":{"text":"structured"}})", LogDocumentOptions{});
  EXPECT_EQ(nested.record.body,
            AnyValue(std::vector<KeyValue>{{"text", AnyValue("structured")}}));
  EXPECT_EQ(*nested.attribute("error.message"), AnyValue("boom"));

  Mapped object_log(R"({"log":{"level":"info"}})", LogDocumentOptions{});
  EXPECT_TRUE(object_log.record.body.empty());
  EXPECT_EQ(object_log.record.severity_text, "info");

  Mapped no_body(R"({"message":"m"})", LogDocumentOptions{.body = false});
  EXPECT_TRUE(no_body.record.body.empty());
  EXPECT_EQ(*no_body.attribute("message"), AnyValue("m"));
}

TEST(LogDocument, PinoLevelNumbers) {
  Mapped m(R"({"level":50,"msg":"x"})", LogDocumentOptions{});
  EXPECT_EQ(m.record.severity_number, 17);
  EXPECT_TRUE(m.record.severity_text.empty());
  Mapped odd(R"({"level":33})", LogDocumentOptions{});
  EXPECT_EQ(odd.record.severity_number, 0);
  EXPECT_EQ(*odd.attribute("level"), AnyValue(int64_t{33}));
}

TEST(LogDocument, BadTimestampIsAnError) {
  Mapped m(R"({"@timestamp":"soon"})", kWithTime);
  EXPECT_EQ(m.status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(m.status.message().find("@timestamp"), std::string::npos);
  Mapped object_time(R"({"@timestamp":{"seconds":1}})", kWithTime);
  EXPECT_EQ(object_time.status.code(), StatusCode::kInvalidArgument);
  Mapped without_parser(R"({"@timestamp":"soon"})", LogDocumentOptions{});
  EXPECT_TRUE(without_parser.status.is_ok());
  EXPECT_EQ(*without_parser.attribute("@timestamp"), AnyValue("soon"));
}

TEST(LogDocument, DeepObjectsEndAsText) {
  std::string json = "{\"a\":";
  for (int i = 0; i < 40; ++i) json += "{\"b\":";
  json += "1";
  for (int i = 0; i < 40; ++i) json += "}";
  json += "}";
  Mapped m(json, LogDocumentOptions{});
  ASSERT_TRUE(m.status.is_ok());
  ASSERT_EQ(m.record.attributes.size(), 1u);
  EXPECT_EQ(m.record.attributes[0].value.kind(), AnyValue::Kind::kKvList);
}

TEST(ResourceCache, SharesOneResourcePerDistinctValues) {
  ResourceCache cache;
  ResourceValues a, b, c;
  a.set(ResourceKey::kServiceName, "api");
  b.set(ResourceKey::kServiceName, "api");
  c.set(ResourceKey::kServiceName, "api");
  c.set(ResourceKey::kHostName, "h");
  ResourcePtr ra = cache.resource(a);
  EXPECT_EQ(ra.get(), cache.resource(b).get());
  ResourcePtr rc = cache.resource(c);
  EXPECT_NE(ra.get(), rc.get());
  EXPECT_EQ(service_name(*rc), "api");
  ASSERT_EQ(rc->attributes.size(), 2u);
  EXPECT_EQ(rc->attributes[1].key, "host.name");
  ResourceValues empty;
  EXPECT_TRUE(cache.resource(empty)->attributes.empty());
}

TEST(JsonObjectStream, SplitsConcatenatedObjects) {
  JsonObjectStream s(" {\"a\":\"}{\\\"\"}{\"b\":[1,{\"c\":2}]}\n\n{}  ");
  std::string_view o;
  ASSERT_EQ(s.next(&o), JsonObjectStream::Next::kObject);
  EXPECT_EQ(o, "{\"a\":\"}{\\\"\"}");
  ASSERT_EQ(s.next(&o), JsonObjectStream::Next::kObject);
  EXPECT_EQ(o, "{\"b\":[1,{\"c\":2}]}");
  ASSERT_EQ(s.next(&o), JsonObjectStream::Next::kObject);
  EXPECT_EQ(o, "{}");
  EXPECT_EQ(s.next(&o), JsonObjectStream::Next::kEnd);
}

TEST(JsonObjectStream, ReportsWhatCannotBeAnObject) {
  for (std::string_view bad : {"[1]", "1", "\"s\"", "{\"a\":1", "{\"a\":\"}", "x"}) {
    JsonObjectStream s(bad);
    std::string_view o;
    EXPECT_EQ(s.next(&o), JsonObjectStream::Next::kMalformed) << bad;
  }
  JsonObjectStream tail("{}{");
  std::string_view o;
  EXPECT_EQ(tail.next(&o), JsonObjectStream::Next::kObject);
  EXPECT_EQ(tail.next(&o), JsonObjectStream::Next::kMalformed);
}

TEST(LineReader, SplitsLinesAndToleratesNoFinalNewline) {
  LineReader r("a\r\n\nb");
  std::string_view line;
  ASSERT_TRUE(r.next(&line));
  EXPECT_EQ(line, "a");
  ASSERT_TRUE(r.next(&line));
  EXPECT_EQ(line, "");
  EXPECT_TRUE(is_blank_line(line));
  ASSERT_TRUE(r.next(&line));
  EXPECT_EQ(line, "b");
  EXPECT_EQ(r.line_number(), 3u);
  EXPECT_FALSE(r.next(&line));
}

}  // namespace
}  // namespace weft::ingest
