// Crash and I/O-fault tests through the Fs seam: FaultInjectionFs fails writes or syncs on
// demand and, at a simulated crash, loses whatever was not synced (keeping a torn prefix).
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "storage/fs/fault_injection_fs.h"
#include "storage/wal/wal.h"
#include "storage/wal/wal_test_util.h"

namespace weft::storage {
namespace {

using namespace testing;  // NOLINT: the helpers of wal_test_util.h

WalOptions fault_options(const std::filesystem::path& dir, std::shared_ptr<FaultInjectionFs> fs) {
  WalOptions o = wal_options(dir);
  o.fs = std::move(fs);
  return o;
}

TEST(WalFault, FailedWriteFailsTheGroupAndTheNextGroupSucceeds) {
  TempDir dir;
  auto fs = std::make_shared<FaultInjectionFs>();
  {
    auto wal = Wal::open(fault_options(dir.path(), fs));
    ASSERT_TRUE(wal.is_ok());
    (*wal)->start({});
    ASSERT_TRUE(append_and_wait(**wal, "before").is_ok());
    fs->fail_writes(1);
    EXPECT_EQ(append_and_wait(**wal, "lost in a torn write").code(), StatusCode::kIoError);
    ASSERT_TRUE(append_and_wait(**wal, "after").is_ok());
  }
  // The torn group was cut back, and "after" went to a new segment.
  EXPECT_EQ(segments_of(dir.path()).size(), 2u);
  Replayed r = replay_all(dir.path());
  EXPECT_EQ(r.entries, (std::vector<std::string>{"before", "after"}));
  EXPECT_EQ(r.stats.truncated_bytes + r.stats.skipped_bytes, 0u);
}

TEST(WalFault, FailedSyncReportsIoError) {
  TempDir dir;
  auto fs = std::make_shared<FaultInjectionFs>();
  auto wal = Wal::open(fault_options(dir.path(), fs));
  ASSERT_TRUE(wal.is_ok());
  (*wal)->start({});
  fs->fail_syncs(1);
  EXPECT_EQ(append_and_wait(**wal, "unsynced").code(), StatusCode::kIoError);
  EXPECT_TRUE(append_and_wait(**wal, "synced").is_ok());
}

// Appends from several threads until the power goes out at the `cut_at`th sync, then loses
// every unsynced byte but the first `keep`: every acknowledged entry must come back, and
// nothing but appended entries, each at most once, in per-thread order.
void crash_test(int cut_at, uint64_t keep) {
  SCOPED_TRACE("cut at sync " + std::to_string(cut_at) + ", keep " + std::to_string(keep));
  TempDir dir;
  auto fs = std::make_shared<FaultInjectionFs>();
  fs->power_cut_at_sync(cut_at);
  std::mutex mu;
  std::set<std::string> acked;
  {
    auto wal = Wal::open(fault_options(dir.path(), fs));
    ASSERT_TRUE(wal.is_ok());
    (*wal)->start({});
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 100; ++i) {
          std::string e = std::to_string(t) + "-" + std::to_string(i) + std::string(i % 40, '.');
          (*wal)->append(e, [&, e](Status s) {
            std::lock_guard l(mu);
            if (s.is_ok()) acked.insert(e);
          });
        }
      });
    }
    for (auto& th : threads) th.join();
  }
  fs->crash(keep);
  Replayed r = replay_all(dir.path());
  std::set<std::string> seen;
  std::map<int, int> last;  // per thread, the last index seen
  for (const auto& e : r.entries) {
    int t = std::stoi(e), i = std::stoi(e.substr(e.find('-') + 1));
    EXPECT_EQ(e, std::to_string(t) + "-" + std::to_string(i) + std::string(i % 40, '.'));
    EXPECT_TRUE(seen.insert(e).second) << "duplicate " << e;
    EXPECT_GT(i, last.count(t) ? last[t] : -1) << e;
    last[t] = i;
  }
  for (const auto& e : acked) EXPECT_TRUE(seen.count(e)) << "lost acknowledged " << e;
  if (cut_at > 0) {
    EXPECT_FALSE(acked.empty());
  }
}

TEST(WalFault, CrashKeepsEveryAcknowledgedEntry) {
  for (int cut_at : {0, 1, 2, 5})
    for (uint64_t keep : {0, 1, 7, 8, 9, 16, 100, 1000, 100000}) crash_test(cut_at, keep);
}

TEST(WalFault, SyncFailuresThenCrash) {
  // Every sync fails: no append is acknowledged, and replay after the crash yields no garbage.
  for (uint64_t keep : {0, 5, 16, 30, 1000}) {
    TempDir dir;
    auto fs = std::make_shared<FaultInjectionFs>();
    fs->fail_syncs(1 << 30);
    {
      auto wal = Wal::open(fault_options(dir.path(), fs));
      ASSERT_TRUE(wal.is_ok());
      (*wal)->start({});
      for (int i = 0; i < 20; ++i) EXPECT_FALSE(append_and_wait(**wal, "e" + std::to_string(i)).is_ok());
    }
    fs->crash(keep);
    for (const auto& e : replay_all(dir.path()).entries) EXPECT_EQ(e[0], 'e');
  }
}

}  // namespace
}  // namespace weft::storage
