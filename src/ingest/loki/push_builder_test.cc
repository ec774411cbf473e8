// The mapping of Loki streams to weft's model, and Loki's validation, through both decoders.
#include "ingest/loki/push_builder.h"

#include <gtest/gtest.h>

#include <limits>

#include "ingest/loki/loki_push_test_util.h"

namespace weft::ingest::loki {
namespace {

using namespace testing;

constexpr int64_t kSecond = 1'000'000'000;

PushResult decode_ok(const std::vector<TestStream>& streams,
                     const PushOptions& options = test_options()) {
  auto [status, result] = run_proto(push_proto(streams), options);
  EXPECT_TRUE(status.is_ok()) << status.message();
  return std::move(result);
}

TEST(LokiMapping, EntryBecomesARecord) {
  PushResult r = decode_ok({{R"({app="shop", level="warning", env="prod"})",
                             {{kNowSeconds - 5, 123, "user logged in", {{"user", "42"}}}}}});
  ASSERT_EQ(r.batch.records.size(), 1u);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.streams, 1u);
  const LogRecord& rec = r.batch.records[0];
  EXPECT_EQ(rec.time_unix_nano, kNow - 5 * kSecond + 123);
  EXPECT_EQ(rec.observed_time_unix_nano, kNow);
  EXPECT_EQ(body_text(rec), "user logged in");
  EXPECT_EQ(rec.severity_text, "warning");
  EXPECT_EQ(rec.severity_number, 13);
  EXPECT_EQ(attribute_value(rec, "user"), "42");
  ASSERT_NE(rec.scope, nullptr);
  // Every label is a resource attribute (sorted by name), and service.name is discovered.
  Attributes want{{"app", "shop"},
                  {"env", "prod"},
                  {"level", "warning"},
                  {"service.name", "shop"}};
  EXPECT_EQ(rec.resource->attributes, want);
}

TEST(LokiMapping, OtelLabelsGoBackToTheirDottedNames) {
  PushResult r = decode_ok({{R"({service_name="api", k8s_pod_name="api-1",
                                 deployment_environment="prod", cloud_availability_zone="a",
                                 host_name="h1"})",
                             {{kNowSeconds, 0, "x", {}}}}});
  ASSERT_EQ(r.batch.records.size(), 1u);
  const LogRecord& rec = r.batch.records[0];
  EXPECT_EQ(resource_value(rec, "service.name"), "api");
  EXPECT_EQ(resource_value(rec, "k8s.pod.name"), "api-1");
  EXPECT_EQ(resource_value(rec, "deployment.environment"), "prod");
  EXPECT_EQ(resource_value(rec, "cloud.availability_zone"), "a");
  EXPECT_EQ(resource_value(rec, "host_name"), "h1");  // not one of Loki's OTLP labels
  EXPECT_EQ(resource_value(rec, "service_name"), "<absent>");
  EXPECT_EQ(rec.resource->attributes.size(), 5u);
}

TEST(LokiMapping, ServiceNameDiscoveryFollowsLokisOrder) {
  struct Case {
    std::string labels;
    std::string service;
  };
  for (const Case& c : {Case{R"({job="j", app="a"})", "a"},
                        Case{R"({service="s", app="a"})", "s"},
                        Case{R"({container="c", component="k"})", "c"},
                        Case{R"({app_kubernetes_io_name="k", job="j"})", "k"},
                        Case{R"({job="j", level="info"})", "j"},
                        Case{R"({level="info"})", "unknown_service"},
                        Case{R"({service_name="given", app="a"})", "given"},
                        Case{R"({"service.name"="dotted", app="a"})", "dotted"}}) {
    PushResult r = decode_ok({{c.labels, {{kNowSeconds, 0, "x", {}}}}});
    ASSERT_EQ(r.batch.records.size(), 1u) << c.labels;
    EXPECT_EQ(resource_value(r.batch.records[0], "service.name"), c.service) << c.labels;
    size_t n = 0;
    for (const KeyValue& kv : r.batch.records[0].resource->attributes)
      n += kv.key == "service.name";
    EXPECT_EQ(n, 1u) << c.labels;
  }
}

