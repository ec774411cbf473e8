#include "storage/store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "common/metrics.h"
#include "storage/engine/view_reads.h"
#include "storage/fs/fault_injection_fs.h"
#include "storage/store_test_util.h"
#include "storage/wal/wal_test_util.h"

namespace weft::storage {
namespace {

using testing::TempDir;
using testing::test_logs;
using testing::test_spans;
using testing::test_trace;

StoreOptions options_for(const std::filesystem::path& dir) {
  StoreOptions o;
  o.data_dir = dir / "data";
  return o;
}

std::unique_ptr<Store> open_store(const StoreOptions& o) {
  auto s = Store::open(o);
  EXPECT_TRUE(s.is_ok()) << s.status().to_string();
  return s.is_ok() ? std::move(s).value() : nullptr;
}

// Every log record body of `tenant` the store serves, sorted.
std::vector<std::string> bodies(const Store& store, std::string_view tenant) {
  std::vector<std::string> out;
  Status s = scan_logs(*store.view(), tenant, {}, [&](const LogRecord& r) {
    out.push_back(*r.body.as_string());
    return true;
  });
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  std::sort(out.begin(), out.end());
  return out;
}

size_t spans_of_trace(const Store& store, std::string_view tenant, const TraceId& id) {
  size_t n = 0;
  ScanOptions o;
  o.trace_id = id;
  EXPECT_TRUE(scan_spans(*store.view(), tenant, o, [&](const Span&) { return ++n; }).is_ok());
  return n;
}

std::vector<std::string> numbered_bodies(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back("log line " + std::to_string(i));
  std::sort(out.begin(), out.end());
  return out;
}

size_t wal_segments(const std::filesystem::path& data_dir) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(data_dir / "wal"))
    n += e.path().extension() == ".wal";
  return n;
}

template <typename Batch>
Status append_and_wait(Store& store, Batch batch) {
  std::promise<Status> p;
  auto done = [&p](Status s) { p.set_value(std::move(s)); };
  if constexpr (std::is_same_v<Batch, LogBatch>) store.append_logs(std::move(batch), done);
  else store.append_spans(std::move(batch), done);
  return p.get_future().get();
}

TEST(Store, AppendedBatchesAreQueryableWhenAcknowledged) {
  TempDir dir;
  auto store = open_store(options_for(dir.path()));
  ASSERT_TRUE(std::filesystem::is_directory(dir.path() / "data" / "wal"));
  ASSERT_TRUE(append_and_wait(*store, test_logs("t", 10)).is_ok());
  EXPECT_EQ(bodies(*store, "t"), numbered_bodies(10));
  ASSERT_TRUE(append_and_wait(*store, test_spans("t", 4)).is_ok());
  EXPECT_EQ(spans_of_trace(*store, "t", test_trace(1)), 4u);
  EXPECT_GT(store->view()->memtables.front()->memory_bytes(), 0u);
}

TEST(Store, FlushMovesRecordsIntoPartsAndTruncatesTheWal) {
  TempDir dir;
  StoreOptions o = options_for(dir.path());
  auto store = open_store(o);
  ASSERT_TRUE(append_and_wait(*store, test_logs("a", 100)).is_ok());
  ASSERT_TRUE(append_and_wait(*store, test_spans("a", 3)).is_ok());
  ASSERT_TRUE(store->flush().is_ok());
  auto view = store->view();
  ASSERT_EQ(view->memtables.size(), 1u);
  EXPECT_EQ(view->memtables.front()->log_count(), 0u);
  ASSERT_EQ(view->parts.size(), 2u);  // one logs part, one spans part (same day)
  EXPECT_EQ(bodies(*store, "a"), numbered_bodies(100));
  EXPECT_EQ(spans_of_trace(*store, "a", test_trace(1)), 3u);
  EXPECT_EQ(wal_segments(o.data_dir), 0u);
  // New appends go to the fresh memtable and a new segment; both halves are served.
  ASSERT_TRUE(append_and_wait(*store, test_logs("a", 5, 5000)).is_ok());
  EXPECT_EQ(bodies(*store, "a").size(), 105u);
}

