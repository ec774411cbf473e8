// OTLP/gRPC end to end in one process: a real Server with its gRPC listener on 127.0.0.1 port 0,
// called with grpc++'s generic stub (client::GrpcUnaryClient), read back through the HTTP API.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "client/grpc_bytes.h"
#include "client/grpc_unary_client.h"
#include "ingest/otlp/otlp_grpc.h"
#include "ingest/otlp/rpc_status_test_util.h"
#include "otlp/otlp_encode.h"
#include "otlp/otlp_fields.h"
#include "otlp/otlp_test_data.h"
#include "otlp/proto_reader.h"
#include "otlp/proto_writer.h"
#include "server/grpc/finished_call.h"
#include "server/grpc/grpc_call_context.h"
#include "server/grpc/grpc_server.h"
#include "server/grpc/otlp_grpc_service.h"
#include "server/http/test_http_client.h"
#include "server/server.h"

namespace weft::server {
namespace {

using namespace std::chrono_literals;
using client::GrpcCallOptions;
using client::GrpcCallResult;
using client::GrpcUnaryClient;
using testing::TestHttpClient;
namespace field = otlp::field;

constexpr std::string_view kLogs = ingest::kOtlpGrpcLogsMethod;
constexpr std::string_view kTraces = ingest::kOtlpGrpcTracesMethod;

std::filesystem::path fresh_dir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("weft-grpc-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  return dir;
}

GrpcCallOptions with_tenant(std::string tenant, bool gzip = false) {
  GrpcCallOptions o;
  o.metadata = {{"x-scope-orgid", std::move(tenant)}};
  o.gzip = gzip;
  return o;
}

LogBatch sample_logs() {
  LogBatch batch = otlp::testdata::rich_log_batch();
  batch.records.back().observed_time_unix_nano = 1795315856999000000;  // not "now" at ingest
  return batch;
}

// ExportLogsServiceRequest with one good record and one whose trace id has 3 bytes.
std::string logs_with_one_bad_record() {
  auto record = [](auto& s, std::string_view body, std::string_view trace_id) {
    s.message(field::kScopeGroupItems, [&] {
      s.fixed64(field::kLogTimeUnixNano, 1795315856151000000);
      s.message(field::kLogBody, [&] { s.bytes(field::kAnyValueString, body); });
      if (!trace_id.empty()) s.bytes(field::kLogTraceId, trace_id);
    });
  };
  return otlp::encode_proto([&](auto& s) {
    s.message(field::kExportLogsRequestResourceLogs, [&] {
      s.message(field::kResourceGroupScopes, [&] {
        record(s, "partial good", "");
        record(s, "partial bad", "abc");
      });
    });
  });
}

struct PartialSuccess {
  uint64_t rejected = 0;
  std::string message;
};

PartialSuccess read_partial_success(std::string_view response) {
  PartialSuccess out;
  otlp::ProtoReader r(response);
  otlp::WireField f;
  while (r.next(&f)) {
    if (f.number != field::kExportResponsePartialSuccess) continue;
    otlp::ProtoReader inner(f.bytes);
    otlp::WireField g;
    while (inner.next(&g)) {
      if (g.number == field::kPartialSuccessRejected) out.rejected = g.scalar;
      if (g.number == field::kPartialSuccessErrorMessage) out.message = std::string(g.bytes);
    }
  }
  return out;
}

class OtlpGrpcServerTest : public ::testing::Test {
 protected:
  ~OtlpGrpcServerTest() override {
    if (server_) server_->stop();
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  void start(uint64_t memory_budget = 1ull << 30) {
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.otlp_http_listen = "127.0.0.1:0";
    options.otlp_grpc_listen = "127.0.0.1:0";
    options.store.data_dir = dir_;
    options.store.fsync = false;
    options.store.memory_budget_bytes = memory_budget;
    options.max_request_bytes = 1 << 20;
    options.http_threads = 2;
    server_ = std::make_unique<Server>(options);
    ASSERT_TRUE(server_->start());
    ASSERT_TRUE(server_->wait_ready());
    api_ = server_->bound_addresses().at(0);
    otlp_http_ = server_->bound_addresses().at(1);
    grpc_ = server_->otlp_grpc_address();
    ASSERT_FALSE(grpc_.empty());
  }

  GrpcCallResult call(std::string_view method, std::string_view message,
                      const GrpcCallOptions& options = {}) {
    GrpcUnaryClient client(grpc_);
    return client.call(method, client::string_to_byte_buffer(message), options);
  }

  std::string get(std::string_view target, std::string_view tenant = "default") {
    TestHttpClient client(api_);
    auto response = client.get(target, {{"X-Scope-OrgID", std::string(tenant)}});
    EXPECT_EQ(response.result_int(), 200u) << target << ": " << response.body();
    return response.body();
  }

  HttpResponse post_http(std::string_view path, std::string body, std::string_view tenant) {
    TestHttpClient client(otlp_http_);
    return client.request(http::verb::post, path, std::move(body),
                          {{"Content-Type", "application/x-protobuf"},
                           {"X-Scope-OrgID", std::string(tenant)}});
  }

  std::filesystem::path dir_ = fresh_dir();
  std::unique_ptr<Server> server_;
  std::string api_, otlp_http_, grpc_;
};

TEST_F(OtlpGrpcServerTest, LogsAreStoredAsOverOtlpHttp) {
  start();
  std::string request = otlp::encode_logs_proto(sample_logs());
  GrpcCallResult r = call(kLogs, request, with_tenant("over-grpc"));
  ASSERT_TRUE(r.ok()) << r.code << " " << r.message;
  EXPECT_EQ(r.response, "");  // full success: an empty ExportLogsServiceResponse
  ASSERT_EQ(post_http("/v1/logs", request, "over-http").result_int(), 200u);

  std::string via_grpc = get("/api/v1/logs?limit=100", "over-grpc");
  EXPECT_NE(via_grpc.find(R"("body":"user logged in 0")"), std::string::npos) << via_grpc;
  EXPECT_NE(via_grpc.find(R"("service":"payments")"), std::string::npos) << via_grpc;
  EXPECT_EQ(via_grpc, get("/api/v1/logs?limit=100", "over-http"));
  EXPECT_EQ(get("/api/v1/logs?limit=100"), R"({"records":[]})");  // tenants stay apart
}

TEST_F(OtlpGrpcServerTest, GzipTracesAreStoredAsOverOtlpHttp) {
  start();
  SpanBatch spans = otlp::testdata::rich_span_batch();
  std::string request = otlp::encode_spans_proto(spans);
  GrpcCallResult r = call(kTraces, request, with_tenant("over-grpc", /*gzip=*/true));
  ASSERT_TRUE(r.ok()) << r.code << " " << r.message;
  ASSERT_EQ(post_http("/v1/traces", request, "over-http").result_int(), 200u);

  std::string path = "/api/v1/traces/" + spans.spans.front().trace_id.hex();
  std::string via_grpc = get(path, "over-grpc");
  EXPECT_NE(via_grpc.find(R"("name":"GET /checkout")"), std::string::npos) << via_grpc;
  EXPECT_EQ(via_grpc, get(path, "over-http"));
}

TEST_F(OtlpGrpcServerTest, WithoutMetadataRecordsGoToTheDefaultTenant) {
  start();
  ASSERT_TRUE(call(kLogs, otlp::encode_logs_proto(sample_logs())).ok());
  EXPECT_NE(get("/api/v1/services").find(R"("name":"checkout")"), std::string::npos);
}

TEST_F(OtlpGrpcServerTest, BadTenantIsInvalidArgument) {
  start();
  std::string request = otlp::encode_logs_proto(sample_logs());
  GrpcCallResult r = call(kLogs, request, with_tenant("bad/tenant"));
  EXPECT_EQ(r.code, ingest::kGrpcInvalidArgument);
  EXPECT_NE(r.message.find("X-Scope-OrgID"), std::string::npos) << r.message;
  GrpcCallOptions twice;
  twice.metadata = {{"x-scope-orgid", "a"}, {"x-scope-orgid", "b"}};
  r = call(kLogs, request, twice);
  EXPECT_EQ(r.code, ingest::kGrpcInvalidArgument);
  EXPECT_NE(r.message.find("more than once"), std::string::npos) << r.message;
  EXPECT_EQ(get("/api/v1/services", "a"), R"({"services":[]})");
}

TEST_F(OtlpGrpcServerTest, UndecodableMessageIsInvalidArgumentAndHarmless) {
  start();
  for (std::string bad : {std::string("\x0a\xff\xff\xff\xff\x0f\x01", 7),
                          std::string("\x0a\x05\x12\x03\x0a", 5), std::string("\x0f", 1)}) {
    GrpcCallResult r = call(kLogs, bad);
    EXPECT_EQ(r.code, ingest::kGrpcInvalidArgument);
    EXPECT_FALSE(r.message.empty());
    EXPECT_EQ(call(kTraces, bad).code, ingest::kGrpcInvalidArgument);
  }
  EXPECT_TRUE(call(kLogs, otlp::encode_logs_proto(sample_logs())).ok());
}

TEST_F(OtlpGrpcServerTest, PartialSuccessCountsRejectedRecords) {
  start();
  GrpcCallResult r = call(kLogs, logs_with_one_bad_record(), with_tenant("partial"));
  ASSERT_TRUE(r.ok()) << r.message;
  PartialSuccess partial = read_partial_success(r.response);
  EXPECT_EQ(partial.rejected, 1u);
  EXPECT_NE(partial.message.find("trace"), std::string::npos) << partial.message;
  std::string stored = get("/api/v1/logs?q=partial", "partial");
  EXPECT_NE(stored.find("partial good"), std::string::npos) << stored;
  EXPECT_EQ(stored.find("partial bad"), std::string::npos) << stored;
}

TEST_F(OtlpGrpcServerTest, MetricsAndUnknownMethodsAreUnimplemented) {
  start();
  GrpcCallResult metrics = call(ingest::kOtlpGrpcMetricsMethod, "");
  EXPECT_EQ(metrics.code, ingest::kGrpcUnimplemented);
  EXPECT_NE(metrics.message.find("not metrics"), std::string::npos) << metrics.message;
  GrpcCallResult other = call("/weft.Nope/Export", "");
  EXPECT_EQ(other.code, ingest::kGrpcUnimplemented);
  EXPECT_NE(other.message.find("/weft.Nope/Export"), std::string::npos) << other.message;
}

TEST_F(OtlpGrpcServerTest, MessagesOverTheLimitAreRefusedAlsoOnceInflated) {
  start();  // max_request_bytes 1 MiB
  LogBatch big;
  LogRecord record = sample_logs().records.front();
  record.body = AnyValue(std::string(1100 << 10, 'x'));
  big.records.push_back(record);
  std::string request = otlp::encode_logs_proto(big);
  EXPECT_EQ(call(kLogs, request).code, ingest::kGrpcResourceExhausted);
  // Compressed it is a few KiB; inflated it is still over the limit.
  GrpcCallResult zipped = call(kLogs, request, with_tenant("big", /*gzip=*/true));
  EXPECT_EQ(zipped.code, ingest::kGrpcResourceExhausted) << zipped.message;
  EXPECT_EQ(get("/api/v1/services", "big"), R"({"services":[]})");
  EXPECT_TRUE(call(kLogs, otlp::encode_logs_proto(sample_logs())).ok());
}

TEST_F(OtlpGrpcServerTest, BackpressureIsResourceExhaustedWithRetryInfo) {
  start(/*memory_budget=*/1);  // the first batch fills the budget
  std::string request = otlp::encode_logs_proto(sample_logs());
  GrpcCallResult r;
  for (int i = 0; i < 5 && r.code != ingest::kGrpcResourceExhausted; ++i) r = call(kLogs, request);
  ASSERT_EQ(r.code, ingest::kGrpcResourceExhausted) << r.message;
  auto details = ingest::testing::parse_rpc_status(r.details);
  ASSERT_TRUE(details.ok);
  EXPECT_EQ(details.code, ingest::kGrpcResourceExhausted);
  EXPECT_EQ(details.message, r.message);
  ASSERT_EQ(details.detail_types, std::vector<std::string>{std::string(ingest::kRetryInfoTypeUrl)});
  EXPECT_EQ(details.retry_delay, std::chrono::nanoseconds(ingest::kOtlpRetryDelay));
}

TEST_F(OtlpGrpcServerTest, SecondServerOnTheSameAddressFailsNamingIt) {
  start();
  ServerOptions options;
  options.listen = "";
  options.otlp_http_listen = "";
  options.otlp_grpc_listen = grpc_;
  options.store.data_dir = fresh_dir();
  Server second(options);
  Status started = second.start();
  ASSERT_FALSE(started);
  EXPECT_NE(started.message().find(grpc_), std::string::npos) << started.message();
  second.stop();
  std::filesystem::remove_all(options.store.data_dir);
  EXPECT_TRUE(call(kLogs, otlp::encode_logs_proto(sample_logs())).ok());
}

// Calls in flight when stop() begins finish; every call answered OK is in the store afterwards.
TEST_F(OtlpGrpcServerTest, StopDrainsCallsAndKeepsEveryAcknowledgedRecord) {
  start();
  LogBatch batch;
  for (int i = 0; i < 200; ++i) batch.records.push_back(otlp::testdata::full_log_record(i));
  for (auto& r : batch.records) {
    r.resource = otlp::testdata::sample_resource("drain");
    r.scope = otlp::testdata::sample_scope("s");
  }
  grpc::ByteBuffer request = client::string_to_byte_buffer(otlp::encode_logs_proto(batch));
  std::atomic<uint64_t> acknowledged{0};
  std::atomic<bool> go{true};
  std::vector<std::thread> senders;
  for (int t = 0; t < 4; ++t)
    senders.emplace_back([&] {
      GrpcUnaryClient client(grpc_);
      GrpcCallOptions options = with_tenant("drain");
      options.timeout = 5s;
      while (go) {
        GrpcCallResult r = client.call(kLogs, request, options);
        if (r.ok()) acknowledged += batch.records.size();
        else if (r.code == ingest::kGrpcUnavailable) break;  // the server is gone
      }
    });
  std::this_thread::sleep_for(300ms);
  server_->stop();
  go = false;
  for (auto& t : senders) t.join();
  ASSERT_GT(acknowledged.load(), 0u);

  server_.reset();
  start();  // the same data directory: the WAL is replayed
  std::string services = get("/api/v1/services", "drain");
  std::string want = R"("records":)";
  size_t at = services.find(want);
  ASSERT_NE(at, std::string::npos) << services;
  uint64_t stored = std::stoull(services.substr(at + want.size()));
  EXPECT_GE(stored, acknowledged.load()) << services;
}

// A gate without a store (the WAL still replaying) answers UNAVAILABLE with RetryInfo.
TEST(OtlpGrpcStarting, UnavailableWithRetryInfoUntilTheStoreIsOpen) {
  IngestGate gate;
  OtlpGrpcService service(gate);
  GrpcServer server({"127.0.0.1:0", 1 << 20, "test"}, service);
  ASSERT_TRUE(server.start());
  GrpcUnaryClient client(server.bound_address());
  GrpcCallResult r = client.call(
      kLogs, client::string_to_byte_buffer(otlp::encode_logs_proto(sample_logs())), {});
  EXPECT_EQ(r.code, ingest::kGrpcUnavailable);
  EXPECT_NE(r.message.find("starting"), std::string::npos) << r.message;
  auto details = ingest::testing::parse_rpc_status(r.details);
  EXPECT_EQ(details.code, ingest::kGrpcUnavailable);
  EXPECT_EQ(details.retry_delay, std::chrono::nanoseconds(ingest::kOtlpRetryDelay));
  server.stop(std::chrono::system_clock::now() + 1s);
}

// The client's deadline (grpc-timeout) reaches the server's context as deadline_passed() sees it.
class DeadlineProbe final : public grpc::CallbackGenericService {
 public:
  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* c) override {
    auto now = std::chrono::system_clock::now();
    std::string seen = std::string(deadline_passed(*c, now) ? "1" : "0") +
                       (deadline_passed(*c, now + 1h) ? "1" : "0");
    return new FinishedCall(grpc::Status(grpc::StatusCode::ABORTED, seen));
  }
};

TEST(OtlpGrpcDeadline, TheClientsDeadlineIsSeen) {
  DeadlineProbe probe;
  GrpcServer server({"127.0.0.1:0", 1 << 20, "test"}, probe);
  ASSERT_TRUE(server.start());
  GrpcUnaryClient client(server.bound_address());
  GrpcCallOptions options;
  options.timeout = 30s;
  // Not passed now; passed an hour from now, with a 30 s deadline.
  EXPECT_EQ(client.call(kLogs, client::string_to_byte_buffer(""), options).message, "01");
  server.stop(std::chrono::system_clock::now() + 1s);
}

}  // namespace
}  // namespace weft::server
