#include "storage/memstore/mem_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "storage/memstore/mem_store_accounting.h"
#include "storage/memstore/mem_store_tenant.h"

namespace weft::storage {
namespace {

ResourcePtr resource_of(const std::string& service) {
  auto r = std::make_shared<Resource>();
  r->attributes.push_back({"service.name", service});
  return r;
}

TraceId trace(uint8_t n) {
  TraceId id;
  id.bytes[15] = n;
  return id;
}

LogRecord record(UnixNanos t, const std::string& body, ResourcePtr res, TraceId tid = {}) {
  LogRecord r;
  r.time_unix_nano = t;
  r.body = body;
  r.trace_id = tid;
  r.resource = std::move(res);
  r.scope = std::make_shared<Scope>();
  return r;
}

Span span(const std::string& name, TraceId tid, ResourcePtr res) {
  Span s;
  s.trace_id = tid;
  s.name = name;
  s.resource = std::move(res);
  s.scope = std::make_shared<Scope>();
  return s;
}

std::vector<std::string> scan_bodies(const MemStore& m, std::string_view tenant, UnixNanos start,
                                     UnixNanos end) {
  std::vector<std::string> out;
  m.scan_logs(tenant, start, end, [&](const LogRecord& r) {
    out.push_back(*r.body.as_string());
    return true;
  });
  return out;
}

TEST(MemStore, ScansNewestArrivalFirstWithinTheTimeRange) {
  MemStore m;
  auto res = resource_of("api");
  m.add_logs({"t1", {record(10, "a", res), record(20, "b", res)}});
  m.add_logs({"t1", {record(30, "c", res), record(5, "d", res)}});
  EXPECT_EQ(scan_bodies(m, "t1", 0, 100), (std::vector<std::string>{"d", "c", "b", "a"}));
  EXPECT_EQ(scan_bodies(m, "t1", 10, 20), (std::vector<std::string>{"b", "a"}));
  EXPECT_TRUE(scan_bodies(m, "other", 0, 100).empty());
}

TEST(MemStore, ObservedTimeStandsInForMissingTime) {
  MemStore m;
  LogRecord r = record(0, "observed", resource_of("api"));
  r.observed_time_unix_nano = 42;
  m.add_logs({"t", {r}});
  EXPECT_EQ(scan_bodies(m, "t", 42, 42), std::vector<std::string>{"observed"});
}

TEST(MemStore, ScanStopsWhenTheCallbackSaysSo) {
  MemStore m;
  auto res = resource_of("api");
  m.add_logs({"t", {record(1, "a", res), record(2, "b", res), record(3, "c", res)}});
  int calls = 0;
  m.scan_logs("t", 0, 10, [&](const LogRecord&) { return ++calls < 2; });
  EXPECT_EQ(calls, 2);
}

TEST(MemStore, DynamicStartSkipsOlderBlocks) {
  MemStore m;
  auto res = resource_of("api");
  // Three blocks of records, block b holding times [b * 1000, b * 1000 + block size).
  for (int b = 0; b < 3; ++b) {
    LogBatch batch{"t", {}};
    for (size_t i = 0; i < kTimeBlockRecords; ++i)
      batch.records.push_back(record(b * 100000 + static_cast<int64_t>(i), "x", res));
    m.add_logs(std::move(batch));
  }
  UnixNanos floor = 0;
  size_t visited = 0;
  m.scan_logs("t", 0, INT64_MAX, [&](const LogRecord& r) {
    ++visited;
    floor = 200000;  // nothing older than the newest block can matter any more
    return true;
  }, &floor);
  EXPECT_EQ(visited, kTimeBlockRecords);
}

TEST(MemStore, TenantsAreSeparate) {
  MemStore m;
  m.add_logs({"a", {record(1, "for a", resource_of("s"))}});
  m.add_logs({"b", {record(1, "for b", resource_of("s"))}});
  EXPECT_EQ(scan_bodies(m, "a", 0, 10), std::vector<std::string>{"for a"});
  EXPECT_EQ(scan_bodies(m, "b", 0, 10), std::vector<std::string>{"for b"});
  EXPECT_EQ(m.log_count(), 2u);
}

TEST(MemStore, ListsTenantsAndPointsAtEveryItemInArrivalOrder) {
  MemStore m;
  m.add_logs({"b", {record(2, "b1", resource_of("s")), record(1, "b2", resource_of("s"))}});
  m.add_spans({"a", {span("root", trace(1), resource_of("s"))}});
  EXPECT_EQ(m.tenants(), (std::vector<std::string>{"a", "b"}));
  auto logs = m.log_pointers("b");
  ASSERT_EQ(logs.size(), 2u);
  m.add_logs({"b", {record(3, "b3", resource_of("s"))}});  // does not move earlier records
  EXPECT_EQ(*logs[0]->body.as_string(), "b1");
  EXPECT_EQ(*logs[1]->body.as_string(), "b2");
  EXPECT_EQ(m.log_pointers("b").size(), 3u);
  EXPECT_TRUE(m.log_pointers("a").empty());
  ASSERT_EQ(m.span_pointers("a").size(), 1u);
  EXPECT_EQ(m.span_pointers("a")[0]->name, "root");
  EXPECT_TRUE(m.span_pointers("nobody").empty());
}

TEST(MemStore, LooksUpByTraceIdInArrivalOrder) {
  MemStore m;
  auto res = resource_of("api");
  m.add_logs({"t", {record(3, "x1", res, trace(1)), record(1, "y", res, trace(2)),
                    record(2, "x2", res, trace(1)), record(4, "none", res)}});
  m.add_spans({"t", {span("root", trace(1), res), span("other", trace(2), res),
                     span("child", trace(1), res)}});
  auto logs = m.logs_by_trace("t", trace(1));
  ASSERT_EQ(logs.size(), 2u);
  EXPECT_EQ(*logs[0].body.as_string(), "x1");
  EXPECT_EQ(*logs[1].body.as_string(), "x2");
  auto spans = m.spans_by_trace("t", trace(1));
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].name, "root");
  EXPECT_EQ(spans[1].name, "child");
  EXPECT_TRUE(m.logs_by_trace("t", trace(9)).empty());
  EXPECT_TRUE(m.spans_by_trace("other", trace(1)).empty());
  EXPECT_TRUE(m.logs_by_trace("t", TraceId{}).empty());  // absent ids are not indexed
  EXPECT_EQ(m.span_count(), 3u);
}

