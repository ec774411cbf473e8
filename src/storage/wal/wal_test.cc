// Wal: appends, group commit, rotation, concurrency, backpressure, stop semantics.
#include "storage/wal/wal.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "common/metrics.h"
#include "storage/wal/wal_format.h"
#include "storage/wal/wal_test_util.h"

namespace weft::storage {
namespace {

using testing::append_and_wait;
using testing::replay_all;
using testing::segments_of;
using testing::TempDir;
using testing::wal_options;

std::unique_ptr<Wal> open_started(const WalOptions& o, Wal::DurableHook hook = {}) {
  auto wal = Wal::open(o);
  EXPECT_TRUE(wal.is_ok()) << wal.status().to_string();
  auto w = std::move(wal).value();
  w->start(std::move(hook));
  return w;
}

TEST(Wal, AppendThenReplayInOrder) {
  TempDir dir;
  {
    auto wal = open_started(wal_options(dir.path()));
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(append_and_wait(*wal, "entry " + std::to_string(i)).is_ok());
  }
  auto r = replay_all(dir.path());
  ASSERT_EQ(r.entries.size(), 20u);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(r.entries[i], "entry " + std::to_string(i));
  EXPECT_EQ(r.stats.entries, 20u);
  EXPECT_EQ(r.stats.segments, 1u);
  EXPECT_EQ(r.stats.truncated_bytes, 0u);
  EXPECT_EQ(segments_of(dir.path())[0].path.filename(), "00000000000000000001.wal");
}

TEST(Wal, HookSeesEntriesBeforeTheirCallbacks) {
  TempDir dir;
  std::mutex mu;
  std::vector<std::string> events;
  auto wal = open_started(wal_options(dir.path()), [&](std::string_view e) {
    std::lock_guard l(mu);
    events.push_back("hook " + std::string(e));
  });
  std::promise<void> done;
  for (int i = 0; i < 3; ++i) {
    wal->append("e" + std::to_string(i), [&, i](Status s) {
      EXPECT_TRUE(s.is_ok());
      std::lock_guard l(mu);
      events.push_back("done e" + std::to_string(i));
      if (i == 2) done.set_value();
    });
  }
  done.get_future().wait();
  std::lock_guard l(mu);
  // Per entry the hook precedes the callback; across entries both keep append order.
  std::vector<std::string> hooks, dones;
  for (const auto& e : events) (e.rfind("hook", 0) == 0 ? hooks : dones).push_back(e);
  EXPECT_EQ(hooks, (std::vector<std::string>{"hook e0", "hook e1", "hook e2"}));
  EXPECT_EQ(dones, (std::vector<std::string>{"done e0", "done e1", "done e2"}));
  for (int i = 0; i < 3; ++i) {
    auto h = std::find(events.begin(), events.end(), "hook e" + std::to_string(i));
    auto d = std::find(events.begin(), events.end(), "done e" + std::to_string(i));
    EXPECT_LT(h, d);
  }
}

TEST(Wal, RotatesSegmentsPastSegmentBytes) {
  TempDir dir;
  WalOptions o = wal_options(dir.path());
  o.segment_bytes = 1000;
  {
    auto wal = open_started(o);
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(append_and_wait(*wal, std::string(100, 'a' + i % 26)).is_ok());
  }
  auto segs = segments_of(dir.path());
  ASSERT_GT(segs.size(), 4u);
  for (size_t i = 0; i < segs.size(); ++i) {
    EXPECT_EQ(segs[i].sequence, i + 1);
    // A segment only grows past segment_bytes by its last group.
    EXPECT_LT(std::filesystem::file_size(segs[i].path), 1000u + 108u);
  }
  auto r = replay_all(dir.path());
  ASSERT_EQ(r.entries.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(r.entries[i], std::string(100, 'a' + i % 26));
  EXPECT_EQ(r.stats.segments, segs.size());
}

TEST(Wal, WritesToANewSegmentAfterReopen) {
  TempDir dir;
  for (int round = 0; round < 3; ++round) {
    auto wal = Wal::open(wal_options(dir.path()));
    ASSERT_TRUE(wal.is_ok());
    std::vector<std::string> seen;
    ASSERT_TRUE((*wal)->replay([&](std::string_view e) { seen.emplace_back(e); }).is_ok());
    EXPECT_EQ(seen.size(), static_cast<size_t>(round));
    (*wal)->start({});
    ASSERT_TRUE(append_and_wait(**wal, "round " + std::to_string(round)).is_ok());
  }
  EXPECT_EQ(segments_of(dir.path()).size(), 3u);
  EXPECT_EQ(replay_all(dir.path()).entries,
            (std::vector<std::string>{"round 0", "round 1", "round 2"}));
}

TEST(Wal, NoSegmentIsCreatedWithoutAppends) {
  TempDir dir;
  { open_started(wal_options(dir.path())); }
  EXPECT_TRUE(segments_of(dir.path()).empty());
}

TEST(Wal, EightThreadsAppendConcurrently) {
  TempDir dir;
  constexpr int kThreads = 8, kPerThread = 400;
  std::atomic<int> ok{0}, failed{0};
  {
    auto wal = open_started(wal_options(dir.path()));
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) {
          wal->append(std::to_string(t) + ":" + std::to_string(i),
                      [&](Status s) { (s.is_ok() ? ok : failed).fetch_add(1); });
        }
      });
    }
    for (auto& th : threads) th.join();
  }  // the destructor drains
  EXPECT_EQ(ok.load(), kThreads * kPerThread);
  EXPECT_EQ(failed.load(), 0);
  auto r = replay_all(dir.path());
  ASSERT_EQ(r.entries.size(), static_cast<size_t>(kThreads * kPerThread));
  std::map<int, int> next;  // per thread, the next index expected
  for (const auto& e : r.entries) {
    int t = std::stoi(e.substr(0, e.find(':')));
    int i = std::stoi(e.substr(e.find(':') + 1));
    EXPECT_EQ(i, next[t]) << e;
    next[t] = i + 1;
  }
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(next[t], kPerThread);
}

