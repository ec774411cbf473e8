#include "ingest/otlp/otlp_grpc.h"

#include <gtest/gtest.h>

#include "ingest/otlp/rpc_status_test_util.h"

namespace weft::ingest {
namespace {

using namespace std::chrono_literals;
using testing::parse_rpc_status;

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s += static_cast<char>(c);
  return s;
}

TEST(OtlpGrpc, Methods) {
  EXPECT_EQ(otlp_grpc_method("/opentelemetry.proto.collector.logs.v1.LogsService/Export"),
            OtlpGrpcMethod::kLogs);
  EXPECT_EQ(otlp_grpc_method("/opentelemetry.proto.collector.trace.v1.TraceService/Export"),
            OtlpGrpcMethod::kTraces);
  EXPECT_EQ(otlp_grpc_method("/opentelemetry.proto.collector.metrics.v1.MetricsService/Export"),
            OtlpGrpcMethod::kMetrics);
  for (std::string_view other :
       {"", "/", "/opentelemetry.proto.collector.logs.v1.LogsService/Exports",
        "opentelemetry.proto.collector.logs.v1.LogsService/Export",
        "/opentelemetry.proto.collector.logs.v1.LogsService/export",
        "/opentelemetry.proto.collector.profiles.v1development.ProfilesService/Export",
        "/grpc.health.v1.Health/Check"})
    EXPECT_EQ(otlp_grpc_method(other), OtlpGrpcMethod::kUnknown) << other;
}

TEST(OtlpGrpc, RetryInfoDetailsBytes) {
  // Status {code 8, message, details [Any {type_url, value RetryInfo {Duration {seconds 1}}}]}
  std::string type_url = "type.googleapis.com/google.rpc.RetryInfo";
  ASSERT_EQ(type_url.size(), 40u);
  std::string any = bytes({0x0A, 40}) + type_url + bytes({0x12, 4, 0x0A, 2, 0x08, 1});
  std::string want = bytes({0x08, 8, 0x12, 11}) + "over budget" + bytes({0x1A, 48}) + any;
  EXPECT_EQ(rpc_status_with_retry_info(8, "over budget", 1000ms), want);
}

TEST(OtlpGrpc, RetryInfoDetailsRoundTrip) {
  for (auto delay : {1000ms, 1500ms, 250ms, 0ms, 90000ms}) {
    auto parsed = parse_rpc_status(rpc_status_with_retry_info(14, "starting", delay));
    ASSERT_TRUE(parsed.ok);
    EXPECT_EQ(parsed.code, 14);
    EXPECT_EQ(parsed.message, "starting");
    ASSERT_EQ(parsed.detail_types.size(), 1u);
    EXPECT_EQ(parsed.detail_types[0], kRetryInfoTypeUrl);
    ASSERT_TRUE(parsed.retry_delay.has_value());
    EXPECT_EQ(*parsed.retry_delay, delay) << delay.count();
  }
}

TEST(OtlpGrpc, RefusalsByStatusCode) {
  struct Case {
    Status status;
    int code;
    bool retry_info;
  };
  for (const Case& c : {Case{Status::invalid("bad protobuf"), kGrpcInvalidArgument, false},
                        Case{Status::too_large("too big"), kGrpcInvalidArgument, false},
                        Case{Status::unsupported("no"), kGrpcInvalidArgument, false},
                        Case{Status::exhausted("memory budget"), kGrpcResourceExhausted, true},
                        Case{Status::unavailable("replaying"), kGrpcUnavailable, true},
                        Case{Status::io_error("disk"), kGrpcInternal, false},
                        Case{Status::internal("bug"), kGrpcInternal, false}}) {
    GrpcReply reply = otlp_grpc_refusal(c.status);
    EXPECT_EQ(reply.code, c.code) << c.status.to_string();
    EXPECT_EQ(reply.message, c.status.message());
    if (!c.retry_info) {
      EXPECT_EQ(reply.details, "") << c.status.to_string();
      continue;
    }
    // grpc-status-details-bin must repeat the call's code and message.
    auto parsed = parse_rpc_status(reply.details);
    ASSERT_TRUE(parsed.ok);
    EXPECT_EQ(parsed.code, c.code);
    EXPECT_EQ(parsed.message, c.status.message());
    EXPECT_EQ(parsed.retry_delay, std::chrono::nanoseconds(kOtlpRetryDelay));
  }
}

TEST(OtlpGrpc, StoredReply) {
  EXPECT_EQ(otlp_grpc_stored_reply(Status::ok(), false).code, kGrpcOk);
  EXPECT_EQ(otlp_grpc_stored_reply(Status::ok(), false).details, "");
  EXPECT_EQ(otlp_grpc_stored_reply(Status::exhausted("x"), false).code, kGrpcResourceExhausted);
  EXPECT_EQ(otlp_grpc_stored_reply(Status::unavailable("x"), false).code, kGrpcUnavailable);
  // Durable, but the client stopped waiting: never OK after the deadline.
  GrpcReply late = otlp_grpc_stored_reply(Status::ok(), true);
  EXPECT_EQ(late.code, kGrpcDeadlineExceeded);
  EXPECT_NE(late.message.find("deadline"), std::string::npos);
  EXPECT_EQ(otlp_grpc_stored_reply(Status::exhausted("x"), true).code, kGrpcDeadlineExceeded);
}

TEST(OtlpGrpc, Unimplemented) {
  GrpcReply metrics = otlp_grpc_unimplemented(OtlpGrpcMethod::kMetrics, kOtlpGrpcMetricsMethod);
  EXPECT_EQ(metrics.code, kGrpcUnimplemented);
  EXPECT_NE(metrics.message.find("not metrics"), std::string::npos) << metrics.message;
  EXPECT_NE(metrics.message.find(kOtlpGrpcLogsMethod), std::string::npos);
  GrpcReply other = otlp_grpc_unimplemented(OtlpGrpcMethod::kUnknown, "/x.Y/Z");
  EXPECT_EQ(other.code, kGrpcUnimplemented);
  EXPECT_NE(other.message.find("unknown method /x.Y/Z"), std::string::npos) << other.message;
}

}  // namespace
}  // namespace weft::ingest