TEST(Store, SpanScansWithoutATraceIdReadMemtablesAndPartsInTheTimeRange) {
  TempDir dir;
  auto store = open_store(options_for(dir.path()));
  ASSERT_TRUE(append_and_wait(*store, test_spans("a", 10)).is_ok());  // starts 100..109
  ASSERT_TRUE(store->flush().is_ok());
  ASSERT_TRUE(append_and_wait(*store, test_spans("a", 4)).is_ok());   // starts 100..103, in memory
  ASSERT_TRUE(append_and_wait(*store, test_spans("b", 4)).is_ok());
  ScanOptions o;
  o.start = 102;
  o.end = 105;
  std::vector<std::string> names;
  ASSERT_TRUE(scan_spans(*store->view(), "a", o, [&](const Span& s) {
                names.push_back(s.name);
                return true;
              }).is_ok());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"op 2", "op 2", "op 3", "op 3", "op 4", "op 5"}));
  size_t seen = 0;
  ASSERT_TRUE(scan_spans(*store->view(), "a", {}, [&](const Span&) { return ++seen < 3; }).is_ok());
  EXPECT_EQ(seen, 3u);  // false from fn stops the scan
}

TEST(Store, AStreamFilterSkipsTheBlocksOfOtherStreamsInParts) {
  TempDir dir;
  auto store = open_store(options_for(dir.path()));
  ASSERT_TRUE(append_and_wait(*store, test_logs("a", 50)).is_ok());  // service.name=checkout
  ASSERT_TRUE(store->flush().is_ok());
  auto count = [&](std::string_view service) {
    ScanOptions o;
    o.stream_filter = [service](const StreamLabels& labels) {
      for (const auto& [key, value] : labels)
        if (key == "service.name") return value == service;
      return false;
    };
    size_t n = 0;
    EXPECT_TRUE(scan_logs(*store->view(), "a", o, [&](const LogRecord&) { return ++n; }).is_ok());
    return n;
  };
  EXPECT_EQ(count("checkout"), 50u);
  EXPECT_EQ(count("payment"), 0u);
}

TEST(Store, ReopenServesPartsAndTheWal) {
  TempDir dir;
  {
    auto store = open_store(options_for(dir.path()));
    ASSERT_TRUE(append_and_wait(*store, test_logs("a", 100)).is_ok());
    ASSERT_TRUE(store->flush().is_ok());
    ASSERT_TRUE(append_and_wait(*store, test_logs("b", 7)).is_ok());
    ASSERT_TRUE(append_and_wait(*store, test_spans("a", 3)).is_ok());
  }  // close flushes the rest
  auto store = open_store(options_for(dir.path()));
  EXPECT_EQ(store->replay_stats().entries, 0u);
  EXPECT_EQ(bodies(*store, "a"), numbered_bodies(100));
  EXPECT_EQ(bodies(*store, "b"), numbered_bodies(7));
  EXPECT_EQ(spans_of_trace(*store, "a", test_trace(1)), 3u);
  auto services = storage::services(*store->view(), "a");
  ASSERT_EQ(services.size(), 2u);
  EXPECT_EQ(services[0].name, "cart");
  EXPECT_EQ(services[0].spans, 3u);
  EXPECT_EQ(services[1].name, "checkout");
  EXPECT_EQ(services[1].records, 100u);
}

TEST(Store, ReopenAfterAPowerCutReplaysWhatIsOnlyInTheWal) {
  TempDir dir;
  auto fs = std::make_shared<FaultInjectionFs>();
  StoreOptions o = options_for(dir.path());
  o.fs = fs;
  {
    auto store = open_store(o);
    ASSERT_TRUE(append_and_wait(*store, test_logs("a", 10)).is_ok());
    ASSERT_TRUE(store->flush().is_ok());
    ASSERT_TRUE(append_and_wait(*store, test_logs("a", 5, 9000)).is_ok());
    fs->power_cut_after_ops(0);  // close() can no longer flush
  }
  fs->crash();
  auto store = open_store(o);
  EXPECT_EQ(store->replay_stats().entries, 1u);
  EXPECT_EQ(bodies(*store, "a").size(), 15u);
}

