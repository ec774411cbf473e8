#include "common/metrics.h"

#include <gtest/gtest.h>

namespace weft {
namespace {

TEST(MetricsTest, RendersCountersWithLabels) {
  MetricsRegistry r;
  r.counter("weft_test_total", "Things.", {{"endpoint", "/v1/logs"}}).add(3);
  r.counter("weft_test_total", "Things.", {{"endpoint", "/v1/logs"}}).add(2);
  r.counter("weft_test_total", "Things.", {{"endpoint", "a\"b"}}).add();
  std::string text = r.render_prometheus();
  EXPECT_NE(text.find("# HELP weft_test_total Things.\n# TYPE weft_test_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("weft_test_total{endpoint=\"/v1/logs\"} 5\n"), std::string::npos) << text;
  EXPECT_NE(text.find("weft_test_total{endpoint=\"a\\\"b\"} 1\n"), std::string::npos) << text;
}

TEST(MetricsTest, HistogramBucketsAreCumulative) {
  MetricsRegistry r;
  Histogram& h = r.histogram("weft_lat_seconds", "Latency.", {0.1, 1});
  h.observe(0.05);
  h.observe(0.1);
  h.observe(0.5);
  h.observe(5);
  std::string text = r.render_prometheus();
  EXPECT_NE(text.find("weft_lat_seconds_bucket{le=\"0.1\"} 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("weft_lat_seconds_bucket{le=\"1\"} 3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("weft_lat_seconds_bucket{le=\"+Inf\"} 4\n"), std::string::npos) << text;
  EXPECT_NE(text.find("weft_lat_seconds_count 4\n"), std::string::npos) << text;
  EXPECT_NE(text.find("weft_lat_seconds_sum 5.65\n"), std::string::npos) << text;
}

TEST(MetricsTest, GaugesKeepLastValue) {
  MetricsRegistry r;
  r.gauge("weft_mem_bytes", "Memory.").set(10);
  r.gauge("weft_mem_bytes", "Memory.").set(7);
  EXPECT_NE(r.render_prometheus().find("weft_mem_bytes 7\n"), std::string::npos);
}

}  // namespace
}  // namespace weft
