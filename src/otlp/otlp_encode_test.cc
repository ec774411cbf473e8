// Tests of the OTLP protobuf encoders: decode(encode(b)) gives b back field by field, sharing
// is rebuilt per group, defaults are skipped, and interleaved groups are gathered.
#include "otlp/otlp_encode.h"

#include <gtest/gtest.h>

#include <limits>

#include "otlp/otlp_decode.h"
#include "otlp/otlp_test_compare.h"
#include "otlp/otlp_test_data.h"
#include "otlp/proto_test_builder.h"

namespace weft::otlp {
namespace {

using testing::expect_logs_equal;
using testing::expect_spans_equal;
using testing::Pb;

LogBatch round_trip(const LogBatch& batch) {
  DecodeReport report;
  auto decoded = decode_logs_proto(encode_logs_proto(batch), {}, &report);
  EXPECT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_EQ(report.rejected, 0u);
  return decoded.is_ok() ? std::move(decoded).value() : LogBatch{};
}

SpanBatch round_trip(const SpanBatch& batch) {
  DecodeReport report;
  auto decoded = decode_spans_proto(encode_spans_proto(batch), {}, &report);
  EXPECT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_EQ(report.rejected, 0u);
  return decoded.is_ok() ? std::move(decoded).value() : SpanBatch{};
}

TEST(OtlpEncode, LogsRoundTripEveryField) {
  LogBatch batch = testdata::rich_log_batch();
  LogBatch back = round_trip(batch);
  expect_logs_equal(batch, back);
  // One Resource object per ResourceLogs, one Scope per ScopeLogs, as the input had.
  const auto& r = back.records;
  EXPECT_EQ(r[0].resource, r[5].resource);
  EXPECT_NE(r[5].resource, r[6].resource);
  EXPECT_EQ(r[6].resource, r[9].resource);
  EXPECT_EQ(r[0].scope, r[2].scope);
  EXPECT_NE(r[2].scope, r[3].scope);
}

TEST(OtlpEncode, SpansRoundTripEveryField) {
  SpanBatch batch = testdata::rich_span_batch();
  SpanBatch back = round_trip(batch);
  expect_spans_equal(batch, back);
  EXPECT_EQ(back.spans[2].resource, back.spans[5].resource);
  EXPECT_NE(back.spans[1].resource, back.spans[2].resource);
}

TEST(OtlpEncode, ExtremeValuesRoundTrip) {
  LogRecord r;
  r.time_unix_nano = std::numeric_limits<int64_t>::max();
  r.observed_time_unix_nano = -1;  // the top bit of a fixed64 survives
  r.severity_number = -7;
  r.flags = std::numeric_limits<uint32_t>::max();
  r.dropped_attributes_count = std::numeric_limits<uint32_t>::max();
  r.body = AnyValue(std::vector<AnyValue>{
      AnyValue(std::numeric_limits<int64_t>::min()), AnyValue(-0.0),
      AnyValue(std::numeric_limits<double>::infinity()), AnyValue(std::string(100000, 'x')),
      AnyValue(Bytes{})});
  r.attributes = {{"", AnyValue("")}};
  LogBatch batch;
  batch.records.push_back(r);
  expect_logs_equal(batch, round_trip(batch));
}

TEST(OtlpEncode, DefaultsAreNotWritten) {
  LogBatch logs;
  logs.records.emplace_back();  // null resource and scope, every field default
  // ResourceLogs { ScopeLogs { LogRecord {} } }
  EXPECT_EQ(encode_logs_proto(logs), Pb().msg(1, Pb().msg(2, Pb().msg(2, Pb()))).str());
  SpanBatch spans;
  spans.spans.emplace_back();
  EXPECT_EQ(encode_spans_proto(spans), Pb().msg(1, Pb().msg(2, Pb().msg(2, Pb()))).str());
  EXPECT_EQ(encode_logs_proto(LogBatch{}), "");
}

TEST(OtlpEncode, WritesStandardFieldNumbers) {
  LogRecord r;
  r.time_unix_nano = 5;
  r.severity_text = "INFO";
  r.body = AnyValue("hi");
  LogBatch batch;
  batch.records.push_back(r);
  std::string want = Pb().msg(1, Pb().msg(2, Pb().msg(2, Pb().fixed64(1, 5).bytes(3, "INFO")
                                                             .msg(5, Pb().bytes(1, "hi")))))
                         .str();
  EXPECT_EQ(encode_logs_proto(batch), want);
}

TEST(OtlpEncode, InterleavedGroupsAreGathered) {
  auto r1 = testdata::sample_resource("a");
  auto r2 = testdata::sample_resource("b");
  auto s1 = testdata::sample_scope("x");
  LogBatch batch;
  for (int i = 0; i < 4; ++i) {
    LogRecord rec;
    rec.severity_text = std::to_string(i);
    rec.resource = i % 2 == 0 ? r1 : r2;
    rec.scope = s1;
    batch.records.push_back(rec);
  }
  LogBatch back = round_trip(batch);
  ASSERT_EQ(back.records.size(), 4u);
  EXPECT_EQ(back.records[0].severity_text, "0");
  EXPECT_EQ(back.records[1].severity_text, "2");
  EXPECT_EQ(back.records[2].severity_text, "1");
  EXPECT_EQ(back.records[3].severity_text, "3");
  EXPECT_EQ(back.records[0].resource, back.records[1].resource);
  EXPECT_EQ(back.records[2].resource, back.records[3].resource);
  EXPECT_EQ(service_name(*back.records[2].resource), "b");
}

TEST(OtlpEncode, SameScopeUnderTwoResourcesIsTwoGroups) {
  auto r1 = testdata::sample_resource("a");
  auto r2 = testdata::sample_resource("b");
  auto s = testdata::sample_scope("x");
  SpanBatch batch;
  for (int i = 0; i < 3; ++i) {
    Span sp = testdata::full_span(i);
    sp.resource = i == 1 ? r2 : r1;
    sp.scope = s;
    batch.spans.push_back(sp);
  }
  SpanBatch back = round_trip(batch);
  ASSERT_EQ(back.spans.size(), 3u);
  EXPECT_EQ(back.spans[0].span_id, batch.spans[0].span_id);
  EXPECT_EQ(back.spans[1].span_id, batch.spans[2].span_id);
  EXPECT_EQ(back.spans[2].span_id, batch.spans[1].span_id);
  EXPECT_EQ(back.spans[0].scope, back.spans[1].scope);
  EXPECT_NE(back.spans[1].scope, back.spans[2].scope);
}

TEST(OtlpEncode, ReEncodingIsStable) {
  std::string once = encode_spans_proto(testdata::rich_span_batch());
  auto decoded = decode_spans_proto(once, {}, nullptr);
  ASSERT_TRUE(decoded.is_ok());
  EXPECT_EQ(encode_spans_proto(*decoded), once);
}

}  // namespace
}  // namespace weft::otlp
