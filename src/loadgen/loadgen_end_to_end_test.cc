// loadgen against a real weft in the same process: N records sent over OTLP/HTTP, OTLP/gRPC,
// Loki push, Elasticsearch bulk or Splunk HEC are N records queryable (GET /api/v1/services
// counts), for logs and for the demo's traces; the same for logs written over TCP as syslog
// and as JSON lines.
#include <gtest/gtest.h>
#include <unistd.h>

#include <simdjson.h>

#include <filesystem>
#include <thread>

#include "loadgen/loadgen_runner.h"
#include "server/http/test_http_client.h"
#include "server/test_server.h"

namespace weft::loadgen {
namespace {

using server::testing::TestHttpClient;

class LoadgenEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(weft_.start()); }

  // Sums the "records" (or "spans") counts of GET /api/v1/services for the tenant.
  uint64_t stored(const char* field, const std::string& tenant = "lg") {
    TestHttpClient client(weft_.address());
    auto response = client.get("/api/v1/services", {{"X-Scope-OrgID", tenant}});
    EXPECT_EQ(response.result_int(), 200u);
    simdjson::dom::parser parser;
    uint64_t total = 0;
    for (simdjson::dom::element s : parser.parse(response.body())["services"].get_array())
      total += uint64_t(s[field]);
    return total;
  }

  LoadgenOptions options() const {
    LoadgenOptions o;
    o.endpoint = "http://" + weft_.address();
    o.tenant = "lg";
    o.batch_size = 500;
    o.connections = 4;
    return o;
  }

  server::testing::TestServer weft_{"weft-loadgen-e2e"};
};

TEST_F(LoadgenEndToEndTest, NLogRecordsSentAreNRecordsQueryable) {
  LoadgenOptions o = options();
  o.records = 5'321;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  EXPECT_EQ(report->driver.records, 5'321u);
  EXPECT_TRUE(report->driver.non_2xx.empty());
  EXPECT_EQ(report->driver.io_errors, 0u);
  EXPECT_EQ(stored("records"), 5'321u);
}

TEST_F(LoadgenEndToEndTest, NLogRecordsPushedToLokiAreNRecordsQueryable) {
  LoadgenOptions o = options();
  o.protocol = Protocol::kLoki;
  o.records = 2'345;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  EXPECT_EQ(report->driver.records, 2'345u);
  EXPECT_TRUE(report->driver.non_2xx.empty());
  EXPECT_EQ(stored("records"), 2'345u);
}

TEST_F(LoadgenEndToEndTest, ElasticBulkAndSplunkHecRecordsAreQueryable) {
  for (Protocol protocol : {Protocol::kElastic, Protocol::kSplunkHec}) {
    uint64_t before = stored("records");
    LoadgenOptions o = options();
    o.protocol = protocol;
    o.records = 2'345;
    auto report = LoadgenRunner(o).run();
    ASSERT_TRUE(report.is_ok()) << report.status().message();
    EXPECT_TRUE(report->driver.non_2xx.empty()) << protocol_name(protocol);
    EXPECT_EQ(report->driver.records, 2'345u);
    EXPECT_EQ(stored("records") - before, 2'345u) << protocol_name(protocol);
  }
}

TEST_F(LoadgenEndToEndTest, NSpansSentAreNSpansQueryable) {
  LoadgenOptions o = options();
  o.signal = Signal::kTraces;
  o.records = 1'200;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  EXPECT_EQ(report->driver.records, 1'200u);
  EXPECT_EQ(stored("spans"), 1'200u);
}

TEST_F(LoadgenEndToEndTest, OverGrpcNLogRecordsSentAreNRecordsQueryable) {
  LoadgenOptions o = options();
  o.protocol = Protocol::kOtlpGrpc;
  o.endpoint = "http://" + weft_.grpc_address();
  o.records = 4'321;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  EXPECT_EQ(report->driver.records, 4'321u);
  EXPECT_TRUE(report->driver.non_2xx.empty());
  EXPECT_EQ(report->driver.io_errors, 0u) << report->driver.first_error;
  EXPECT_EQ(report->driver.latency.count, 9u);
  EXPECT_EQ(stored("records"), 4'321u);
}

TEST_F(LoadgenEndToEndTest, OverGrpcWithGzipSpansAreQueryable) {
  LoadgenOptions o = options();
  o.protocol = Protocol::kOtlpGrpc;
  o.signal = Signal::kTraces;
  o.gzip = true;
  o.endpoint = "http://" + weft_.grpc_address();
  o.records = 1'000;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  EXPECT_EQ(report->driver.records, 1'000u);
  EXPECT_EQ(stored("spans"), 1'000u);
}

TEST(LoadgenGrpc, NoServerIsCountedAsIoErrors) {
  LoadgenOptions o;
  o.protocol = Protocol::kOtlpGrpc;
  o.endpoint = "http://127.0.0.1:1";  // nothing listens there
  o.records = 200;
  o.batch_size = 100;
  o.connections = 1;
  o.timeout = std::chrono::milliseconds(2000);
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  EXPECT_EQ(report->driver.requests, 0u);
  EXPECT_EQ(report->driver.io_errors, 2u);
  EXPECT_NE(report->driver.first_error.find("UNAVAILABLE"), std::string::npos)
      << report->driver.first_error;
}

// A TCP stream has no acknowledgements: wait until weft has stored what was written.
TEST_F(LoadgenEndToEndTest, NRecordsWrittenOverSyslogAndJsonLinesAreStored) {
  uint64_t expected = 0;
  for (Protocol protocol : {Protocol::kSyslog, Protocol::kJsonLines}) {
    LoadgenOptions o = options();
    o.protocol = protocol;
    o.endpoint = "tcp://" + weft_.stream_address(protocol == Protocol::kSyslog ? "syslog/tcp" : "jsonlines/tcp");
    o.records = 4'321;
    auto report = LoadgenRunner(o).run();
    ASSERT_TRUE(report.is_ok()) << report.status().message();
    EXPECT_TRUE(report->stream);
    EXPECT_EQ(report->driver.records, 4'321u);
    EXPECT_EQ(report->driver.io_errors, 0u) << report->driver.first_error;
    expected += 4'321;
    for (int i = 0; i < 500 && stored("records", "default") < expected; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_EQ(stored("records", "default"), expected) << protocol_name(protocol);
  }
}

}  // namespace
}  // namespace weft::loadgen
