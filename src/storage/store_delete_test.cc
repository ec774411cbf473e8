// Delete by query through the Store: filtered at once, rewritten in the background, durable,
// crash-safe.
#include <gtest/gtest.h>

#include "storage/fs/fault_injection_fs.h"
#include "storage/store_admin_test_util.h"

namespace weft::storage {
namespace {

using namespace testing;
namespace pf = part_format;

DeleteRequestSpec logs_spec(std::string tenant, UnixNanos start, UnixNanos end, std::string query) {
  return {std::move(tenant), pf::Signal::kLogs, start, end, std::move(query)};
}

std::vector<std::string> names(const std::string& prefix, int from, int to) {
  std::vector<std::string> out;
  for (int i = from; i < to; ++i) out.push_back(prefix + " " + std::to_string(i));
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return sorted(std::move(a));
}

TEST(StoreDeletes, CoveredRecordsVanishFromPartsAndMemtablesAtOnce) {
  TempDir dir;
  StoreOptions o = admin_options(dir.path());
  auto store = open_or_fail(o);
  ASSERT_TRUE(append_logs_and_wait(*store, service_logs("a", "checkout", "co", 10, 1000)).is_ok());
  ASSERT_TRUE(append_logs_and_wait(*store, service_logs("a", "cart", "cart", 10, 1000)).is_ok());
  ASSERT_TRUE(append_logs_and_wait(*store, service_logs("b", "checkout", "b", 10, 1000)).is_ok());
  ASSERT_TRUE(store->flush().is_ok());
  ASSERT_TRUE(append_logs_and_wait(*store, service_logs("a", "checkout", "mem", 10, 5000)).is_ok());

  // co 0..4 (times 1000..1004) in parts; mem 0..2 (5000..5002) in the memtable.
  auto first = store->add_delete_request(logs_spec("a", 1000, 1004, R"({service_name="checkout"})"));
  ASSERT_TRUE(first.is_ok()) << first.status().to_string();
  ASSERT_TRUE(store->add_delete_request(logs_spec("a", 5000, 5002, R"({service_name=~"check.*"})")).is_ok());
  auto expected = concat(concat(names("co", 5, 10), names("cart", 0, 10)), names("mem", 3, 10));
  EXPECT_EQ(served_bodies(*store->view(), "a"), expected);
  EXPECT_EQ(served_bodies(*store->view(), "b").size(), 10u);  // other tenants untouched
  EXPECT_EQ(part_rows(*store->view(), "a"), 20u);             // not yet rewritten

  ASSERT_TRUE(store->maintain().is_ok());
  EXPECT_EQ(served_bodies(*store->view(), "a"), expected);
  EXPECT_EQ(part_rows(*store->view(), "a"), 30u - 8u);  // flushed, then rewritten without them
  auto requests = store->delete_requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].status, DeleteStatus::kProcessed);
  EXPECT_EQ(requests[0].rows_deleted, 5u);
  EXPECT_EQ(requests[1].rows_deleted, 3u);

  store.reset();
  store = open_or_fail(o);
  EXPECT_EQ(served_bodies(*store->view(), "a"), expected);
  EXPECT_EQ(store->delete_requests().size(), 2u);
  EXPECT_EQ(store->delete_requests()[1].status, DeleteStatus::kProcessed);
}

TEST(StoreDeletes, AcceptedRequestsSurviveARestartBeforeProcessing) {
  TempDir dir;
  StoreOptions o = admin_options(dir.path());
  auto store = open_or_fail(o);
  ASSERT_TRUE(append_logs_and_wait(*store, service_logs("a", "checkout", "co", 10, 1000)).is_ok());
  ASSERT_TRUE(store->add_delete_request(logs_spec("a", 0, 2000, R"({service_name="checkout"} |= "co 1")")).is_ok());
  store.reset();  // the record is still only in the WAL
  store = open_or_fail(o);
  EXPECT_EQ(served_bodies(*store->view(), "a"), sorted(concat(names("co", 0, 1), names("co", 2, 10))));
  EXPECT_EQ(store->delete_requests()[0].status, DeleteStatus::kReceived);
}

