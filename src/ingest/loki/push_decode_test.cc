// The structure of push bodies: what each decoder accepts, and the malformed bodies it refuses
// as a whole.
#include "ingest/loki/push_decode.h"

#include <gtest/gtest.h>

#include "ingest/loki/loki_push_test_util.h"

namespace weft::ingest::loki {
namespace {

using namespace testing;

std::string proto_error(std::string_view proto) {
  auto [status, result] = run_proto(proto);
  EXPECT_FALSE(status.is_ok());
  return status.message();
}

std::string json_error(std::string_view json) {
  auto [status, result] = run_json(json);
  EXPECT_FALSE(status.is_ok()) << json;
  return status.message();
}

TEST(LokiPushProto, FieldsInAnyOrderAndUnknownFieldsSkipped) {
  std::string proto = otlp::encode_proto([](auto& s) {
    s.varint(9, 1);  // unknown field of PushRequest
    s.message(1, [&] {
      s.message(2, [&] {
        s.bytes(2, "line first");
        s.message(3, [&] {
          s.bytes(2, "v");
          s.bytes(1, "k");
        });
        s.message(1, [&] {
          s.varint(2, 7);
          s.varint(1, static_cast<uint64_t>(kNowSeconds));
        });
        s.message(4, [&] { s.bytes(1, "parsed labels are ignored"); });
      });
      s.varint(3, 12345);          // hash
      s.bytes(1, R"({app="x"})");  // labels after the entries
    });
  });
  auto [status, r] = run_proto(proto);
  ASSERT_TRUE(status.is_ok()) << status.message();
  ASSERT_EQ(r.batch.records.size(), 1u);
  const LogRecord& rec = r.batch.records[0];
  EXPECT_EQ(rec.time_unix_nano, kNow + 7);
  EXPECT_EQ(body_text(rec), "line first");
  EXPECT_EQ(rec.attributes, (Attributes{{"k", "v"}}));
  EXPECT_EQ(resource_value(rec, "app"), "x");
}

TEST(LokiPushProto, EmptyRequestHasNoStreams) {
  auto [status, r] = run_proto("");
  ASSERT_TRUE(status.is_ok());
  EXPECT_EQ(r.streams, 0u);
  EXPECT_TRUE(r.batch.records.empty());
}

TEST(LokiPushProto, NegativeNanosAreSignExtended) {
  auto [status, r] = run_proto(push_proto({{R"({app="a"})", {{kNowSeconds, -1, "x", {}}}}}));
  ASSERT_TRUE(status.is_ok()) << status.message();
  ASSERT_EQ(r.batch.records.size(), 1u);
  EXPECT_EQ(r.batch.records[0].time_unix_nano, kNow - 1);
}

TEST(LokiPushProto, MalformedBodiesAreRefusedWhole) {
  std::string good = push_proto({{R"({app="a"})", {{kNowSeconds, 0, "some line", {{"k", "v"}}}}}});
  for (size_t n = 1; n < good.size(); ++n) {
    auto [status, r] = run_proto(good.substr(0, n));
    EXPECT_FALSE(status.is_ok()) << "prefix " << n;
  }
  EXPECT_EQ(proto_error(std::string("\x0a\x05\x0a\x03", 4)),
            "proto: PushRequest: truncated length-delimited field 1 (length runs past the end)");
  EXPECT_EQ(proto_error(std::string("\x08\x01", 2)), "proto: wrong wireType = 0 for field Streams");
  EXPECT_EQ(proto_error(otlp::encode_proto([](auto& s) { s.message(1, [&] { s.varint(1, 5); }); })),
            "proto: wrong wireType = 0 for field Labels");
  EXPECT_EQ(proto_error(otlp::encode_proto([](auto& s) {
              s.message(1, [&] { s.message(2, [&] { s.message(1, [&] { s.bytes(1, "x"); }); }); });
            })),
            "proto: wrong wireType = 2 for field Seconds");
  EXPECT_EQ(proto_error(otlp::encode_proto([](auto& s) {
              s.message(1, [&] { s.message(2, [&] { s.message(3, [&] { s.varint(2, 1); }); }); });
            })),
            "proto: wrong wireType = 0 for field Value");
  EXPECT_EQ(proto_error(std::string("\x0c", 1)).substr(0, 19), "proto: PushRequest:");
}

TEST(LokiPushJson, WhatPinoLokiSends) {
  auto [status, r] = run_json(
      R"({"streams":[{"stream":{"level":"info","hostname":"host-1","app":"pino-app"},)"
      R"("values":[["1795427999000000000","{\"level\":30,\"msg\":\"user logged in\"}"]]},)"
      R"({"stream":{"level":"warning","hostname":"host-1","app":"pino-app"},)"
      R"("values":[["1795427999500000000","{\"msg\":\"slow query\"}",{"requestId":"r-1"}]]}]})");
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(r.streams, 2u);
  ASSERT_EQ(r.batch.records.size(), 2u);
  EXPECT_EQ(r.batch.records[1].severity_text, "warning");
  EXPECT_EQ(attribute_value(r.batch.records[1], "requestId"), "r-1");
}