TEST(LokiMapping, EmptyLabelValuesAreNoLabels) {
  PushResult r = decode_ok({{R"({app="a", team=""})", {{kNowSeconds, 0, "x", {}}}}});
  ASSERT_EQ(r.batch.records.size(), 1u);
  EXPECT_EQ(resource_value(r.batch.records[0], "team"), "<absent>");
}

TEST(LokiMapping, RecordsOfAStreamShareOneResource) {
  PushResult r = decode_ok({{R"({app="a"})", {{kNowSeconds, 0, "1", {}}, {kNowSeconds, 1, "2", {}}}},
                            {R"({app="b"})", {{kNowSeconds, 2, "3", {}}}}});
  ASSERT_EQ(r.batch.records.size(), 3u);
  EXPECT_EQ(r.batch.records[0].resource, r.batch.records[1].resource);
  EXPECT_NE(r.batch.records[0].resource, r.batch.records[2].resource);
  EXPECT_EQ(r.batch.records[0].scope, r.batch.records[2].scope);
}

TEST(LokiMapping, StreamsWithTheSameLabelsShareOneResource) {
  // pino-loki sends one stream per record.
  auto [status, r] = run_json(R"({"streams":[
      {"stream":{"app":"a","level":"info"},"values":[["1795428000000000000","1"]]},
      {"stream":{"level":"info","app":"a"},"values":[["1795428000000000000","2"]]},
      {"stream":{"app":"a","level":"warn"},"values":[["1795428000000000000","3"]]},
      {"stream":{"app":"a\u0000level\u0000warn"},"values":[["1795428000000000000","4"]]}]})");
  ASSERT_TRUE(status.is_ok()) << status.message();
  ASSERT_EQ(r.batch.records.size(), 4u);
  const auto& recs = r.batch.records;
  EXPECT_EQ(recs[0].resource, recs[1].resource);
  EXPECT_NE(recs[0].resource, recs[2].resource);
  EXPECT_NE(recs[2].resource, recs[3].resource);
  EXPECT_EQ(resource_value(recs[3], "app"), std::string("a\0level\0warn", 12));
}

TEST(LokiMapping, SeverityFromLabelsThenStructuredMetadata) {
  PushResult r = decode_ok(
      {{R"({app="a", LEVEL="ERROR"})", {{kNowSeconds, 0, "x", {{"level", "debug"}}}}},
       {R"({app="a"})", {{kNowSeconds, 0, "y", {{"detected_level", "warn"}}},
                         {kNowSeconds, 0, "z", {{"severity", "critical"}}},
                         {kNowSeconds, 0, "w", {{"user", "1"}}}}},
       {R"({app="a", lvl="unknown"})", {{kNowSeconds, 0, "v", {}}}}});
  ASSERT_EQ(r.batch.records.size(), 5u);
  const auto& recs = r.batch.records;
  EXPECT_EQ(recs[0].severity_text, "ERROR");  // the label wins over metadata
  EXPECT_EQ(recs[0].severity_number, 17);
  EXPECT_EQ(attribute_value(recs[0], "level"), "debug");  // metadata is kept as sent
  EXPECT_EQ(recs[1].severity_text, "warn");
  EXPECT_EQ(recs[1].severity_number, 13);
  EXPECT_EQ(recs[2].severity_number, 21);
  EXPECT_EQ(recs[3].severity_text, "");
  EXPECT_EQ(recs[3].severity_number, 0);
  EXPECT_EQ(recs[4].severity_text, "unknown");
  EXPECT_EQ(recs[4].severity_number, 0);
}

TEST(LokiMapping, TraceAndSpanIdsFromStructuredMetadata) {
  PushResult r = decode_ok(
      {{R"({app="a"})",
        {{kNowSeconds, 0, "x",
          {{"trace_id", "5B8EFFF798038103D269B633813FC60C"}, {"span_id", "eee19b7ec3c1b174"},
           {"user", "1"}}},
         {kNowSeconds, 0, "bad ids stay attributes",
          {{"trace_id", "not-hex"}, {"span_id", "00000000000000"}}}}}});
  ASSERT_EQ(r.batch.records.size(), 2u);
  const LogRecord& good = r.batch.records[0];
  EXPECT_EQ(good.trace_id.hex(), "5b8efff798038103d269b633813fc60c");
  EXPECT_EQ(good.span_id.hex(), "eee19b7ec3c1b174");
  EXPECT_EQ(good.attributes, (Attributes{{"user", "1"}}));
  const LogRecord& bad = r.batch.records[1];
  EXPECT_FALSE(bad.trace_id.present());
  EXPECT_FALSE(bad.span_id.present());
  EXPECT_EQ(bad.attributes,
            (Attributes{{"trace_id", "not-hex"}, {"span_id", "00000000000000"}}));
}