// Cuts the power at every mutating filesystem step of a flush in turn; after each crash every
// acknowledged record is served exactly once, and a later flush and restart keep it so.
TEST(Store, CrashAtEveryStepOfAFlushLosesAndDuplicatesNothing) {
  auto run = [](int64_t cut_after, uint64_t* ops_of_flush) {
    TempDir dir;
    auto fs = std::make_shared<FaultInjectionFs>();
    StoreOptions o = options_for(dir.path());
    o.fs = fs;
    {
      auto store = open_store(o);
      ASSERT_TRUE(append_and_wait(*store, test_logs("a", 50)).is_ok());
      ASSERT_TRUE(append_and_wait(*store, test_spans("b", 4)).is_ok());
      uint64_t before = fs->mutating_ops();
      if (cut_after >= 0) fs->power_cut_after_ops(cut_after);
      Status flushed = store->flush();
      if (ops_of_flush) *ops_of_flush = fs->mutating_ops() - before;
      if (cut_after < 0) ASSERT_TRUE(flushed.is_ok()) << flushed.to_string();
      fs->power_cut_after_ops(0);  // nothing more reaches the disk, close() included
    }
    fs->crash();
    for (int round = 0; round < 2; ++round) {
      auto store = open_store(o);
      ASSERT_NE(store, nullptr) << "cut after " << cut_after;
      EXPECT_EQ(bodies(*store, "a"), numbered_bodies(50)) << "cut after " << cut_after;
      EXPECT_EQ(spans_of_trace(*store, "b", test_trace(1)), 4u) << "cut after " << cut_after;
      ASSERT_TRUE(store->flush().is_ok());
    }
  };
  uint64_t steps = 0;
  run(-1, &steps);
  ASSERT_GT(steps, 5u);
  for (uint64_t k = 0; k <= steps; ++k) run(static_cast<int64_t>(k), nullptr);
}

TEST(Store, RefusesAppendsOverTheMemoryBudget) {
  TempDir dir;
  StoreOptions o = options_for(dir.path());
  o.memory_budget_bytes = 1;
  o.flush_interval = std::chrono::hours(1);
  auto store = open_store(o);
  auto& rejected = MetricsRegistry::global().counter("weft_store_rejected_total", "",
                                                     {{"reason", "memory_budget"}});
  uint64_t before = rejected.value();
  ASSERT_TRUE(append_and_wait(*store, test_logs("t", 1)).is_ok());  // from empty it fits
  Status s = append_and_wait(*store, test_logs("t", 1));
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(), "memory budget of 1 bytes is full; flushing to disk");
  EXPECT_EQ(rejected.value() - before, 1u);
  // Flushing frees the memory: appends are accepted again.
  ASSERT_TRUE(store->flush().is_ok());
  EXPECT_TRUE(append_and_wait(*store, test_logs("t", 1)).is_ok());
}

TEST(Store, FlushesInTheBackgroundPastTheMemtableSize) {
  TempDir dir;
  StoreOptions o = options_for(dir.path());
  o.memtable_flush_bytes = 1;
  o.flush_interval = std::chrono::hours(1);
  auto store = open_store(o);
  ASSERT_TRUE(append_and_wait(*store, test_logs("t", 10)).is_ok());
  ASSERT_TRUE(append_and_wait(*store, test_logs("t", 10, 3000)).is_ok());  // asks for a flush
  for (int i = 0; i < 500 && store->view()->parts.empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_FALSE(store->view()->parts.empty());
  EXPECT_EQ(bodies(*store, "t").size(), 20u);
}

TEST(Store, EmptyBatchesAreAcknowledgedWithoutWriting) {
  TempDir dir;
  auto store = open_store(options_for(dir.path()));
  EXPECT_TRUE(append_and_wait(*store, LogBatch{"t", {}}).is_ok());
  EXPECT_TRUE(append_and_wait(*store, SpanBatch{"t", {}}).is_ok());
  store->close();
  auto reopened = open_store(options_for(dir.path()));
  EXPECT_EQ(reopened->replay_stats().entries, 0u);
  EXPECT_TRUE(reopened->view()->parts.empty());
}

TEST(Store, CloseRefusesLaterAppends) {
  TempDir dir;
  auto store = open_store(options_for(dir.path()));
  store->close();
  store->close();
  EXPECT_EQ(append_and_wait(*store, test_logs("t", 1)).code(), StatusCode::kUnavailable);
  EXPECT_EQ(store->flush().code(), StatusCode::kUnavailable);
}

TEST(Store, ConcurrentAppendersAndFlushesAllLand) {
  TempDir dir;
  {
    auto store = open_store(options_for(dir.path()));
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < 25; ++i) ok += append_and_wait(*store, test_logs("t", 20)).is_ok();
      });
    }
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(store->flush().is_ok());
    for (auto& th : threads) th.join();
    EXPECT_EQ(ok.load(), 100);
    EXPECT_EQ(bodies(*store, "t").size(), 2000u);
  }
  EXPECT_EQ(bodies(*open_store(options_for(dir.path())), "t").size(), 2000u);
}

}  // namespace
}  // namespace weft::storage

