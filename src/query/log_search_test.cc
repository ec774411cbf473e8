#include "query/log_search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <random>
#include <set>

#include "storage/store.h"
#include "storage/wal/wal_test_util.h"

namespace weft::query {
namespace {

ResourcePtr resource(const std::string& service, const std::string& env = "") {
  auto r = std::make_shared<Resource>();
  r->attributes.push_back({"service.name", service});
  if (!env.empty()) r->attributes.push_back({"deployment.environment.name", env});
  return r;
}

LogRecord record(UnixNanos t, AnyValue body, ResourcePtr res, int severity = 9) {
  LogRecord r;
  r.time_unix_nano = t;
  r.severity_number = severity;
  r.body = std::move(body);
  r.resource = std::move(res);
  r.scope = std::make_shared<Scope>();
  return r;
}

std::vector<UnixNanos> times(const std::vector<LogRecord>& records) {
  std::vector<UnixNanos> out;
  for (const auto& r : records) out.push_back(r.effective_time());
  return out;
}

// A view of one memtable (not owned).
storage::StoreView view_of(const storage::MemStore& m) {
  storage::StoreView view;
  view.memtables.emplace_back(&m, [](const storage::MemStore*) {});
  return view;
}

std::vector<LogRecord> search_logs(const storage::MemStore& m, const LogFilter& f, size_t limit) {
  auto found = query::search_logs(view_of(m), f, limit);
  EXPECT_TRUE(found.is_ok()) << found.status().to_string();
  return found.is_ok() ? *found : std::vector<LogRecord>{};
}

LogFilter for_tenant(const std::string& tenant) {
  LogFilter f;
  f.tenant = tenant;
  return f;
}

TEST(LogSearch, NewestFirstAcrossBatchesOutOfTimeOrder) {
  storage::MemStore m;
  auto res = resource("api");
  m.add_logs({"t", {record(50, "a", res), record(10, "b", res)}});
  m.add_logs({"t", {record(30, "c", res), record(70, "d", res), record(20, "e", res)}});
  EXPECT_EQ(times(search_logs(m, for_tenant("t"), 10)), (std::vector<UnixNanos>{70, 50, 30, 20, 10}));
  EXPECT_EQ(times(search_logs(m, for_tenant("t"), 2)), (std::vector<UnixNanos>{70, 50}));
  EXPECT_TRUE(search_logs(m, for_tenant("t"), 0).empty());
  EXPECT_TRUE(search_logs(m, for_tenant("nobody"), 10).empty());
}

TEST(LogSearch, EqualTimesPutTheLaterArrivalFirst) {
  storage::MemStore m;
  auto res = resource("api");
  m.add_logs({"t", {record(5, "first", res), record(5, "second", res), record(5, "third", res)}});
  auto found = search_logs(m, for_tenant("t"), 2);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(*found[0].body.as_string(), "third");
  EXPECT_EQ(*found[1].body.as_string(), "second");
}

TEST(LogSearch, TimeRangeIsInclusive) {
  storage::MemStore m;
  auto res = resource("api");
  m.add_logs({"t", {record(10, "a", res), record(20, "b", res), record(30, "c", res)}});
  LogFilter f = for_tenant("t");
  f.start = 10;
  f.end = 20;
  EXPECT_EQ(times(search_logs(m, f, 10)), (std::vector<UnixNanos>{20, 10}));
  f.start = 31;
  f.end = 30;
  EXPECT_TRUE(search_logs(m, f, 10).empty());
}

TEST(LogSearch, TextIsACaseInsensitiveSubstringOfTheBody) {
  auto res = resource("api");
  LogFilter f = for_tenant("t");
  f.text = "TIMEOUT";
  EXPECT_TRUE(matches(f, record(1, "upstream timeout", res)));
  EXPECT_FALSE(matches(f, record(1, "upstream time out", res)));
  EXPECT_TRUE(matches(f, record(1, std::vector<KeyValue>{{"msg", "Timeout!"}}, res)));
  f.text = "42";
  EXPECT_TRUE(matches(f, record(1, int64_t{1425}, res)));
  EXPECT_FALSE(matches(f, record(1, AnyValue(), res)));
}

TEST(LogSearch, ServiceEnvironmentSeverityAndTraceFilters) {
  auto prod = resource("api", "prod"), dev = resource("api", "dev"), db = resource("db", "prod");
  LogFilter f = for_tenant("t");
  f.service = "api";
  f.environment = "prod";
  EXPECT_TRUE(matches(f, record(1, "x", prod)));
  EXPECT_FALSE(matches(f, record(1, "x", dev)));
  EXPECT_FALSE(matches(f, record(1, "x", db)));

  LogFilter sev = for_tenant("t");
  sev.min_severity = 17;
  EXPECT_FALSE(matches(sev, record(1, "x", prod, 13)));
  EXPECT_TRUE(matches(sev, record(1, "x", prod, 17)));
  LogRecord by_text = record(1, "x", prod, 0);
  by_text.severity_text = "ERROR";
  EXPECT_TRUE(matches(sev, by_text));

  LogFilter tr = for_tenant("t");
  tr.trace_id = TraceId::from_hex("0102030405060708090a0b0c0d0e0f10");
  LogRecord traced = record(1, "x", prod);
  EXPECT_FALSE(matches(tr, traced));
  traced.trace_id = *tr.trace_id;
  EXPECT_TRUE(matches(tr, traced));
}

TEST(LogSearch, FiltersApplyInsideTheSearch) {
  storage::MemStore m;
  auto api = resource("api"), db = resource("db");
  m.add_logs({"t", {record(1, "api one", api), record(2, "db two", db), record(3, "api three", api)}});
  m.add_logs({"t", {record(4, "db four", db)}});
  LogFilter f = for_tenant("t");
  f.service = "db";
  EXPECT_EQ(times(search_logs(m, f, 10)), (std::vector<UnixNanos>{4, 2}));
  f.service.reset();
  f.text = "API";
  EXPECT_EQ(times(search_logs(m, f, 10)), (std::vector<UnixNanos>{3, 1}));
}

// The heap and the block skipping must give exactly what sorting every match would.
TEST(LogSearch, AgreesWithSortingEverything) {
  std::mt19937 rng(42);
  storage::MemStore m;
  std::vector<ResourcePtr> resources{resource("a"), resource("b"), resource("c")};
  std::vector<LogRecord> all;
  for (int batch = 0; batch < 40; ++batch) {
    LogBatch b{"t", {}};
    UnixNanos base = batch * 100;  // roughly increasing with arrival, with jitter and ties
    for (int i = 0; i < 250; ++i) {
      auto t = base + static_cast<UnixNanos>(rng() % 400);
      std::string body = (rng() % 3 == 0 ? "Error " : "ok ") + std::to_string(all.size());
      b.records.push_back(record(t, body, resources[rng() % 3], 1 + rng() % 24));
      all.push_back(b.records.back());
    }
    m.add_logs(std::move(b));
  }
  for (int q = 0; q < 50; ++q) {
    LogFilter f = for_tenant("t");
    if (q % 2) f.text = "error";
    if (q % 3 == 0) f.service = "b";
    if (q % 5 == 0) f.min_severity = 13;
    f.start = rng() % 2000;
    f.end = f.start + rng() % 3000;
    size_t limit = 1 + rng() % 300;
    std::vector<std::pair<UnixNanos, size_t>> expected;  // (time, arrival)
    for (size_t i = 0; i < all.size(); ++i) {
      UnixNanos t = all[i].effective_time();
      if (t >= f.start && t <= f.end && matches(f, all[i])) expected.emplace_back(t, i);
    }
    std::sort(expected.begin(), expected.end(), [](auto& a, auto& b) {
      return a.first != b.first ? a.first > b.first : a.second > b.second;
    });
    if (expected.size() > limit) expected.resize(limit);
    auto found = search_logs(m, f, limit);
    ASSERT_EQ(found.size(), expected.size()) << q;
    for (size_t i = 0; i < found.size(); ++i)
      EXPECT_EQ(*found[i].body.as_string(), *all[expected[i].second].body.as_string()) << q << ":" << i;
  }
}

}  // namespace
}  // namespace weft::query