TEST(LokiValidation, TimestampsOutsideTheWindowAreRefusedOneByOne) {
  PushResult r = decode_ok({{R"({app="a"})",
                             {{kNowSeconds - 8 * 86400, 0, "too old", {}},
                              {kNowSeconds - 6 * 86400, 0, "old but fine", {}},
                              {kNowSeconds + 9 * 60, 0, "future but within grace", {}},
                              {kNowSeconds + 11 * 60, 0, "too new", {}}}}});
  ASSERT_EQ(r.batch.records.size(), 2u);
  EXPECT_EQ(body_text(r.batch.records[0]), "old but fine");
  EXPECT_EQ(body_text(r.batch.records[1]), "future but within grace");
  EXPECT_EQ(r.errors.rejected_entries(), 2u);
  EXPECT_EQ(r.errors.message(),
            "1 errors like: entry for stream '{app=\"a\", service_name=\"a\"}' has timestamp too "
            "old: 2026-11-15T10:00:00Z, oldest acceptable timestamp is: 2026-11-16T10:00:00Z; "
            "1 errors like: entry for stream '{app=\"a\", service_name=\"a\"}' has timestamp too "
            "new: 2026-11-23T10:11:00Z");
}

TEST(LokiValidation, TimeLimitsAreSettings) {
  PushOptions o = test_options();
  o.limits.reject_old_samples_max_age_ns = 0;  // any age
  o.limits.creation_grace_period_ns = 3600 * kSecond;
  PushResult r = decode_ok({{R"({app="a"})",
                             {{1, 0, "1970", {}},
                              {-1, 0, "1969", {}},
                              {0, 0, "zero", {}},
                              {kNowSeconds + 3000, 0, "in the grace hour", {}},
                              {std::numeric_limits<int64_t>::max(), 0, "far future", {}}}}},
                           o);
  ASSERT_EQ(r.batch.records.size(), 3u);
  EXPECT_EQ(body_text(r.batch.records[0]), "1970");
  EXPECT_EQ(body_text(r.batch.records[1]), "zero");
  EXPECT_EQ(r.errors.rejected_entries(), 2u);
  EXPECT_NE(r.errors.message().find("has timestamp too old: 1969-12-31T23:59:59Z, oldest "
                                    "acceptable timestamp is: 1970-01-01T00:00:00Z"),
            std::string::npos)
      << r.errors.message();
}

TEST(LokiValidation, LinesOverTheLimitAreRefused) {
  PushOptions o = test_options();
  o.limits.max_line_size = 10;
  PushResult r = decode_ok({{R"({app="a"})",
                             {{kNowSeconds, 0, "0123456789", {}}, {kNowSeconds, 0, "0123456789X", {}}}}},
                           o);
  ASSERT_EQ(r.batch.records.size(), 1u);
  EXPECT_EQ(r.errors.message(),
            "Max entry size '10' bytes exceeded for stream '{app=\"a\", service_name=\"a\"}' while "
            "adding an entry with length '11' bytes");
  o.limits.max_line_size = 0;  // no limit
  EXPECT_EQ(decode_ok({{R"({app="a"})", {{kNowSeconds, 0, std::string(1 << 20, 'x'), {}}}}}, o)
                .batch.records.size(),
            1u);
}

TEST(LokiValidation, BadLabelsRefuseTheirStreamOnly) {
  PushResult r = decode_ok({{R"({app="a", level!="x"})", {{kNowSeconds, 0, "1", {}}, {kNowSeconds, 0, "2", {}}}},
                            {R"({app="b"})", {{kNowSeconds, 0, "kept", {}}}},
                            {R"({bad labels but no entries)", {}}});
  ASSERT_EQ(r.batch.records.size(), 1u);
  EXPECT_EQ(body_text(r.batch.records[0]), "kept");
  EXPECT_EQ(r.errors.rejected_entries(), 2u);
  EXPECT_EQ(r.errors.message(),
            "Error parsing labels '{app=\"a\", level!=\"x\"}' with error: 1:16: parse error: "
            "unexpected \"!=\" in label set, expected \"=\"");
  EXPECT_EQ(r.streams, 3u);
}