TEST(LokiPushJson, OptionalPartsMayBeMissingOrNull) {
  for (std::string_view json :
       {R"({})", R"({"streams":null})", R"({"streams":[]})", R"({"other":1,"streams":[]})"}) {
    auto [status, r] = run_json(json);
    EXPECT_TRUE(status.is_ok()) << json;
    EXPECT_EQ(r.streams, 0u) << json;
  }
  auto [status, r] = run_json(R"({"streams":[{"stream":{"a":"1"},"values":null},)"
                              R"({"stream":{"a":"1"}},)"
                              R"({"stream":{"a":"2"},"values":[["+1795428000000000000","x",null]]},)"
                              R"({"values":[["1795428000000000000","no labels"]]}]})");
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(r.streams, 4u);
  ASSERT_EQ(r.batch.records.size(), 1u);
  EXPECT_EQ(r.batch.records[0].time_unix_nano, kNow);
  EXPECT_EQ(r.errors.message(), "error at least one label pair is required per stream");
}

TEST(LokiPushJson, MalformedBodiesNameThePlace) {
  EXPECT_EQ(json_error("{\"streams\":["), "malformed JSON: The JSON document has an improper structure: missing or superfluous commas, braces, missing keys, etc.");
  EXPECT_EQ(json_error("[]"), "expected an object, got an array");
  EXPECT_EQ(json_error(R"({"streams":{}})"), "streams: expected an array, got an object");
  EXPECT_EQ(json_error(R"({"streams":[1]})"), "streams[0]: expected an object, got a number");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":{"a":1}}]})"),
            "streams[0].stream.a: expected a string, got a number");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":[]}]})"),
            "streams[0].stream: expected an object, got an array");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":{"a":"1"},"values":{}}]})"),
            "streams[0].values: expected an array, got an object");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":{"a":"1"},"values":[["1"]]}]})"),
            "streams[0].values[0]: expected [timestamp, line] or [timestamp, line, structured "
            "metadata], got 1 values");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":{"a":"1"},"values":[["1","x",{},4]]}]})"),
            "streams[0].values[0]: expected [timestamp, line] or [timestamp, line, structured "
            "metadata], got 4 values");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":{"a":"1"},"values":[[1,"x"]]}]})"),
            "streams[0].values[0].timestamp: expected a string, got a number");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":{"a":"1"},"values":[["1e9","x"]]}]})"),
            "streams[0].values[0].timestamp: expected unix nanoseconds as a decimal string, got "
            "\"1e9\"");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":{"a":"1"},"values":[["99999999999999999999","x"]]}]})"),
            "streams[0].values[0].timestamp: expected unix nanoseconds as a decimal string, got "
            "\"99999999999999999999\"");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":{"a":"1"},"values":[["1",{"a":1}]]}]})"),
            "streams[0].values[0].line: expected a string, got an object");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":{"a":"1"},"values":[["1","x",{"k":2}]]}]})"),
            "streams[0].values[0].structured_metadata.k: expected a string, got a number");
  EXPECT_EQ(json_error(R"({"streams":[{"stream":{"a":"1"},"values":[["1","x","meta"]]}]})"),
            "streams[0].values[0].structured_metadata: expected an object, got a string");
  EXPECT_EQ(json_error(R"({"streams":[{},{"values":[3]}]})"),
            "streams[1].values[0]: expected an array, got a number");
}

TEST(LokiPushJson, TimestampSignsAsGoParsesThem) {
  for (std::string_view bad : {"", "+", "-", "++1", "+-1", " 1", "1 ", "0x10", "1.5"}) {
    std::string json = R"({"streams":[{"stream":{"a":"1"},"values":[[")" + std::string(bad) +
                       R"(","x"]]}]})";
    auto [status, r] = run_json(json);
    EXPECT_FALSE(status.is_ok()) << bad;
  }
  auto [status, r] = run_json(R"({"streams":[{"stream":{"a":"1"},"values":[["-5","x"]]}]})");
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(r.errors.rejected_entries(), 1u);  // before 1970: too old
}

}  // namespace
}  // namespace weft::ingest::loki
