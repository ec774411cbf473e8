#include "ingest/jsonlines/jsonlines_decoder.h"

#include <gtest/gtest.h>

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

std::string body(const LogRecord& r) { return any_value_to_text(r.body); }

class JsonLinesDecoderTest : public ::testing::Test {
 protected:
  LogRecord decode_one(std::string_view line) {
    LogBatch batch;
    Status s = decoder_.decode_frame(line, kNow, batch);
    EXPECT_TRUE(s.is_ok()) << line << ": " << s.message();
    EXPECT_EQ(batch.records.size(), 1u) << line;
    return batch.records.empty() ? LogRecord{} : batch.records[0];
  }
  Status decode_error(std::string_view line) {
    LogBatch batch;
    Status s = decoder_.decode_frame(line, kNow, batch);
    EXPECT_TRUE(batch.records.empty()) << line;
    return s;
  }

  JsonLinesDecoder decoder_;
};

TEST_F(JsonLinesDecoderTest, Zap) {
  LogRecord r = decode_one(
      R"({"level":"info","ts":1795428245.1234567,"caller":"main.go:12","msg":"request done","status":200})");
  EXPECT_NEAR(static_cast<double>(r.time_unix_nano), 1795428245123456700.0, 1e3);
  EXPECT_EQ(r.severity_number, 9);
  EXPECT_EQ(r.severity_text, "info");
  EXPECT_EQ(body(r), "request done");
  EXPECT_EQ(attr_text(r, "caller"), "main.go:12");
  EXPECT_EQ(attr_text(r, "status"), "200");
  EXPECT_EQ(find_attribute(r.attributes, "status")->kind(), AnyValue::Kind::kInt);
  EXPECT_EQ(r.attributes.size(), 2u);
  EXPECT_EQ(r.observed_time_unix_nano, kNow);
}

TEST_F(JsonLinesDecoderTest, ZerologAndLogrus) {
  LogRecord r = decode_one(
      R"({"level":"warn","service":"api","time":"2026-11-22T10:04:05+01:00","message":"slow"})");
  EXPECT_EQ(r.time_unix_nano, parse_time("2026-11-22T09:04:05Z").value());
  EXPECT_EQ(r.severity_number, 13);
  EXPECT_EQ(body(r), "slow");
  EXPECT_EQ(resource_text(r, "service.name"), "api");
  r = decode_one(R"({"level":"error","msg":"boom","time":"2026-11-22T10:04:05.5Z","user":"ann"})");
  EXPECT_EQ(r.time_unix_nano, parse_time("2026-11-22T10:04:05.5Z").value());
  EXPECT_EQ(r.severity_number, 17);
  EXPECT_EQ(attr_text(r, "user"), "ann");
}

TEST_F(JsonLinesDecoderTest, PinoAndBunyan) {
  LogRecord r = decode_one(
      R"({"level":30,"time":1795428245123,"pid":4242,"hostname":"box","msg":"hello","reqId":7})");
  EXPECT_EQ(r.time_unix_nano, 1795428245123000000);
  EXPECT_EQ(r.severity_number, 9);
  EXPECT_EQ(r.severity_text, "info");
  EXPECT_EQ(resource_text(r, "host.name"), "box");
  EXPECT_EQ(attr_text(r, "process.pid"), "4242");
  EXPECT_EQ(attr_text(r, "pid"), "<absent>");
  EXPECT_EQ(attr_text(r, "reqId"), "7");
  r = decode_one(
      R"({"name":"myapp","hostname":"h","pid":1,"level":50,"msg":"x","time":"2026-11-22T10:04:05.123Z","v":0})");
  EXPECT_EQ(r.severity_number, 17);
  EXPECT_EQ(resource_text(r, "service.name"), "myapp");
  EXPECT_EQ(attr_text(r, "v"), "0");
  EXPECT_EQ(decode_one(R"({"level":60,"msg":"x"})").severity_number, 21);
  EXPECT_EQ(decode_one(R"({"level":10,"msg":"x"})").severity_number, 1);
  EXPECT_EQ(decode_one(R"({"level":35,"msg":"x"})").severity_number, 9);
}

