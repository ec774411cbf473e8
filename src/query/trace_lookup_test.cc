#include "query/trace_lookup.h"

#include <gtest/gtest.h>

namespace weft::query {
namespace {

TraceId trace(uint8_t n) {
  TraceId id;
  id.bytes[0] = n;
  return id;
}

Span span(const std::string& name, TraceId tid, UnixNanos start) {
  Span s;
  s.trace_id = tid;
  s.name = name;
  s.start_time_unix_nano = start;
  s.end_time_unix_nano = start + 10;
  s.resource = std::make_shared<Resource>();
  s.scope = std::make_shared<Scope>();
  return s;
}

LogRecord log(const std::string& body, TraceId tid, UnixNanos t) {
  LogRecord r;
  r.trace_id = tid;
  r.body = body;
  r.observed_time_unix_nano = t;
  r.resource = std::make_shared<Resource>();
  r.scope = std::make_shared<Scope>();
  return r;
}

TEST(TraceLookup, SpansByStartTimeAndLogsByTime) {
  storage::MemStore m;
  m.add_spans({"t", {span("late", trace(1), 300), span("root", trace(1), 100), span("x", trace(2), 0)}});
  m.add_spans({"t", {span("mid", trace(1), 200), span("mid twin", trace(1), 200)}});
  m.add_logs({"t", {log("second", trace(1), 20), log("first", trace(1), 10), log("other", trace(2), 5)}});
  TraceView v = lookup_trace(m, "t", trace(1));
  EXPECT_EQ(v.trace_id, trace(1));
  std::vector<std::string> names;
  for (const auto& s : v.spans) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"root", "mid", "mid twin", "late"}));
  ASSERT_EQ(v.logs.size(), 2u);
  EXPECT_EQ(*v.logs[0].body.as_string(), "first");
  EXPECT_EQ(*v.logs[1].body.as_string(), "second");
}

TEST(TraceLookup, UnknownTraceOrTenantIsEmpty) {
  storage::MemStore m;
  m.add_spans({"t", {span("root", trace(1), 100)}});
  EXPECT_TRUE(lookup_trace(m, "t", trace(9)).spans.empty());
  EXPECT_TRUE(lookup_trace(m, "other", trace(1)).spans.empty());
  EXPECT_TRUE(lookup_trace(m, "other", trace(1)).logs.empty());
}

}  // namespace
}  // namespace weft::query