namespace weft::query {
namespace {

TEST(LogSearch, PagesThroughRecordsInPartsAndMemtables) {
  storage::testing::TempDir dir;
  storage::StoreOptions o;
  o.data_dir = dir.path();
  o.flush_interval = std::chrono::hours(1);
  auto store = std::move(storage::Store::open(o)).value();
  auto res = resource("api");
  int n = 0;
  for (int flush = 0; flush < 4; ++flush) {
    for (int b = 0; b < 10; ++b) {
      LogBatch batch{"t", {}};
      for (int i = 0; i < 700; ++i, ++n) batch.records.push_back(record(1000000 + n * 3 % 20011 + n, "r" + std::to_string(n), res));
      std::promise<Status> p;
      store->append_logs(std::move(batch), [&](Status s) { p.set_value(s); });
      ASSERT_TRUE(p.get_future().get().is_ok());
    }
    if (flush < 3) ASSERT_TRUE(store->flush().is_ok());
  }
  std::set<std::string> seen;
  LogFilter f = for_tenant("t");
  for (int page = 0; page < 100; ++page) {
    auto found = query::search_logs(*store->view(), f, 5000);
    ASSERT_TRUE(found.is_ok());
    for (const auto& r : *found) seen.insert(*r.body.as_string());
    if (found->size() < 5000) break;
    f.end = found->back().effective_time() - 1;
    LogFilter exact = f;
    exact.start = exact.end = found->back().effective_time();
    auto ties = query::search_logs(*store->view(), exact, 5000);
    ASSERT_TRUE(ties.is_ok());
    for (const auto& r : *ties) seen.insert(*r.body.as_string());
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(n));
}

TEST(LogSearch, ServiceFilterHoldsAcrossBlocksOfManyStreams) {
  storage::testing::TempDir dir;
  storage::StoreOptions o;
  o.data_dir = dir.path();
  auto store = std::move(storage::Store::open(o)).value();
  LogBatch batch{"t", {}};
  for (int i = 0; i < 2000; ++i)
    batch.records.push_back(record(1000 + i, "r", resource("svc-" + std::to_string(i % 7))));
  std::promise<Status> p;
  store->append_logs(std::move(batch), [&](Status s) { p.set_value(s); });
  ASSERT_TRUE(p.get_future().get().is_ok());
  ASSERT_TRUE(store->flush().is_ok());
  for (int svc = 0; svc < 7; ++svc) {
    LogFilter f = for_tenant("t");
    f.service = "svc-" + std::to_string(svc);
    auto found = query::search_logs(*store->view(), f, 5000);
    ASSERT_TRUE(found.is_ok());
    EXPECT_EQ(found->size(), static_cast<size_t>(2000 / 7 + (svc < 2000 % 7))) << *f.service;
  }
}

}  // namespace
}  // namespace weft::query
