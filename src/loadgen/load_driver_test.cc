// The driver and runner against an in-process sink server: exact record counts, the rate
// roughly holding (wide tolerance), per-protocol paths and headers, non-2xx counting, and
// the clear errors for unsupported protocol/signal pairs.
#include <gtest/gtest.h>

#include "common/gzip.h"
#include "loadgen/load_report.h"
#include "loadgen/loadgen_runner.h"
#include "common/snappy_block.h"
#include "loadgen/test_sink_server.h"
#include "otlp/otlp_decode.h"

namespace weft::loadgen {
namespace {

using testing::TestSinkServer;

LoadgenOptions options_for(const TestSinkServer& sink, Protocol protocol) {
  LoadgenOptions o;
  o.endpoint = sink.endpoint();
  o.protocol = protocol;
  o.batch_size = 100;
  o.connections = 3;
  o.tenant = "bench";
  return o;
}

TEST(LoadDriver, SendsExactlyNRecords) {
  TestSinkServer sink(200);
  LoadgenOptions o = options_for(sink, Protocol::kOtlpHttp);
  o.records = 1'250;  // 12 full requests and one of 50
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  EXPECT_EQ(report->driver.records, 1'250u);
  EXPECT_EQ(report->driver.requests, 13u);
  EXPECT_EQ(report->driver.latency.count, 13u);
  auto seen = sink.requests();
  ASSERT_EQ(seen.size(), 13u);
  for (const auto& r : seen) {
    EXPECT_EQ(r.target, "/v1/logs");
    EXPECT_EQ(r.content_type, "application/x-protobuf");
    EXPECT_EQ(r.tenant, "bench");
  }
}

TEST(LoadDriver, RateRoughlyHolds) {
  TestSinkServer sink;
  LoadgenOptions o = options_for(sink, Protocol::kOtlpHttp);
  o.rate = 2'000;  // 20 requests of 100 per second
  o.duration = std::chrono::milliseconds(1'500);
  o.pool_requests = 4;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  // Flat out, a local sink takes thousands of requests in 1.5 s; paced, about 30.
  EXPECT_GE(report->driver.requests, 15u);
  EXPECT_LE(report->driver.requests, 45u);
  EXPECT_GE(report->seconds(), 1.0);
  // Paced runs also measure from each request's due time, which is never after its send.
  EXPECT_EQ(report->driver.scheduled_latency.count, report->driver.latency.count);
  EXPECT_GE(report->driver.scheduled_latency.max_ms, report->driver.latency.max_ms);
}

TEST(LoadDriver, LokiPushesSnappyProtobuf) {
  TestSinkServer sink;
  LoadgenOptions o = options_for(sink, Protocol::kLoki);
  o.records = 300;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  EXPECT_EQ(report->driver.records, 300u);
  auto seen = sink.requests();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].target, "/loki/api/v1/push");
  EXPECT_EQ(seen[0].content_type, "application/x-protobuf");
  auto proto = snappy_uncompress(seen[0].body, 64 << 20);
  ASSERT_TRUE(proto.is_ok()) << proto.status().message();
  EXPECT_NE(proto->find("{service_name=\""), std::string::npos);
}

TEST(LoadDriver, ElasticSendsNdjsonBulk) {
  TestSinkServer sink;
  LoadgenOptions o = options_for(sink, Protocol::kElastic);
  o.records = 100;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  auto seen = sink.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].target, "/_bulk");
  EXPECT_EQ(seen[0].content_type, "application/x-ndjson");
  size_t lines = std::count(seen[0].body.begin(), seen[0].body.end(), '\n');
  EXPECT_EQ(lines, 200u);
}

