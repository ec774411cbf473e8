#include "query/traceql/traceql_metrics.h"

#include <gtest/gtest.h>

#include "query/traceql/traceql_parser.h"
#include "query/traceql/traceql_tags.h"
#include "query/traceql/traceql_test_traces.h"
#include "query/traceql/traceql_value.h"

namespace weft::query::traceql {
namespace {

using testing::kBase;
using testing::kMs;

constexpr int64_t kMinute = 60'000 * kMs;

Result<MetricsResult> run(std::string_view text, int64_t step = kMinute) {
  auto q = parse_traceql(text);
  EXPECT_TRUE(q.is_ok()) << q.status().message();
  if (!q.is_ok()) return q.status();
  MetricsOptions o;
  // kBase is a whole minute: buckets [kBase, +1m) and [+1m, +2m).
  o.start = kBase;
  o.end = kBase + 2 * kMinute - 1;
  o.step = step;
  VectorSpanSource source(testing::fixed_spans());
  return query_range(*q, o, source);
}

std::string labels_text(const MetricsSeries& s) {
  std::string out;
  for (const auto& [k, v] : s.labels) out += k + "=" + value_text(v) + ";";
  return out;
}

TEST(traceql_metrics, RateAndCountPerStep) {
  ASSERT_EQ(kBase % kMinute, 0);
  auto r = run("{ } | rate()");
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  ASSERT_EQ(r->series.size(), 1u);
  EXPECT_EQ(labels_text(r->series[0]), "__name__=rate;");
  ASSERT_EQ(r->series[0].samples.size(), 2u);
  EXPECT_EQ(r->series[0].samples[0].timestamp_ms, kBase / 1'000'000);
  EXPECT_DOUBLE_EQ(r->series[0].samples[0].value, 4.0 / 60);
  EXPECT_DOUBLE_EQ(r->series[0].samples[1].value, 2.0 / 60);

  r = run("{ } | count_over_time() by (resource.service.name)");
  ASSERT_TRUE(r.is_ok());
  ASSERT_EQ(r->series.size(), 3u);  // ordered by label value
  EXPECT_EQ(labels_text(r->series[0]), "resource.service.name=backend;");
  EXPECT_EQ(r->series[0].samples[0].value, 1);
  EXPECT_EQ(labels_text(r->series[1]), "resource.service.name=frontend;");
  EXPECT_EQ(r->series[1].samples[0].value, 3);
  EXPECT_EQ(r->series[1].samples[1].value, 0);
  EXPECT_EQ(labels_text(r->series[2]), "resource.service.name=orders;");
  EXPECT_EQ(r->series[2].samples[1].value, 2);
}

TEST(traceql_metrics, FiltersBeforeCounting) {
  auto r = run("{ status = error } | count_over_time()");
  ASSERT_TRUE(r.is_ok());
  ASSERT_EQ(r->series.size(), 1u);
  EXPECT_EQ(r->series[0].samples[0].value, 1);
  EXPECT_EQ(r->series[0].samples[1].value, 0);
}

TEST(traceql_metrics, QuantilesAndOverTimeInSeconds) {
  auto r = run("{ } | quantile_over_time(duration, 0.5, 1)");
  ASSERT_TRUE(r.is_ok());
  ASSERT_EQ(r->series.size(), 2u);
  EXPECT_EQ(labels_text(r->series[0]), "__name__=quantile_over_time;p=0.5;");
  // Bucket 1 durations 30, 40, 50, 100 ms: nearest-rank median 40ms; max 100ms.
  EXPECT_DOUBLE_EQ(r->series[0].samples[0].value, 0.040);
  EXPECT_DOUBLE_EQ(r->series[1].samples[0].value, 0.100);
  EXPECT_DOUBLE_EQ(r->series[1].samples[1].value, 2.0);

  r = run("{ } | max_over_time(duration)");
  ASSERT_TRUE(r.is_ok());
  EXPECT_DOUBLE_EQ(r->series[0].samples[1].value, 2.0);
  r = run("{ } | avg_over_time(span.ratio)");
  ASSERT_TRUE(r.is_ok());
  ASSERT_EQ(r->series[0].samples.size(), 1u);  // only the bucket with a value
  EXPECT_DOUBLE_EQ(r->series[0].samples[0].value, 0.5);
}

TEST(traceql_metrics, RefusesTooManyBuckets) {
  auto r = run("{ } | rate()", 1'000'000);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("larger step"), std::string::npos);
}

TEST(traceql_tags, CollectsNamesAndValues) {
  VectorSpanSource source(testing::fixed_spans());
  TagScan scan{kBase, kBase + 2 * kMinute, nullptr, {}};
  TagNames names;
  ScanStats stats;
  ASSERT_TRUE(collect_tag_names(source, scan, names, stats).is_ok());
  EXPECT_EQ(names.resource, (std::set<std::string>{"env", "service.name"}));
  EXPECT_TRUE(names.span.count("http.method"));
  EXPECT_TRUE(names.span.count("cache.hit"));

  std::vector<Literal> values;
  ASSERT_TRUE(collect_tag_values(source, scan, *parse_tag_name("resource.service.name"), values, stats)
                  .is_ok());
  ASSERT_EQ(values.size(), 3u);
  EXPECT_EQ(values[0].text, "backend");

  auto filter = parse_traceql("{ span.http.method = \"POST\" }");
  ASSERT_TRUE(filter.is_ok());
  scan.filter = &*filter;
  values.clear();
  ASSERT_TRUE(collect_tag_values(source, scan, *parse_tag_name("service.name"), values, stats).is_ok());
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].text, "orders");

  // Past the span limit, truncating scans answer with what they saw.
  values.clear();
  scan.filter = nullptr;
  scan.limits.max_spans = 2;
  scan.limits.truncate = true;
  ScanStats partial;
  ASSERT_TRUE(collect_tag_values(source, scan, *parse_tag_name("name"), values, partial).is_ok());
  EXPECT_TRUE(partial.truncated);
  EXPECT_EQ(partial.inspected_spans, 2u);
  EXPECT_EQ(values.size(), 2u);
  scan.limits = CandidateLimits{};

  values.clear();
  ASSERT_TRUE(collect_tag_values(source, scan, *parse_tag_name("status"), values, stats).is_ok());
  ASSERT_EQ(values.size(), 3u);
  EXPECT_EQ(value_text(values[0]), "error");
}

}  // namespace
}  // namespace weft::query::traceql
