// The JSON decoders read every field: a batch written as OTLP/JSON decodes to the same batch,
// and to the same thing as its protobuf encoding.
#include <gtest/gtest.h>

#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"
#include "otlp/otlp_json_test_writer.h"
#include "otlp/otlp_test_compare.h"
#include "otlp/otlp_test_data.h"

namespace weft::otlp {
namespace {

using testing::expect_logs_equal;
using testing::expect_spans_equal;
using testing::OtlpJsonTestWriter;

TEST(OtlpJsonRoundTrip, LogsEveryField) {
  LogBatch batch = testdata::rich_log_batch();
  std::string json = OtlpJsonTestWriter().logs(batch);
  DecodeReport report;
  auto decoded = decode_logs_json(json, {}, &report);
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_EQ(report.rejected, 0u);
  expect_logs_equal(batch, *decoded);
  auto from_proto = decode_logs_proto(encode_logs_proto(batch), {}, nullptr);
  ASSERT_TRUE(from_proto.is_ok());
  expect_logs_equal(*from_proto, *decoded);
  EXPECT_EQ(decoded->records[0].resource, decoded->records[2].resource);
  EXPECT_EQ(decoded->records[0].scope, decoded->records[2].scope);
}

TEST(OtlpJsonRoundTrip, SpansEveryField) {
  SpanBatch batch = testdata::rich_span_batch();
  std::string json = OtlpJsonTestWriter().spans(batch);
  DecodeReport report;
  auto decoded = decode_spans_json(json, {}, &report);
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_EQ(report.rejected, 0u);
  expect_spans_equal(batch, *decoded);
}

}  // namespace
}  // namespace weft::otlp
