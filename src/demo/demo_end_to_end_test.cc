// A short demo run against a real weft in the same process: what the demo sent is queryable,
// errors by severity and whole traces (every span and log record) by id.
#include <gtest/gtest.h>
#include <unistd.h>

#include <simdjson.h>

#include <filesystem>
#include <map>
#include <set>

#include "demo/demo_runner.h"
#include "server/http/test_http_client.h"
#include "server/test_server.h"

namespace weft::demo {
namespace {

using server::testing::Headers;
using server::testing::TestHttpClient;

const Headers kTenant{{"X-Scope-OrgID", "demo-e2e"}};

struct Expected {
  size_t spans = 0;
  size_t logs = 0;
  bool failed_checkout = false;  // the orders server span failed on payment
};

class DemoEndToEndTest : public ::testing::Test {
 protected:
  std::string get(const std::string& target, const Headers& headers = kTenant) {
    TestHttpClient client(weft_.address());
    server::HttpResponse response = client.get(target, headers);
    last_status_ = static_cast<int>(response.result_int());
    return response.body();
  }

  server::testing::TestServer weft_{"weft-demo-e2e"};
  int last_status_ = 0;
};

// What each trace of the run should hold, by trace id (hex).
std::map<std::string, Expected> expected_traces(const DemoOptions& o, uint64_t requests) {
  SimulationOptions s;
  s.seed = o.seed;
  s.start_time = o.start_time;
  s.rate = o.rate;
  Traffic t = Simulation(s).generate(0, requests);
  std::map<std::string, Expected> out;
  for (const Span& span : t.spans.spans) {
    Expected& e = out[span.trace_id.hex()];
    e.spans += 1;
    if (span.kind == SpanKind::kServer && service_name(*span.resource) == "orders" &&
        span.status_message.starts_with("payment failed"))
      e.failed_checkout = true;
  }
  for (const LogRecord& r : t.logs.records) out[r.trace_id.hex()].logs += 1;
  return out;
}

TEST_F(DemoEndToEndTest, ShortRunLeavesQueryableErrorsAndWholeTraces) {
  ASSERT_TRUE(weft_.start());

  DemoOptions o;
  o.endpoint = "http://" + weft_.address();
  o.tenant = "demo-e2e";
  o.rate = 400;
  o.duration = std::chrono::milliseconds(2500);
  o.seed = 1234;
  o.start_time = now_unix_nanos() - 5'000'000'000;
  o.progress_interval = std::chrono::milliseconds(0);
  auto summary = DemoRunner(o).run();
  ASSERT_TRUE(summary.is_ok()) << summary.status().to_string();
  EXPECT_EQ(summary->requests, 1000u);
  EXPECT_EQ(summary->requests_skipped, 0u);
  EXPECT_EQ(summary->posts_failed, 0u);
  EXPECT_GT(summary->failed_requests, 0u);
  std::map<std::string, Expected> expected = expected_traces(o, summary->requests);
  EXPECT_EQ(expected.size(), summary->traces);

  simdjson::dom::parser parser;
  // Every service reported.
  simdjson::dom::element services = parser.parse(get("/api/v1/services"));
  ASSERT_EQ(last_status_, 200);
  std::set<std::string> names;
  for (simdjson::dom::element s : services["services"].get_array())
    names.insert(std::string(std::string_view(s["name"])));
  EXPECT_EQ(names, (std::set<std::string>{"gateway", "inventory", "notification", "orders",
                                          "payment", "shipping"}));

  // Errors are queryable by severity, and each leads to its whole trace.
  std::string errors_body = get("/api/v1/logs?severity=error&limit=5000");
  ASSERT_EQ(last_status_, 200);
  simdjson::dom::element errors = parser.parse(errors_body);
  std::set<std::string> error_traces;
  for (simdjson::dom::element r : errors["records"].get_array()) {
    EXPECT_GE(int64_t(r["severity_number"]), 17);
    error_traces.insert(std::string(std::string_view(r["trace_id"])));
  }
  ASSERT_FALSE(error_traces.empty());
  for (const auto& [id, e] : expected)
    if (e.failed_checkout) error_traces.insert(id);

  int checked = 0, failed_checkouts = 0;
  for (const std::string& id : error_traces) {
    SCOPED_TRACE("trace " + id);
    ASSERT_EQ(expected.count(id), 1u) << "an error log of a trace the demo did not make";
    std::string body = get("/api/v1/traces/" + id);
    ASSERT_EQ(last_status_, 200) << body;
    simdjson::dom::element trace = parser.parse(body);
    simdjson::dom::array spans = trace["spans"].get_array();
    EXPECT_EQ(spans.size(), expected[id].spans);
    EXPECT_EQ(trace["logs"].get_array().size(), expected[id].logs);
    int roots = 0;
    for (simdjson::dom::element s : spans) {
      if (std::string_view(s["parent_span_id"]).empty()) {
        ++roots;
        if (expected[id].failed_checkout) {
          EXPECT_EQ(std::string_view(s["service"]), "gateway");
          EXPECT_EQ(std::string_view(s["status"]["code"]), "error");
        }
      }
    }
    EXPECT_EQ(roots, 1);
    failed_checkouts += expected[id].failed_checkout;
    if (++checked == 40) break;
  }
  EXPECT_GT(failed_checkouts, 0);

  // Another tenant sees none of it.
  simdjson::dom::element other = parser.parse(get("/api/v1/logs?limit=10", {}));
  EXPECT_EQ(other["records"].get_array().size(), 0u);
}

}  // namespace
}  // namespace weft::demo