TEST(LokiValidation, MissingAndDuplicateLabels) {
  PushResult r = decode_ok({{"{}", {{kNowSeconds, 0, "1", {}}}},
                            {R"({a=""})", {{kNowSeconds, 0, "2", {}}}},
                            {R"({b="1", b="2"})", {{kNowSeconds, 0, "3", {}}}}});
  EXPECT_TRUE(r.batch.records.empty());
  EXPECT_EQ(r.errors.rejected_entries(), 3u);
  EXPECT_EQ(r.errors.message(),
            "2 errors like: error at least one label pair is required per stream; "
            "1 errors like: stream '{b=\"1\", b=\"2\"}' has duplicate label name: 'b'");
}

TEST(LokiValidation, ASingleErrorIsGivenAlone) {
  PushErrors errors;
  errors.add("boom", 1);
  EXPECT_EQ(errors.message(), "boom");
  errors.add("boom", 1);
  EXPECT_EQ(errors.message(), "2 errors like: boom");
}

TEST(LokiValidation, DistinctMessagesAreBounded) {
  PushErrors errors;
  for (int i = 0; i < 25; ++i) errors.add("error " + std::to_string(i), 2);
  EXPECT_EQ(errors.rejected_entries(), 50u);
  std::string m = errors.message();
  EXPECT_NE(m.find("1 errors like: error 9"), std::string::npos);
  EXPECT_EQ(m.find("error 10"), std::string::npos);
  EXPECT_NE(m.find("; and 15 more errors"), std::string::npos) << m;
}

TEST(LokiValidation, TimestampNanosSaturates) {
  EXPECT_EQ(timestamp_nanos(1, 5), kSecond + 5);
  EXPECT_EQ(timestamp_nanos(-1, 0), -kSecond);
  EXPECT_EQ(timestamp_nanos(std::numeric_limits<int64_t>::max(), 0),
            std::numeric_limits<int64_t>::max());
  EXPECT_EQ(timestamp_nanos(std::numeric_limits<int64_t>::min(), 0),
            std::numeric_limits<int64_t>::min());
  EXPECT_EQ(go_rfc3339(kNow + 123), "2026-11-23T10:00:00Z");
}

TEST(LokiMapping, JsonStreamsMapTheSameWay) {
  auto [status, r] = run_json(R"({"streams":[{"stream":{"level":"warning","hostname":"h","app":"shop"},
      "values":[["1795427999000000000","{\"msg\":\"slow\"}",{"userId":"42","trace_id":"5b8efff798038103d269b633813fc60c"}]]}]})");
  ASSERT_TRUE(status.is_ok()) << status.message();
  ASSERT_EQ(r.batch.records.size(), 1u);
  const LogRecord& rec = r.batch.records[0];
  EXPECT_EQ(rec.time_unix_nano, kNow - kSecond);
  EXPECT_EQ(body_text(rec), "{\"msg\":\"slow\"}");
  EXPECT_EQ(rec.severity_number, 13);
  EXPECT_EQ(resource_value(rec, "hostname"), "h");
  EXPECT_EQ(resource_value(rec, "service.name"), "shop");
  EXPECT_EQ(attribute_value(rec, "userId"), "42");
  EXPECT_EQ(rec.trace_id.hex(), "5b8efff798038103d269b633813fc60c");
}

TEST(LokiValidation, JsonLabelNamesMustNotBeEmpty) {
  auto [status, r] = run_json(
      R"({"streams":[{"stream":{"":"x","app":"a"},"values":[["1795428000000000000","l"]]},
                     {"stream":{"app":"b"},"values":[["1795428000000000000","kept"]]}]})");
  ASSERT_TRUE(status.is_ok()) << status.message();
  ASSERT_EQ(r.batch.records.size(), 1u);
  EXPECT_EQ(r.errors.message(),
            "Error parsing labels '{\"\"=\"x\", app=\"a\"}' with error: empty label name");
}

}  // namespace
}  // namespace weft::ingest::loki