TEST(Wal, GroupCommitSharesWrites) {
  TempDir dir;
  auto& groups = MetricsRegistry::global().histogram("weft_wal_group_commit_entries", "", {});
  auto& entries = MetricsRegistry::global().counter("weft_wal_entries_total", "");
  uint64_t groups_before = groups.count(), entries_before = entries.value();
  {
    auto wal = Wal::open(wal_options(dir.path()));
    ASSERT_TRUE(wal.is_ok());
    // Queued before start(), all 100 go out in the writer's first group.
    for (int i = 0; i < 100; ++i) (*wal)->append("x", [](Status s) { EXPECT_TRUE(s.is_ok()); });
    (*wal)->start({});
  }
  EXPECT_EQ(groups.count() - groups_before, 1u);
  EXPECT_EQ(entries.value() - entries_before, 100u);
}

TEST(Wal, BackpressureOverMaxPendingBytes) {
  TempDir dir;
  WalOptions o = wal_options(dir.path());
  o.max_pending_bytes = 3 * (100 + wal_format::kEntryHeaderSize);
  auto wal = Wal::open(o);
  ASSERT_TRUE(wal.is_ok());
  std::vector<Status> results(4);
  for (int i = 0; i < 4; ++i) (*wal)->append(std::string(100, 'x'), [&, i](Status s) { results[i] = s; });
  // Not started: three are queued, the fourth was refused at once.
  EXPECT_EQ(results[3].code(), StatusCode::kResourceExhausted);
  EXPECT_EQ((*wal)->pending_bytes(), o.max_pending_bytes);
  (*wal)->start({});
  (*wal)->stop();
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(results[i].is_ok()) << i;
  EXPECT_EQ((*wal)->pending_bytes(), 0u);
}

TEST(Wal, StopDrainsThenRefuses) {
  TempDir dir;
  auto wal = open_started(wal_options(dir.path()));
  std::atomic<int> ok{0};
  for (int i = 0; i < 50; ++i) wal->append("e", [&](Status s) { ok += s.is_ok(); });
  wal->stop();
  EXPECT_EQ(ok.load(), 50);
  Status after;
  bool called = false;
  wal->append("late", [&](Status s) { after = s; called = true; });
  EXPECT_TRUE(called);  // refused synchronously
  EXPECT_EQ(after.code(), StatusCode::kUnavailable);
  wal->stop();  // idempotent
  EXPECT_EQ(replay_all(dir.path()).entries.size(), 50u);
}

TEST(Wal, StopBeforeStartFailsQueuedAppends) {
  TempDir dir;
  auto wal = Wal::open(wal_options(dir.path()));
  ASSERT_TRUE(wal.is_ok());
  Status s;
  (*wal)->append("never written", [&](Status r) { s = r; });
  (*wal)->stop();
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_EQ((*wal)->pending_bytes(), 0u);
}

