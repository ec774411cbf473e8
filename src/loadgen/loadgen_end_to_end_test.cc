// loadgen against a real weft in the same process: N records sent over OTLP/HTTP are N records
// queryable (GET /api/v1/services counts), for logs and for the demo's traces.
#include <gtest/gtest.h>
#include <unistd.h>

#include <simdjson.h>

#include <filesystem>

#include "loadgen/loadgen_runner.h"
#include "server/http/test_http_client.h"
#include "server/server.h"

namespace weft::loadgen {
namespace {

using server::testing::TestHttpClient;

class LoadgenEndToEndTest : public ::testing::Test {
 protected:
  LoadgenEndToEndTest()
      : dir_(std::filesystem::temp_directory_path() /
             ("weft-loadgen-e2e-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir_);
    server::ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.otlp_http_listen = "";
    options.store.data_dir = dir_;
    options.store.fsync = false;
    options.http_threads = 2;
    server_ = std::make_unique<server::Server>(options);
    EXPECT_TRUE(server_->start().is_ok());
    EXPECT_TRUE(server_->wait_ready().is_ok());
    address_ = server_->bound_addresses().at(0);
  }
  ~LoadgenEndToEndTest() override {
    server_->stop();
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Sums the "records" (or "spans") counts of GET /api/v1/services for the tenant.
  uint64_t stored(const char* field) {
    TestHttpClient client(address_);
    auto response = client.get("/api/v1/services", {{"X-Scope-OrgID", "lg"}});
    EXPECT_EQ(response.result_int(), 200u);
    simdjson::dom::parser parser;
    uint64_t total = 0;
    for (simdjson::dom::element s : parser.parse(response.body())["services"].get_array())
      total += uint64_t(s[field]);
    return total;
  }

  LoadgenOptions options() const {
    LoadgenOptions o;
    o.endpoint = "http://" + address_;
    o.tenant = "lg";
    o.batch_size = 500;
    o.connections = 4;
    return o;
  }

  std::filesystem::path dir_;
  std::unique_ptr<server::Server> server_;
  std::string address_;
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

TEST_F(LoadgenEndToEndTest, NSpansSentAreNSpansQueryable) {
  LoadgenOptions o = options();
  o.signal = Signal::kTraces;
  o.records = 1'200;
  auto report = LoadgenRunner(o).run();
  ASSERT_TRUE(report.is_ok()) << report.status().message();
  EXPECT_EQ(report->driver.records, 1'200u);
  EXPECT_EQ(stored("spans"), 1'200u);
}

}  // namespace
}  // namespace weft::loadgen