namespace weft::storage {
namespace {

// n flushes of `per` records each, times from t0 on.
void fill(Store& store, int flushes, int per, UnixNanos t0) {
  for (int f = 0; f < flushes; ++f) {
    ASSERT_TRUE(append_and_wait(store, testing::test_logs("a", per, t0 + f * per)).is_ok());
    ASSERT_TRUE(store.flush().is_ok());
  }
}

TEST(StoreMaintenance, MergesSmallPartsOfAPartitionIntoOne) {
  TempDir dir;
  StoreOptions o = options_for(dir.path());
  o.maintenance_interval = std::chrono::hours(1);
  o.retention.retention = std::chrono::seconds(0);
  auto store = open_store(o);
  fill(*store, 6, 50, now_unix_nanos() - 1000000);
  ASSERT_EQ(store->view()->parts.size(), 6u);
  auto before = bodies(*store, "a");
  ASSERT_TRUE(store->maintain().is_ok());
  EXPECT_EQ(store->view()->parts.size(), 1u);
  EXPECT_EQ(bodies(*store, "a"), before);
  // The inputs are gone from disk; a restart serves the merged part alone.
  store.reset();
  size_t dirs = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(o.data_dir / "parts"))
    dirs += e.is_directory() && e.path().filename().string().rfind("logs-", 0) == 0;
  EXPECT_EQ(dirs, 1u);
  EXPECT_EQ(bodies(*open_store(o), "a"), before);
}

TEST(StoreMaintenance, CrashAtEveryStepOfAMergeLosesAndDuplicatesNothing) {
  auto run = [](int64_t cut_after, uint64_t* steps) {
    TempDir dir;
    auto fs = std::make_shared<FaultInjectionFs>();
    StoreOptions o = options_for(dir.path());
    o.fs = fs;
    o.maintenance_interval = std::chrono::hours(1);
    o.retention.retention = std::chrono::seconds(0);
    std::vector<std::string> expected;
    {
      auto store = open_store(o);
      fill(*store, 4, 20, 1000);
      expected = bodies(*store, "a");
      uint64_t before = fs->mutating_ops();
      if (cut_after >= 0) fs->power_cut_after_ops(cut_after);
      Status merged = store->maintain();
      if (steps) *steps = fs->mutating_ops() - before;
      if (cut_after < 0) ASSERT_TRUE(merged.is_ok()) << merged.to_string();
      fs->power_cut_after_ops(0);
    }
    fs->crash();
    auto store = open_store(o);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(bodies(*store, "a"), expected) << "cut after " << cut_after;
    ASSERT_TRUE(store->maintain().is_ok());
    EXPECT_EQ(bodies(*store, "a"), expected) << "cut after " << cut_after;
  };
  uint64_t steps = 0;
  run(-1, &steps);
  ASSERT_GT(steps, 3u);
  for (uint64_t k = 0; k <= steps; ++k) run(static_cast<int64_t>(k), nullptr);
}

TEST(StoreMaintenance, RetentionRemovesExpiredPartsPerTenant) {
  TempDir dir;
  StoreOptions o = options_for(dir.path());
  o.maintenance_interval = std::chrono::hours(1);
  o.retention.retention = std::chrono::hours(24);
  o.retention.per_tenant["keep"] = std::chrono::hours(24 * 365);
  auto store = open_store(o);
  UnixNanos old = now_unix_nanos() - 48ll * 3600 * 1000000000;
  ASSERT_TRUE(append_and_wait(*store, testing::test_logs("a", 10, old)).is_ok());
  ASSERT_TRUE(append_and_wait(*store, testing::test_logs("keep", 10, old)).is_ok());
  ASSERT_TRUE(append_and_wait(*store, testing::test_logs("a", 5, now_unix_nanos())).is_ok());
  ASSERT_TRUE(store->flush().is_ok());
  ASSERT_TRUE(store->maintain().is_ok());
  EXPECT_EQ(bodies(*store, "a").size(), 5u);
  EXPECT_EQ(bodies(*store, "keep").size(), 10u);
}

}  // namespace
}  // namespace weft::storage