TEST(Wal, RefusesEmptyAndOversizedEntries) {
  TempDir dir;
  auto wal = open_started(wal_options(dir.path()));
  EXPECT_EQ(append_and_wait(*wal, "").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(append_and_wait(*wal, std::string(wal_format::kMaxEntryBytes + 1, 'x')).code(),
            StatusCode::kTooLarge);
}

TEST(Wal, FsyncOffStillWritesAndReplays) {
  TempDir dir;
  auto& fsyncs = MetricsRegistry::global().histogram("weft_wal_fsync_duration_seconds", "", {});
  uint64_t before = fsyncs.count();
  WalOptions o = wal_options(dir.path());
  o.fsync = false;
  {
    auto wal = open_started(o);
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(append_and_wait(*wal, "nosync").is_ok());
  }
  EXPECT_EQ(fsyncs.count(), before);
  EXPECT_EQ(replay_all(dir.path()).entries.size(), 10u);
}

TEST(Wal, CountsBytesWritten) {
  TempDir dir;
  auto& bytes = MetricsRegistry::global().counter("weft_wal_bytes_written_total", "");
  uint64_t before = bytes.value();
  {
    auto wal = open_started(wal_options(dir.path()));
    ASSERT_TRUE(append_and_wait(*wal, std::string(92, 'b')).is_ok());
  }
  EXPECT_EQ(bytes.value() - before, wal_format::kSegmentHeaderSize + 100);
  EXPECT_EQ(std::filesystem::file_size(segments_of(dir.path())[0].path),
            wal_format::kSegmentHeaderSize + 100);
}

uint64_t cut_and_wait(Wal& wal) {
  std::promise<Result<uint64_t>> cut;
  wal.cut([&](Result<uint64_t> next) { cut.set_value(std::move(next)); });
  Result<uint64_t> next = cut.get_future().get();
  EXPECT_TRUE(next.is_ok()) << next.status().to_string();
  return next.is_ok() ? *next : 0;
}

TEST(Wal, CutPutsLaterEntriesInLaterSegments) {
  TempDir dir;
  uint64_t next = 0;
  {
    auto wal = open_started(wal_options(dir.path()));
    ASSERT_TRUE(append_and_wait(*wal, "before 1").is_ok());
    ASSERT_TRUE(append_and_wait(*wal, "before 2").is_ok());
    next = cut_and_wait(*wal);
    ASSERT_TRUE(append_and_wait(*wal, "after").is_ok());
  }
  EXPECT_EQ(next, 2u);
  EXPECT_EQ(replay_all(dir.path(), next).entries, std::vector<std::string>{"after"});
  EXPECT_EQ(replay_all(dir.path()).entries.size(), 3u);
}

TEST(Wal, CutWithNothingWrittenSinceTheLastOneIsHarmless) {
  TempDir dir;
  auto wal = open_started(wal_options(dir.path()));
  uint64_t first = cut_and_wait(*wal);
  uint64_t second = cut_and_wait(*wal);
  EXPECT_EQ(first, second);
  ASSERT_TRUE(append_and_wait(*wal, "x").is_ok());
  EXPECT_EQ(cut_and_wait(*wal), first + 1);
}

TEST(Wal, CutOrdersAgainstConcurrentAppends) {
  TempDir dir;
  auto wal = open_started(wal_options(dir.path()));
  std::atomic<int> acknowledged_before_cut{-1};
  std::atomic<int> acked{0};
  std::promise<void> cut_done;
  for (int i = 0; i < 200; ++i) {
    wal->append("e" + std::to_string(i), [&](Status s) {
      EXPECT_TRUE(s.is_ok());
      acked++;
    });
    if (i == 99)
      wal->cut([&](Result<uint64_t> next) {
        EXPECT_TRUE(next.is_ok());
        acknowledged_before_cut = acked.load();
        cut_done.set_value();
      });
  }
  cut_done.get_future().wait();
  wal->stop();
  // Every entry appended before the cut had its callback, none after it.
  EXPECT_EQ(acknowledged_before_cut.load(), 100);
}

TEST(Wal, RemoveSegmentsBeforeACut) {
  TempDir dir;
  {
    auto wal = open_started(wal_options(dir.path()));
    ASSERT_TRUE(append_and_wait(*wal, "old").is_ok());
    uint64_t next = cut_and_wait(*wal);
    ASSERT_TRUE(append_and_wait(*wal, "new").is_ok());
    ASSERT_TRUE(wal->remove_segments_before(next).is_ok());
    ASSERT_TRUE(append_and_wait(*wal, "newer").is_ok());
  }
  EXPECT_EQ(replay_all(dir.path()).entries, (std::vector<std::string>{"new", "newer"}));
  EXPECT_EQ(segments_of(dir.path()).size(), 1u);
}

TEST(Wal, CutAfterStopIsUnavailable) {
  TempDir dir;
  auto wal = open_started(wal_options(dir.path()));
  wal->stop();
  Status got;
  wal->cut([&](Result<uint64_t> next) { got = next.status(); });
  EXPECT_EQ(got.code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace weft::storage
