// Digit scrambling and the replay rewriter: digits change, everything else stays, fresh ids
// are consistent within a cycle and differ across cycles, the same seed gives the same output.
#include <gtest/gtest.h>

#include "loadgen/digit_scrambler.h"
#include "loadgen/latency_stats.h"
#include "loadgen/replay_rewriter.h"

namespace weft::loadgen {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

TEST(DigitScrambler, ChangesDigitsAndKeepsEverythingElse) {
  const std::string text = "order 1234567890 took 153 ms at 10.0.3.7, retry #2 of 3; ok";
  DigitScrambler s(42);
  std::string out = s.scramble(text);
  ASSERT_EQ(out.size(), text.size());
  size_t changed = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (is_digit(text[i])) {
      EXPECT_TRUE(is_digit(out[i])) << i;
      changed += out[i] != text[i];
    } else {
      EXPECT_EQ(out[i], text[i]) << i;
    }
  }
  EXPECT_GE(changed, 10u);  // of 22 digits, about 90% change
  EXPECT_NE(s.scramble(text), out);  // the next call draws new digits
}

TEST(DigitScrambler, IsDeterministicForASeed) {
  const std::string text = "a1b22c333d4444 5555";
  DigitScrambler a(7), b(7), c(8);
  std::string first = a.scramble(text);
  EXPECT_EQ(first, b.scramble(text));
  EXPECT_EQ(a.scramble(text), b.scramble(text));
  EXPECT_NE(first, c.scramble(text));
  EXPECT_EQ(a.scramble("no digits here"), "no digits here");
}

TEST(ReplayRewriter, FreshIdsAreConsistentWithinACycleOnly) {
  ReplayRewriter r(1, 1'000'000'000'000, 0);
  TraceId t = *TraceId::from_hex("7e144dbe057e266f21f011a4f1759b39");
  SpanId s = *SpanId::from_hex("afa8f0a935da3865");
  EXPECT_EQ(r.fresh_trace_id(t, 0), r.fresh_trace_id(t, 0));
  EXPECT_NE(r.fresh_trace_id(t, 0), r.fresh_trace_id(t, 1));
  EXPECT_NE(r.fresh_trace_id(t, 0), t);
  EXPECT_TRUE(r.fresh_trace_id(t, 0).present());
  EXPECT_EQ(r.fresh_span_id(s, 3), r.fresh_span_id(s, 3));
  EXPECT_NE(r.fresh_span_id(s, 3), r.fresh_span_id(s, 4));
  EXPECT_FALSE(r.fresh_span_id(SpanId{}, 0).present());  // absent stays absent
  EXPECT_NE(ReplayRewriter(2, 0, 0).fresh_trace_id(t, 0), r.fresh_trace_id(t, 0));
}

TEST(ReplayRewriter, TimesMoveToNowKeepingOffsetsWithinAGroup) {
  const UnixNanos now = 2'000'000'000'000'000'000;
  ReplayRewriter r(1, now, 0);
  EXPECT_EQ(r.fresh_time(500, 500, 9, 0), now);
  EXPECT_EQ(r.fresh_time(800, 500, 9, 0), now + 300);
  const int64_t day = 86'400'000'000'000;
  ReplayRewriter spread(1, now, day);
  UnixNanos t = spread.fresh_time(500, 500, 9, 0);
  EXPECT_LE(t, now);
  EXPECT_GT(t, now - day);
  EXPECT_EQ(spread.fresh_time(800, 500, 9, 0), t + 300);
}

TEST(ReplayRewriter, RewriteReplacesIdsAndScramblesTheRest) {
  ReplayRewriter r(5, 0, 0);
  std::string out = r.rewrite_text("TraceID: abc123 took 42 ms HTTP/1.1",
                                   {{"abc123", "fff999"}, {"HTTP/1.1", "HTTP/1.1"}});
  EXPECT_TRUE(out.starts_with("TraceID: fff999 took ")) << out;
  EXPECT_TRUE(out.ends_with(" ms HTTP/1.1")) << out;
  EXPECT_EQ(out.size(), std::string("TraceID: fff999 took 42 ms HTTP/1.1").size());
}

TEST(LatencyRecorder, PercentilesByNearestRank) {
  LatencyRecorder a, b;
  for (int i = 1; i <= 50; ++i) a.add(std::chrono::milliseconds(i));
  for (int i = 51; i <= 100; ++i) b.add(std::chrono::milliseconds(i));
  a.merge(b);
  LatencySummary s = a.summarize();
  EXPECT_EQ(s.count, 100u);
  EXPECT_DOUBLE_EQ(s.p50_ms, 50);
  EXPECT_DOUBLE_EQ(s.p90_ms, 90);
  EXPECT_DOUBLE_EQ(s.p99_ms, 99);
  EXPECT_DOUBLE_EQ(s.max_ms, 100);
  EXPECT_EQ(LatencyRecorder().summarize().count, 0u);
}

}  // namespace
}  // namespace weft::loadgen