TEST_F(JsonLinesDecoderTest, StructlogAndOtelLike) {
  LogRecord r = decode_one(
      R"({"event":"user logged in","level":"info","timestamp":"2026-11-22T10:04:05.123456Z"})");
  EXPECT_EQ(body(r), "user logged in");
  EXPECT_EQ(r.time_unix_nano, parse_time("2026-11-22T10:04:05.123456Z").value());
  r = decode_one(
      R"({"timestamp":"2026-11-22 10:04:05","severity":"ERROR","body":"payment failed","traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"eee19b7ec3c1b174","service.name":"payment"})");
  EXPECT_EQ(r.time_unix_nano, parse_time("2026-11-22T10:04:05Z").value());
  EXPECT_EQ(r.severity_text, "ERROR");
  EXPECT_EQ(r.severity_number, 17);
  EXPECT_EQ(body(r), "payment failed");
  EXPECT_EQ(r.trace_id.hex(), "5b8efff798038103d269b633813fc60c");
  EXPECT_EQ(r.span_id.hex(), "eee19b7ec3c1b174");
  EXPECT_EQ(resource_text(r, "service.name"), "payment");
  EXPECT_TRUE(r.attributes.empty());
}

TEST_F(JsonLinesDecoderTest, NestedObjectsAreFlattened) {
  LogRecord r = decode_one(
      R"({"msg":"m","service":{"name":"svc"},"http":{"method":"GET","status":200,"tags":["a",{"b":1}]},"empty":{},"n":null})");
  EXPECT_EQ(resource_text(r, "service.name"), "svc");
  EXPECT_EQ(attr_text(r, "http.method"), "GET");
  EXPECT_EQ(attr_text(r, "http.status"), "200");
  EXPECT_EQ(attr_text(r, "http.tags"), R"(["a",{"b":1}])");
  EXPECT_EQ(attr_text(r, "empty"), "{}");
  ASSERT_TRUE(find_attribute(r.attributes, "n"));
  EXPECT_TRUE(find_attribute(r.attributes, "n")->empty());
}

TEST_F(JsonLinesDecoderTest, UnreadableRoleValuesStayAttributes) {
  LogRecord r = decode_one(
      R"({"time":"yesterday","ts":1795428245,"trace_id":"nothex","level":true,"msg":"m"})");
  EXPECT_EQ(r.time_unix_nano, 1795428245000000000);
  EXPECT_EQ(attr_text(r, "time"), "yesterday");
  EXPECT_EQ(attr_text(r, "trace_id"), "nothex");
  EXPECT_EQ(attr_text(r, "level"), "true");
  EXPECT_FALSE(r.trace_id.present());
  EXPECT_EQ(r.severity_number, 0);
}

TEST_F(JsonLinesDecoderTest, NoMessageLeavesTheBodyEmpty) {
  LogRecord r = decode_one(R"({"a":1})");
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.time_unix_nano, 0);
  EXPECT_EQ(resource_text(r, "service.name"), "<absent>");
}

TEST_F(JsonLinesDecoderTest, ConfiguredFieldNames) {
  JsonLinesFields fields;
  fields.message = {"text"};
  fields.level = {"sev"};
  fields.time = {"at"};
  fields.service = {"component"};
  JsonLinesDecoder decoder(fields);
  LogBatch batch;
  ASSERT_TRUE(
      decoder
          .decode_frame(
              R"({"text":"t","msg":"kept","sev":"debug","at":1795428245000000,"component":"c"})",
              kNow, batch)
          .is_ok());
  const LogRecord& r = batch.records.at(0);
  EXPECT_EQ(body(r), "t");
  EXPECT_EQ(attr_text(r, "msg"), "kept");
  EXPECT_EQ(r.severity_number, 5);
  EXPECT_EQ(r.time_unix_nano, 1795428245000000000);
  EXPECT_EQ(resource_text(r, "service.name"), "c");
}

TEST_F(JsonLinesDecoderTest, Rejections) {
  EXPECT_NE(decode_error("{").message().find("malformed JSON"), std::string::npos);
  EXPECT_NE(decode_error("not json").message().find("malformed JSON"), std::string::npos);
  EXPECT_EQ(decode_error("[1,2]").message(), "expected a JSON object");
  EXPECT_EQ(decode_error("\"text\"").message(), "expected a JSON object");
  EXPECT_EQ(decode_error("42").message(), "expected a JSON object");
  EXPECT_FALSE(decode_error(R"({"a":1} {"b":2})").is_ok());
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += "{\"a\":";
  deep += "1" + std::string(70, '}');
  EXPECT_NE(decode_error(deep).message().find("nested deeper"), std::string::npos);
  std::string deep_array = "{\"a\":" + std::string(70, '[') + std::string(70, ']') + "}";
  EXPECT_NE(decode_error(deep_array).message().find("nested deeper"), std::string::npos);
}

TEST_F(JsonLinesDecoderTest, BlankLinesAreSkipped) {
  LogBatch batch;
  for (std::string_view blank : {"", " ", "\t\r"})
    EXPECT_TRUE(decoder_.decode_frame(blank, kNow, batch).is_ok());
  EXPECT_TRUE(batch.records.empty());
}

}  // namespace
}  // namespace weft::ingest
