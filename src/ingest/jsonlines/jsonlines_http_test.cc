#include "ingest/jsonlines/jsonlines_http.h"

#include <gtest/gtest.h>

namespace weft::ingest {
namespace {

TEST(JsonLinesHttp, GoodAndBadLines) {
  JsonLinesDecoder decoder;
  JsonLinesReport report;
  LogBatch batch = decode_json_lines_body("{\"msg\":\"a\"}\r\n\nnot json\n{\"msg\":\"b\"}\n[1]",
                                          decoder, 5, &report);
  ASSERT_EQ(batch.records.size(), 2u);
  EXPECT_EQ(report.accepted, 2u);
  EXPECT_EQ(report.rejected, 2u);
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0].line, 3u);
  EXPECT_EQ(report.errors[1].line, 5u);
  EXPECT_EQ(report.errors[1].message, "expected a JSON object");
  EXPECT_EQ(json_lines_partial_body(report).substr(0, 51),
            R"({"accepted":2,"rejected":2,"errors":[{"line":3,"err)");
}

TEST(JsonLinesHttp, AllBad) {
  JsonLinesDecoder decoder;
  JsonLinesReport report;
  std::string body;
  for (int i = 0; i < 15; ++i) body += "x\n";
  LogBatch batch = decode_json_lines_body(body, decoder, 5, &report);
  EXPECT_TRUE(batch.records.empty());
  EXPECT_EQ(report.rejected, 15u);
  EXPECT_EQ(report.errors.size(), JsonLinesReport::kMaxReportedErrors);
  std::string error = json_lines_error_body(report);
  EXPECT_EQ(error.rfind(R"({"error":"line 1: malformed JSON)", 0), 0u) << error;
  EXPECT_NE(error.find(R"("accepted":0,"rejected":15)"), std::string::npos) << error;
}

TEST(JsonLinesHttp, EmptyBody) {
  JsonLinesDecoder decoder;
  JsonLinesReport report;
  EXPECT_TRUE(decode_json_lines_body("", decoder, 5, &report).records.empty());
  EXPECT_EQ(report.accepted + report.rejected, 0u);
}

}  // namespace
}  // namespace weft::ingest