TEST(StoreDeletes, SpansAndLaterArrivalsAreCoveredAndMergesDropThem) {
  TempDir dir;
  StoreOptions o = admin_options(dir.path());
  auto store = open_or_fail(o);
  ASSERT_TRUE(append_spans_and_wait(*store, test_spans("a", 10)).is_ok());
  ASSERT_TRUE(store->add_delete_request({"a", pf::Signal::kSpans, 0, 10'000, R"({service_name="cart"} |= "op 1")"}).is_ok());
  size_t spans = 0;
  ASSERT_TRUE(scan_spans(*store->view(), "a", {}, [&](const Span&) { return ++spans; }).is_ok());
  EXPECT_EQ(spans, 9u);
  // Records arriving after the request are covered too, and a merge drops them from disk.
  ASSERT_TRUE(store->maintain().is_ok());
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(append_logs_and_wait(*store, service_logs("a", "web", "w" + std::to_string(i), 5, 1000 + i * 5)).is_ok());
    ASSERT_TRUE(store->flush().is_ok());
  }
  ASSERT_TRUE(store->add_delete_request(logs_spec("a", 0, 10'000, R"({service_name="web"} |= "w3")")).is_ok());
  ASSERT_TRUE(store->maintain().is_ok());
  ASSERT_TRUE(append_logs_and_wait(*store, service_logs("a", "web", "w3", 5, 2000)).is_ok());
  ASSERT_TRUE(store->flush().is_ok());
  EXPECT_EQ(served_bodies(*store->view(), "a").size(), 15u);
  store.reset();
  store = open_or_fail(o);
  ASSERT_TRUE(store->maintain().is_ok());
  EXPECT_EQ(served_bodies(*store->view(), "a").size(), 15u);
  EXPECT_EQ(part_rows(*store->view(), "a"), 15u + 9u);  // the logs left, and the spans
}

TEST(StoreDeletes, BadRequestsAreRefusedAndNotRecorded) {
  TempDir dir;
  auto store = open_or_fail(admin_options(dir.path()));
  auto r = store->add_delete_request(logs_spec("a", 0, 10, "{service_name=}"));
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(store->add_delete_request(logs_spec("a", 10, 0, "{a=\"b\"}")).is_ok());
  EXPECT_TRUE(store->delete_requests().empty());
}

// Cuts the power at every filesystem step of accepting and processing a delete; after each
// crash the covered records are never served, the rest are served exactly once, and a later
// pass removes the covered ones from disk.
TEST(StoreDeletes, CrashAtEveryStepOfADeleteNeverResurrectsOrLosesRecords) {
  auto run = [](int64_t cut_after, uint64_t* steps) {
    TempDir dir;
    auto fs = std::make_shared<FaultInjectionFs>();
    StoreOptions o = admin_options(dir.path());
    o.fs = fs;
    bool accepted = false;
    {
      auto store = open_or_fail(o);
      for (int f = 0; f < 1; ++f) {
        ASSERT_TRUE(append_logs_and_wait(*store, service_logs("a", "checkout", "co" + std::to_string(f), 10, 1000 + f * 10)).is_ok());
        ASSERT_TRUE(append_logs_and_wait(*store, service_logs("a", "cart", "cart" + std::to_string(f), 10, 1000 + f * 10)).is_ok());
        ASSERT_TRUE(store->flush().is_ok());
      }
      ASSERT_TRUE(append_logs_and_wait(*store, service_logs("a", "checkout", "mem", 10, 1000)).is_ok());
      uint64_t before = fs->mutating_ops();
      if (cut_after >= 0) fs->power_cut_after_ops(cut_after);
      accepted = store->add_delete_request(logs_spec("a", 0, 5000, R"({service_name="checkout"})")).is_ok();
      Status processed = store->maintain();
      if (steps) *steps = fs->mutating_ops() - before;
      if (cut_after < 0) ASSERT_TRUE(processed.is_ok()) << processed.to_string();
      fs->power_cut_after_ops(0);
    }
    fs->crash();
    std::vector<std::string> cart;
    for (int f = 0; f < 1; ++f) cart = concat(cart, names("cart" + std::to_string(f), 0, 10));
    auto store = open_or_fail(o);
    ASSERT_NE(store, nullptr) << "cut after " << cut_after;
    std::vector<std::string> served = served_bodies(*store->view(), "a");
    if (accepted) {
      EXPECT_EQ(served, cart) << "cut after " << cut_after;
    } else {  // not acknowledged: either outcome is allowed, but nothing is lost or doubled
      EXPECT_TRUE(served == cart || served.size() == 30u) << "cut after " << cut_after;
      if (served.size() == 30u) return;
    }
    ASSERT_TRUE(store->maintain().is_ok());
    EXPECT_EQ(served_bodies(*store->view(), "a"), cart) << "cut after " << cut_after;
    EXPECT_EQ(part_rows(*store->view(), "a"), 10u) << "cut after " << cut_after;
    EXPECT_EQ(store->delete_requests().at(0).status, DeleteStatus::kProcessed);
  };
  uint64_t steps = 0;
  run(-1, &steps);
  ASSERT_GT(steps, 5u);
  for (uint64_t k = 0; k <= steps; ++k) run(static_cast<int64_t>(k), nullptr);
}

}  // namespace
}  // namespace weft::storage
