// Crash and I/O-fault tests through the WalFs seam: a filesystem that fails writes or syncs
// on demand and, at a simulated crash, loses whatever was not synced (keeping a torn prefix).
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "storage/wal/wal.h"
#include "storage/wal/wal_file.h"
#include "storage/wal/wal_test_util.h"

namespace weft::storage {
namespace {

using namespace testing;  // NOLINT: the helpers of wal_test_util.h

class FaultWalFs : public WalFs {
 public:
  std::atomic<int> fail_writes{0};  // the next N appends write half their bytes, then fail
  std::atomic<int> fail_syncs{0};   // the next N syncs fail (and sync nothing)
  // The power goes out at the Nth sync from now (< 0: never): that sync and every operation
  // after it fail without touching the disk, leaving unsynced bytes in place for crash().
  std::atomic<int> syncs_until_power_cut{-1};
  std::atomic<bool> dead{false};

  Result<std::unique_ptr<WalFile>> create(const std::filesystem::path& path) override;
  Status sync_dir(const std::filesystem::path& dir) override { return Status::ok(); }
  Status remove(const std::filesystem::path& path) override {
    std::filesystem::remove(path);
    return Status::ok();
  }

  // A power cut: every file loses its unsynced bytes except the first `keep` of them.
  void crash(uint64_t keep) {
    std::lock_guard l(mu_);
    for (auto& [path, f] : files_) {
      std::string bytes = read_bytes(path);
      uint64_t synced = std::min<uint64_t>(f.synced, bytes.size());
      write_bytes(path, bytes.substr(0, std::min<uint64_t>(bytes.size(), synced + keep)));
    }
  }

  struct FileState {
    uint64_t size = 0;
    uint64_t synced = 0;
  };
  std::mutex mu_;
  std::map<std::filesystem::path, FileState> files_;  // guarded by mu_
};

class FaultWalFile : public WalFile {
 public:
  FaultWalFile(FaultWalFs* fs, std::filesystem::path path, std::unique_ptr<WalFile> real)
      : fs_(fs), path_(std::move(path)), real_(std::move(real)) {}

  Status append(std::span<const iovec> parts) override {
    uint64_t bytes = 0;
    for (const iovec& v : parts) bytes += v.iov_len;
    if (fs_->dead) return Status::io_error("power cut");
    if (fs_->fail_writes.load() > 0) {
      --fs_->fail_writes;
      return torn_append(parts, bytes / 2);
    }
    WEFT_RETURN_IF_ERROR(real_->append(parts));
    std::lock_guard l(fs_->mu_);
    fs_->files_[path_].size += bytes;
    return Status::ok();
  }

  Status sync() override {
    if (fs_->dead || fs_->syncs_until_power_cut-- == 0) {
      fs_->dead = true;
      return Status::io_error("power cut");
    }
    if (fs_->fail_syncs.load() > 0) {
      --fs_->fail_syncs;
      return Status::io_error("injected sync failure");
    }
    std::lock_guard l(fs_->mu_);
    auto& f = fs_->files_[path_];
    f.synced = f.size;
    return Status::ok();
  }

  Status truncate(uint64_t size) override {
    if (fs_->dead) return Status::io_error("power cut");
    WEFT_RETURN_IF_ERROR(real_->truncate(size));
    std::lock_guard l(fs_->mu_);
    auto& f = fs_->files_[path_];
    f.size = size;
    f.synced = std::min(f.synced, size);
    return Status::ok();
  }

 private:
  Status torn_append(std::span<const iovec> parts, uint64_t n) {
    std::string prefix;
    for (const iovec& v : parts) prefix.append(static_cast<const char*>(v.iov_base), v.iov_len);
    prefix.resize(n);
    iovec half{prefix.data(), prefix.size()};
    WEFT_RETURN_IF_ERROR(real_->append(std::span<const iovec>(&half, 1)));
    std::lock_guard l(fs_->mu_);
    fs_->files_[path_].size += n;
    return Status::io_error("injected write failure");
  }

  FaultWalFs* fs_;
  std::filesystem::path path_;
  std::unique_ptr<WalFile> real_;
};

Result<std::unique_ptr<WalFile>> FaultWalFs::create(const std::filesystem::path& path) {
  if (dead) return Status::io_error("power cut");
  auto real = posix_wal_fs()->create(path);
  if (!real.is_ok()) return real.status();
  std::lock_guard l(mu_);
  files_[path] = {};
  return std::unique_ptr<WalFile>(std::make_unique<FaultWalFile>(this, path, std::move(real).value()));
}

WalOptions fault_options(const std::filesystem::path& dir, std::shared_ptr<FaultWalFs> fs) {
  WalOptions o = wal_options(dir);
  o.fs = std::move(fs);
  return o;
}

TEST(WalFault, FailedWriteFailsTheGroupAndTheNextGroupSucceeds) {
  TempDir dir;
  auto fs = std::make_shared<FaultWalFs>();
  {
    auto wal = Wal::open(fault_options(dir.path(), fs));
    ASSERT_TRUE(wal.is_ok());
    (*wal)->start({});
    ASSERT_TRUE(append_and_wait(**wal, "before").is_ok());
    fs->fail_writes = 1;
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
  auto fs = std::make_shared<FaultWalFs>();
  auto wal = Wal::open(fault_options(dir.path(), fs));
  ASSERT_TRUE(wal.is_ok());
  (*wal)->start({});
  fs->fail_syncs = 1;
  EXPECT_EQ(append_and_wait(**wal, "unsynced").code(), StatusCode::kIoError);
  EXPECT_TRUE(append_and_wait(**wal, "synced").is_ok());
}

// Appends from several threads until the power goes out at the `cut_at`th sync, then loses
// every unsynced byte but the first `keep`: every acknowledged entry must come back, and
// nothing but appended entries, each at most once, in per-thread order.
void crash_test(int cut_at, uint64_t keep) {
  SCOPED_TRACE("cut at sync " + std::to_string(cut_at) + ", keep " + std::to_string(keep));
  TempDir dir;
  auto fs = std::make_shared<FaultWalFs>();
  fs->syncs_until_power_cut = cut_at;
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
    auto fs = std::make_shared<FaultWalFs>();
    fs->fail_syncs = 1 << 30;
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
