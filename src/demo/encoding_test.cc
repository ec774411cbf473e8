// The demo's batches survive OTLP protobuf encoding: decoding gives back every span and log
// record (grouped by resource, as the encoder groups them).
#include <gtest/gtest.h>

#include <map>

#include "demo/simulation.h"
#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"
#include "otlp/otlp_test_compare.h"

namespace weft::demo {
namespace {

// The items of `items` gathered by resource, in order of each resource's first appearance.
template <typename T>
std::vector<T> grouped_by_resource(const std::vector<T>& items) {
  std::map<const Resource*, size_t> group_of;
  std::vector<std::vector<T>> groups;
  for (const T& item : items) {
    auto [it, added] = group_of.emplace(item.resource.get(), groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(item);
  }
  std::vector<T> out;
  for (auto& g : groups) out.insert(out.end(), g.begin(), g.end());
  return out;
}

Traffic sample() {
  SimulationOptions o;
  o.seed = 3;
  o.start_time = 1'800'000'000'000'000'000;
  return Simulation(o).generate(0, 200);
}

TEST(DemoEncoding, SpansRoundTripThroughProtobuf) {
  Traffic t = sample();
  std::string bytes = otlp::encode_spans_proto(t.spans);
  otlp::DecodeReport report;
  auto decoded = otlp::decode_spans_proto(bytes, {}, &report);
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_EQ(report.rejected, 0u);
  SpanBatch expected{"", grouped_by_resource(t.spans.spans)};
  otlp::testing::expect_spans_equal(expected, *decoded);
}

TEST(DemoEncoding, LogsRoundTripThroughProtobuf) {
  Traffic t = sample();
  std::string bytes = otlp::encode_logs_proto(t.logs);
  otlp::DecodeReport report;
  auto decoded = otlp::decode_logs_proto(bytes, {}, &report);
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_EQ(report.rejected, 0u);
  LogBatch expected{"", grouped_by_resource(t.logs.records)};
  otlp::testing::expect_logs_equal(expected, *decoded);
}

}  // namespace
}  // namespace weft::demo