TEST(LoadDriver, GzipCompressesHttpBodiesOnce) {
  TestSinkServer sink;
  LoadgenOptions o = options_for(sink, Protocol::kOtlpHttp);
  o.records = 200;
  o.gzip = true;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  EXPECT_EQ(report->driver.records, 200u);
  auto seen = sink.requests();
  ASSERT_EQ(seen.size(), 2u);
  for (const auto& r : seen) {
    EXPECT_EQ(r.content_encoding, "gzip");
    auto inflated = gunzip_limited(r.body, 64 << 20);
    ASSERT_TRUE(inflated.is_ok());
    auto batch = otlp::decode_logs_proto(*inflated, {}, nullptr);
    ASSERT_TRUE(batch.is_ok()) << batch.status().message();
    EXPECT_EQ(batch->records.size(), 100u);
  }
  // MB/s counts bodies as sent: compressed.
  EXPECT_EQ(report->driver.bytes, seen[0].body.size() + seen[1].body.size());
  EXPECT_NE(format_report_json(*report).find(R"("gzip":true)"), std::string::npos);
}

TEST(LoadDriver, SplunkHecSendsEventsWithAToken) {
  TestSinkServer sink(200);
  LoadgenOptions o = options_for(sink, Protocol::kSplunkHec);
  o.records = 100;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  auto seen = sink.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].target, "/services/collector/event");
  EXPECT_EQ(seen[0].authorization, "Splunk weft-loadgen");
  size_t events = std::count(seen[0].body.begin(), seen[0].body.end(), '\n');
  EXPECT_EQ(events, 100u);
}

TEST(LoadDriver, CountsNon2xxByStatus) {
  TestSinkServer sink(429);
  LoadgenOptions o = options_for(sink, Protocol::kOtlpHttp);
  o.records = 500;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok());
  EXPECT_EQ(report->driver.records, 0u);
  EXPECT_EQ(report->driver.non_2xx.at(429), 5u);
  EXPECT_EQ(report->driver.records_rejected, 500u);
  std::string json = format_report_json(*report);
  EXPECT_NE(json.find(R"("non_2xx":{"429":5})"), std::string::npos) << json;
  EXPECT_NE(format_report_text(*report).find("429: 5"), std::string::npos);
}

TEST(LoadReport, GrpcRefusalsAreNamedByCode) {
  LoadgenReport report;
  report.protocol = "otlp-grpc";
  report.driver.non_2xx[8] = 3;
  report.driver.non_2xx[14] = 1;
  std::string text = format_report_text(report);
  EXPECT_NE(text.find("non-OK: RESOURCE_EXHAUSTED: 3, UNAVAILABLE: 1"), std::string::npos) << text;
  std::string json = format_report_json(report);
  EXPECT_NE(json.find(R"("non_ok":{"RESOURCE_EXHAUSTED":3,"UNAVAILABLE":1})"), std::string::npos)
      << json;
  EXPECT_EQ(json.find("non_2xx"), std::string::npos) << json;
}

TEST(LoadDriver, NoServerIsCountedAsIoErrors) {
  LoadgenOptions o;
  o.endpoint = "http://127.0.0.1:1";  // nothing listens there
  o.records = 200;
  o.batch_size = 100;
  o.connections = 1;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok());
  EXPECT_EQ(report->driver.io_errors, 2u);
  EXPECT_FALSE(report->driver.first_error.empty());
}

TEST(LoadgenRunner, RejectsUnsupportedCombinations) {
  LoadgenOptions o;
  o.protocol = Protocol::kOtlpGrpc;
  o.endpoint = "http://127.0.0.1:4317/otlp";
  auto grpc = LoadgenRunner(o).run();
  ASSERT_FALSE(grpc.is_ok());
  EXPECT_NE(grpc.status().message().find("no path"), std::string::npos);
  o.protocol = Protocol::kLoki;
  o.signal = Signal::kTraces;
  EXPECT_FALSE(LoadgenRunner(o).run().is_ok());
  EXPECT_FALSE(parse_protocol("kafka").is_ok());
  EXPECT_FALSE(parse_signal("metrics").is_ok());
}

}  // namespace
}  // namespace weft::loadgen