TEST(MemStore, CountsPerService) {
  MemStore m;
  auto api = resource_of("api"), db = resource_of("db");
  auto anonymous = std::make_shared<Resource>();
  m.add_logs({"t", {record(1, "a", api), record(1, "b", api), record(1, "c", db),
                    record(1, "d", anonymous)}});
  m.add_spans({"t", {span("s", trace(1), db)}});
  auto services = m.services("t");
  ASSERT_EQ(services.size(), 3u);
  EXPECT_EQ(services[0].name, "api");
  EXPECT_EQ(services[0].records, 2u);
  EXPECT_EQ(services[1].name, "db");
  EXPECT_EQ(services[1].records, 1u);
  EXPECT_EQ(services[1].spans, 1u);
  EXPECT_EQ(services[2].name, "unknown_service");
  EXPECT_TRUE(m.services("nobody").empty());
}

TEST(MemStore, MemoryCountsSharedResourcesOncePerBatch) {
  auto res = resource_of(std::string(1000, 's'));
  std::vector<LogRecord> one{record(1, "a", res)};
  std::vector<LogRecord> two{record(1, "a", res), record(2, "a", res)};
  two[1].scope = two[0].scope;
  BatchAccounting a1 = account_logs(one), a2 = account_logs(two);
  EXPECT_EQ(a2.bytes - a1.bytes, log_record_heap_bytes(two[1]));
  EXPECT_GT(a1.bytes, log_record_heap_bytes(one[0]) + 1000);

  MemStore m;
  m.add_logs({"t", two});
  EXPECT_EQ(m.memory_bytes(), a2.bytes);
  m.add_logs({"t", {record(1, "traced", res, trace(7))}});
  EXPECT_GT(m.memory_bytes(), a2.bytes + kTraceIndexNodeBytes);
}

TEST(MemStore, ReadersRunBesideAWriter) {
  MemStore m;
  auto res = resource_of("api");
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int b = 0; b < 200; ++b) {
      LogBatch batch{"t", {}};
      for (int i = 0; i < 50; ++i) batch.records.push_back(record(b * 50 + i, "x", res, trace(b % 5)));
      m.add_logs(std::move(batch));
    }
    done = true;
  });
  while (!done) {
    size_t n = 0;
    m.scan_logs("t", 0, INT64_MAX, [&](const LogRecord&) { return ++n > 0; });
    EXPECT_EQ(n % 50, 0u);  // whole batches only
    (void)m.logs_by_trace("t", trace(1));
  }
  writer.join();
  EXPECT_EQ(m.log_count(), 10000u);
}

}  // namespace
}  // namespace weft::storage
