#include "ingest/otlp/otlp_http.h"

#include <gtest/gtest.h>

namespace weft::ingest {
namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s += static_cast<char>(c);
  return s;
}

TEST(OtlpHttp, ContentTypes) {
  struct Case {
    std::string_view content_type;
    OtlpEncoding want;
  };
  for (const Case& c : {Case{"application/x-protobuf", OtlpEncoding::kProtobuf},
                        Case{"application/protobuf", OtlpEncoding::kProtobuf},
                        Case{"Application/X-Protobuf; proto=foo", OtlpEncoding::kProtobuf},
                        Case{"application/json", OtlpEncoding::kJson},
                        Case{"application/json; charset=utf-8", OtlpEncoding::kJson},
                        Case{"  APPLICATION/JSON ;charset=UTF-8", OtlpEncoding::kJson}}) {
    auto enc = otlp_encoding_for_content_type(c.content_type);
    ASSERT_TRUE(enc.is_ok()) << c.content_type;
    EXPECT_EQ(*enc, c.want) << c.content_type;
  }
  for (std::string_view bad : {"", "text/plain", "application/grpc", "application/jsonx",
                               "application/x-www-form-urlencoded", "json"}) {
    auto enc = otlp_encoding_for_content_type(bad);
    ASSERT_FALSE(enc.is_ok()) << bad;
    EXPECT_EQ(enc.status().code(), StatusCode::kUnsupported);
  }
  EXPECT_EQ(otlp_content_type(OtlpEncoding::kProtobuf), "application/x-protobuf");
  EXPECT_EQ(otlp_content_type(OtlpEncoding::kJson), "application/json");
}

TEST(OtlpHttp, FullSuccessResponses) {
  otlp::DecodeReport none;
  EXPECT_EQ(otlp_export_response(OtlpSignal::kLogs, OtlpEncoding::kProtobuf, none), "");
  EXPECT_EQ(otlp_export_response(OtlpSignal::kTraces, OtlpEncoding::kProtobuf, none), "");
  EXPECT_EQ(otlp_export_response(OtlpSignal::kLogs, OtlpEncoding::kJson, none), "{}");
  EXPECT_EQ(otlp_export_response(OtlpSignal::kTraces, OtlpEncoding::kJson, none), "{}");
}

TEST(OtlpHttp, PartialSuccessProtobuf) {
  otlp::DecodeReport report;
  report.rejected = 3;
  report.message = "bad id";
  // Export*ServiceResponse { partial_success (1, len 10) { rejected (1) = 3, message (2) } }
  std::string want = bytes({0x0A, 10, 0x08, 3, 0x12, 6}) + "bad id";
  EXPECT_EQ(otlp_export_response(OtlpSignal::kLogs, OtlpEncoding::kProtobuf, report), want);
  EXPECT_EQ(otlp_export_response(OtlpSignal::kTraces, OtlpEncoding::kProtobuf, report), want);

  report.rejected = 300;  // a two-byte varint
  report.message.clear();
  EXPECT_EQ(otlp_export_response(OtlpSignal::kLogs, OtlpEncoding::kProtobuf, report),
            bytes({0x0A, 3, 0x08, 0xAC, 0x02}));
}

TEST(OtlpHttp, PartialSuccessJson) {
  otlp::DecodeReport report;
  report.rejected = 3;
  report.message = "trace_id \"x\" bad";
  EXPECT_EQ(otlp_export_response(OtlpSignal::kLogs, OtlpEncoding::kJson, report),
            R"({"partialSuccess":{"rejectedLogRecords":"3","errorMessage":"trace_id \"x\" bad"}})");
  EXPECT_EQ(otlp_export_response(OtlpSignal::kTraces, OtlpEncoding::kJson, report),
            R"({"partialSuccess":{"rejectedSpans":"3","errorMessage":"trace_id \"x\" bad"}})");
}

TEST(OtlpHttp, ErrorBodies) {
  EXPECT_EQ(otlp_error_body(OtlpEncoding::kJson, kGrpcInvalidArgument, "bad body"),
            R"({"code":3,"message":"bad body"})");
  EXPECT_EQ(otlp_error_body(OtlpEncoding::kJson, kGrpcUnavailable, ""), R"({"code":14})");
  // google.rpc.Status { code (1) = 8, message (2) = "full" }
  EXPECT_EQ(otlp_error_body(OtlpEncoding::kProtobuf, kGrpcResourceExhausted, "full"),
            bytes({0x08, 8, 0x12, 4}) + "full");
  EXPECT_EQ(otlp_error_body(OtlpEncoding::kProtobuf, 0, ""), "");
  EXPECT_EQ(otlp_error_body(OtlpEncoding::kProtobuf, -1, ""),
            bytes({0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}));
}

TEST(OtlpHttp, ErrorReplies) {
  auto r = otlp_error_reply(StatusCode::kInvalidArgument);
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.grpc_code, kGrpcInvalidArgument);
  EXPECT_EQ(otlp_error_reply(StatusCode::kTooLarge).http_status, 413);
  EXPECT_EQ(otlp_error_reply(StatusCode::kUnsupported).http_status, 415);
  EXPECT_EQ(otlp_error_reply(StatusCode::kResourceExhausted).http_status, 429);
  EXPECT_EQ(otlp_error_reply(StatusCode::kResourceExhausted).grpc_code, kGrpcResourceExhausted);
  EXPECT_EQ(otlp_error_reply(StatusCode::kUnavailable).http_status, 503);
  EXPECT_EQ(otlp_error_reply(StatusCode::kInternal).grpc_code, kGrpcInternal);
}

TEST(OtlpHttp, DecodesEitherEncoding) {
  otlp::DecodeReport report;
  auto json = decode_otlp_logs(OtlpEncoding::kJson,
                               R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[{}]}]}]})", {},
                               &report);
  ASSERT_TRUE(json.is_ok());
  EXPECT_EQ(json->records.size(), 1u);
  // ExportLogsServiceRequest { resource_logs { scope_logs { log_records {} } } }
  auto proto = decode_otlp_logs(OtlpEncoding::kProtobuf, bytes({0x0A, 4, 0x12, 2, 0x12, 0}), {},
                                &report);
  ASSERT_TRUE(proto.is_ok());
  EXPECT_EQ(proto->records.size(), 1u);
  auto spans = decode_otlp_spans(OtlpEncoding::kJson, "{}", {}, &report);
  ASSERT_TRUE(spans.is_ok());
  EXPECT_FALSE(decode_otlp_spans(OtlpEncoding::kProtobuf, "\x0A\x05", {}, &report).is_ok());
}

}  // namespace
}  // namespace weft::ingest
