// The record sources: parsing of the nezha and Apache rows, and scaling the replays (and the
// synthetic source) to any number of records with fresh ids, times and digits. The replay
// tests read ../shared/data beside the project and are skipped when it is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "loadgen/apache_source.h"
#include "loadgen/nezha_source.h"
#include "loadgen/record_source.h"

namespace weft::loadgen {
namespace {

#ifndef WEFT_SOURCE_DIR
#define WEFT_SOURCE_DIR "."
#endif

const std::string kShared = std::string(WEFT_SOURCE_DIR) + "/../shared/data";
constexpr UnixNanos kNow = 1'800'000'000'000'000'000;

SourceOptions replay_options(const char* kind) {
  SourceOptions o;
  o.kind = kind;
  o.data_dir = kShared;
  o.seed = 3;
  o.now = kNow;
  return o;
}

std::string text_of(const LogRecord& r) { return *r.body.as_string(); }

TEST(NezhaParse, LogRow) {
  auto row = parse_nezha_log_row(
      R"(2023-01-29T09:03:11.532447605Z,1674982991532447605,33.33.33.155,ts-verification-code-service-7b6dc75c45-2z9p2,server,7e144dbe057e266f21f011a4f1759b39,afa8f0a935da3865,"{""log"":""17:03:11.532 WARN  v.c.VerifyCodeController#54 TraceID: 7e144dbe057e266f21f011a4f1759b39 [verify result: false]\n"",""stream"":""stdout""}")");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->time, 1674982991532447605);
  EXPECT_EQ(row->service, "ts-verification-code-service");
  EXPECT_EQ(row->node, "33.33.33.155");
  EXPECT_EQ(row->trace_id.hex(), "7e144dbe057e266f21f011a4f1759b39");
  EXPECT_EQ(row->span_id.hex(), "afa8f0a935da3865");
  EXPECT_EQ(row->level, "WARN");
  EXPECT_EQ(row->text,
            "17:03:11.532 WARN  v.c.VerifyCodeController#54 TraceID: "
            "7e144dbe057e266f21f011a4f1759b39 [verify result: false]");
  EXPECT_FALSE(parse_nezha_log_row("Timestamp,TimeUnixNano,Node,PodName,Container,TraceID,SpanID,Log"));
}

TEST(NezhaParse, SpanRow) {
  auto row = parse_nezha_span_row(
      "495fa881792b62888558519a5cb3ec0b,3543ea065e08dbd1,e42b0a83a8076b9a,"
      "ts-gateway-service-6f6cfc45b-h5m2n,FilteringWebHandler.handle,1674983096453822078,"
      "1674983096549477904,95655");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->service, "ts-gateway-service");
  EXPECT_EQ(row->parent_span_id.hex(), "e42b0a83a8076b9a");
  EXPECT_EQ(row->operation, "FilteringWebHandler.handle");
  EXPECT_EQ(row->end - row->start, 1674983096549477904 - 1674983096453822078);
  auto root = parse_nezha_span_row(
      "495fa881792b62888558519a5cb3ec0b,e42b0a83a8076b9a,root,ts-gateway-service-6f6cfc45b-h5m2n,/*,1,2,1");
  ASSERT_TRUE(root.has_value());
  EXPECT_FALSE(root->parent_span_id.present());
}

TEST(ApacheParse, CombinedLine) {
  auto line = parse_apache_line(
      R"(83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET /images/kibana-search.png HTTP/1.1" 404 203023 "http://semicomplete.com/" "Mozilla/5.0")");
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->method, "GET");
  EXPECT_EQ(line->path, "/images/kibana-search.png");
  EXPECT_EQ(line->status, 404);
  EXPECT_EQ(format_apache_time(line->time), "17/May/2015:10:05:03 +0000");
  EXPECT_EQ(line->before_time, "83.149.9.216 - - ");
  EXPECT_FALSE(parse_apache_line("not a log line"));
}

TEST(SyntheticSource, LogsAndSpans) {
  SourceOptions o;
  o.now = kNow;
  auto source = make_record_source(o);
  ASSERT_TRUE(source.is_ok());
  LogBatch logs;
  ASSERT_TRUE((*source)->next_logs(500, logs).is_ok());
  ASSERT_EQ(logs.records.size(), 500u);
  size_t bytes = 0;
  for (const LogRecord& r : logs.records) bytes += text_of(r).size();
  EXPECT_GT(bytes / 500, 150u);  // realistic lines, around 200-300 bytes of body
  EXPECT_LT(bytes / 500, 400u);
  SpanBatch spans;
  ASSERT_TRUE((*source)->next_spans(333, spans).is_ok());
  EXPECT_EQ(spans.spans.size(), 333u);
}

TEST(Sources, MissingDataIsAClearError) {
  SourceOptions o = replay_options("nezha");
  o.data_dir = "/nonexistent/shared/data";
  auto nezha = make_record_source(o);
  ASSERT_FALSE(nezha.is_ok());
  EXPECT_NE(nezha.status().message().find("/nonexistent/shared/data"), std::string::npos);
  o.kind = "apache";
  EXPECT_FALSE(make_record_source(o).is_ok());
  o.kind = "bogus";
  EXPECT_FALSE(make_record_source(o).is_ok());
}

class ReplayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(kShared))
      GTEST_SKIP() << "shared data not found at " << kShared << "; skipping replay tests";
  }
};

