#include "query/trace_lookup.h"

#include <gtest/gtest.h>

#include "storage/part/part_writer.h"
#include "storage/wal/wal_test_util.h"

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

TraceView lookup_trace(const storage::MemStore& m, std::string_view tenant, const TraceId& id) {
  storage::StoreView view;
  view.memtables.emplace_back(&m, [](const storage::MemStore*) {});
  auto found = query::lookup_trace(view, tenant, id);
  EXPECT_TRUE(found.is_ok()) << found.status().to_string();
  return found.is_ok() ? *found : TraceView{};
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

TEST(TraceLookup, FindsTheTraceInPartsAndMemtablesWithoutATimeRange) {
  storage::testing::TempDir dir;
  std::vector<Span> flushed = {span("root", trace(1), 100), span("x", trace(2), 50)};
  std::vector<const Span*> rows = {&flushed[0], &flushed[1]};
  StreamIdentity identity;
  auto meta = storage::write_span_part(dir.path() / "p", "t", rows, identity);
  ASSERT_TRUE(meta.is_ok()) << meta.status().to_string();
  auto reader = storage::PartReader::open(dir.path() / "p");
  ASSERT_TRUE(reader.is_ok());
  storage::StoreView view;
  auto memtable = std::make_shared<storage::MemStore>();
  memtable->add_spans({"t", {span("child", trace(1), 150)}});
  view.memtables.push_back(memtable);
  storage::ManifestPart entry;
  entry.tenant = "t";
  entry.signal = storage::part_format::Signal::kSpans;
  entry.min_time = meta->min_time;
  entry.max_time = meta->max_time;
  view.parts.push_back({entry, *reader});
  auto found = query::lookup_trace(view, "t", trace(1));
  ASSERT_TRUE(found.is_ok());
  std::vector<std::string> names;
  for (const auto& s : found->spans) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"root", "child"}));
  EXPECT_TRUE(query::lookup_trace(view, "other", trace(1))->spans.empty());
}

}  // namespace
}  // namespace weft::query
