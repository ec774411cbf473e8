#include "storage/store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "common/metrics.h"
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
  EXPECT_EQ(store->memstore().log_count(), 10u);
  ASSERT_TRUE(append_and_wait(*store, test_spans("t", 4)).is_ok());
  EXPECT_EQ(store->memstore().spans_by_trace("t", test_trace(1)).size(), 4u);
  EXPECT_GT(store->memstore().memory_bytes(), 0u);
}

TEST(Store, ReopenReplaysTheWal) {
  TempDir dir;
  {
    auto store = open_store(options_for(dir.path()));
    ASSERT_TRUE(append_and_wait(*store, test_logs("a", 100)).is_ok());
    ASSERT_TRUE(append_and_wait(*store, test_logs("b", 7)).is_ok());
    ASSERT_TRUE(append_and_wait(*store, test_spans("a", 3)).is_ok());
  }
  auto store = open_store(options_for(dir.path()));
  EXPECT_EQ(store->replay_stats().entries, 3u);
  const MemStore& m = store->memstore();
  EXPECT_EQ(m.log_count(), 107u);
  EXPECT_EQ(m.span_count(), 3u);
  EXPECT_EQ(m.logs_by_trace("a", test_trace(1)).size(), 25u);
  EXPECT_EQ(m.logs_by_trace("b", test_trace(1)).size(), 2u);
  std::vector<std::string> bodies;
  m.scan_logs("b", 0, INT64_MAX, [&](const LogRecord& r) {
    bodies.push_back(*r.body.as_string());
    return true;
  });
  EXPECT_EQ(bodies.front(), "log line 6");
  EXPECT_EQ(bodies.back(), "log line 0");
  auto services = m.services("a");
  ASSERT_EQ(services.size(), 2u);
  EXPECT_EQ(services[0].name, "cart");
  EXPECT_EQ(services[0].spans, 3u);
  EXPECT_EQ(services[1].name, "checkout");
  EXPECT_EQ(services[1].records, 100u);
}

TEST(Store, RefusesAppendsOverTheMemoryBudget) {
  TempDir dir;
  StoreOptions o = options_for(dir.path());
  o.memory_budget_bytes = 1;
  auto store = open_store(o);
  auto& rejected = MetricsRegistry::global().counter("weft_store_rejected_total", "",
                                                     {{"reason", "memory_budget"}});
  uint64_t before = rejected.value();
  ASSERT_TRUE(append_and_wait(*store, test_logs("t", 1)).is_ok());  // from empty it fits
  Status s = append_and_wait(*store, test_logs("t", 1));
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(), "memory budget of 1 bytes is full");
  EXPECT_EQ(rejected.value() - before, 1u);
  EXPECT_EQ(store->memstore().log_count(), 1u);
}

TEST(Store, EmptyBatchesAreAcknowledgedWithoutWriting) {
  TempDir dir;
  auto store = open_store(options_for(dir.path()));
  EXPECT_TRUE(append_and_wait(*store, LogBatch{"t", {}}).is_ok());
  EXPECT_TRUE(append_and_wait(*store, SpanBatch{"t", {}}).is_ok());
  store->close();
  EXPECT_EQ(open_store(options_for(dir.path()))->replay_stats().entries, 0u);
}

TEST(Store, CloseRefusesLaterAppends) {
  TempDir dir;
  auto store = open_store(options_for(dir.path()));
  store->close();
  store->close();
  EXPECT_EQ(append_and_wait(*store, test_logs("t", 1)).code(), StatusCode::kUnavailable);
}

TEST(Store, ConcurrentAppendersAllLand) {
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
    for (auto& th : threads) th.join();
    EXPECT_EQ(ok.load(), 100);
    EXPECT_EQ(store->memstore().log_count(), 2000u);
  }
  EXPECT_EQ(open_store(options_for(dir.path()))->memstore().log_count(), 2000u);
}

}  // namespace
}  // namespace weft::storage