TEST_F(ReplayTest, ApacheScalesToNWithFreshTimesAndDigits) {
  auto source = make_record_source(replay_options("apache"));
  ASSERT_TRUE(source.is_ok()) << source.status().message();
  LogBatch logs;
  const size_t n = 25'000;  // the file has 10,000 lines: two and a half cycles
  ASSERT_TRUE((*source)->next_logs(n, logs).is_ok());
  ASSERT_EQ(logs.records.size(), n);
  std::set<std::string> bodies;
  for (const LogRecord& r : logs.records) {
    bodies.insert(text_of(r));
    EXPECT_EQ(r.time_unix_nano, kNow);
  }
  EXPECT_GT(bodies.size(), n * 9 / 10);  // not verbatim repeats
  const std::string first = text_of(logs.records[0]);
  const std::string again = text_of(logs.records[10'000]);  // the same line, next cycle
  EXPECT_EQ(first.size(), again.size());
  EXPECT_NE(first, again);
  EXPECT_NE(first.find("[" + format_apache_time(kNow) + "]"), std::string::npos) << first;
  EXPECT_NE(first.find("HTTP/1.1"), std::string::npos) << first;
  SpanBatch spans;
  EXPECT_FALSE((*source)->next_spans(1, spans).is_ok());
}

TEST_F(ReplayTest, NezhaLogsKeepTraceConsistencyWithFreshIds) {
  SourceOptions o = replay_options("nezha");
  o.time_spread = std::chrono::hours(24);
  auto source = make_record_source(o);
  ASSERT_TRUE(source.is_ok()) << source.status().message();
  LogBatch logs;
  ASSERT_TRUE((*source)->next_logs(20'000, logs).is_ok());
  ASSERT_EQ(logs.records.size(), 20'000u);
  size_t with_trace = 0, id_in_body = 0;
  for (const LogRecord& r : logs.records) {
    EXPECT_LE(r.time_unix_nano, kNow + 60'000'000'000);  // traces last seconds, not minutes
    EXPECT_GT(r.time_unix_nano, kNow - 25 * 3'600'000'000'000);
    if (!r.trace_id.present()) continue;
    ++with_trace;
    // The original id in the text was replaced by the fresh one.
    if (text_of(r).find(r.trace_id.hex()) != std::string::npos) ++id_in_body;
  }
  EXPECT_GT(with_trace, 10'000u);
  EXPECT_GT(id_in_body, with_trace / 2);
}

TEST_F(ReplayTest, NezhaSpansFormTreesPerCycle) {
  auto source = make_record_source(replay_options("nezha"));
  ASSERT_TRUE(source.is_ok()) << source.status().message();
  SpanBatch spans;
  ASSERT_TRUE((*source)->next_spans(30'000, spans).is_ok());
  ASSERT_EQ(spans.spans.size(), 30'000u);
  std::set<std::pair<std::string, std::string>> ids;  // (trace, span)
  for (const Span& s : spans.spans) ids.insert({s.trace_id.hex(), s.span_id.hex()});
  size_t parents_found = 0, children = 0;
  for (const Span& s : spans.spans) {
    EXPECT_GE(s.end_time_unix_nano, s.start_time_unix_nano);
    if (!s.parent_span_id.present()) continue;
    ++children;
    parents_found += ids.count({s.trace_id.hex(), s.parent_span_id.hex()});
  }
  EXPECT_GT(children, 0u);
  EXPECT_GT(parents_found, children * 8 / 10);  // parents map to the same fresh ids
}

}  // namespace
}  // namespace weft::loadgen
