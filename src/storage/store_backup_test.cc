// Backup and restore through the Store: consistent under concurrent ingest and maintenance,
// verified before anything is restored, incremental.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "storage/backup/backup_restore.h"
#include "storage/store_admin_test_util.h"

namespace weft::storage {
namespace {

using namespace testing;
namespace fsys = std::filesystem;

// Appends one-record batches with unique bodies until stopped, noting each acknowledged body.
class Ingester {
 public:
  explicit Ingester(Store& store) : store_(store), thread_([this] { run(); }) {}
  ~Ingester() { stop(); }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  std::vector<std::string> acknowledged() const {
    std::lock_guard lock(mu_);
    return acked_;
  }

 private:
  void run() {
    for (int i = 0; !stop_; ++i) {
      std::string body = "rec " + std::to_string(i);
      LogBatch batch = service_logs("a", "checkout", "x", 1, 1000 + i);
      batch.records[0].body = body;
      if (!append_logs_and_wait(store_, std::move(batch)).is_ok()) continue;
      std::lock_guard lock(mu_);
      acked_.push_back(body);
    }
  }
  Store& store_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::vector<std::string> acked_;
  std::thread thread_;
};

TEST(StoreBackup, BackupUnderIngestRestoresEveryAcknowledgedRecordExactlyOnce) {
  TempDir dir;
  StoreOptions o = admin_options(dir.path());
  o.maintenance_interval = std::chrono::milliseconds(5);  // merges run alongside
  o.merge_policy.min_parts = 2;
  auto store = open_or_fail(o);
  ASSERT_TRUE(store->add_delete_request({"a", part_format::Signal::kLogs, 1000, 1000, "{service_name=\"checkout\"}"}).is_ok());
  Ingester ingester(*store);
  std::vector<std::string> before;
  for (int round = 0; round < 3; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    before = ingester.acknowledged();
    auto stats = store->backup(dir.path() / "backup");
    ASSERT_TRUE(stats.is_ok()) << stats.status().to_string();
    EXPECT_GT(stats->parts, 0u);
  }
  ingester.stop();
  ASSERT_GT(before.size(), 10u);
  std::set<std::string> all(before.begin(), before.end());
  for (const std::string& b : ingester.acknowledged()) all.insert(b);

  auto restored = restore_backup(dir.path() / "backup", dir.path() / "restored", false);
  ASSERT_TRUE(restored.is_ok()) << restored.status().to_string();
  StoreOptions ro = admin_options(dir.path() / "restored");
  ro.data_dir = dir.path() / "restored";
  auto copy = open_or_fail(ro);
  std::vector<std::string> served = served_bodies(*copy->view(), "a");
  std::multiset<std::string> counts(served.begin(), served.end());
  for (const std::string& b : before) {
    if (b == "rec 0") {  // covered by the delete request, which the backup carries
      EXPECT_EQ(counts.count(b), 0u);
      continue;
    }
    EXPECT_EQ(counts.count(b), 1u) << b;
  }
  for (const std::string& b : served) EXPECT_TRUE(all.count(b)) << b;  // nothing invented
  EXPECT_EQ(copy->delete_requests().size(), 1u);
}

class RestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions o = admin_options(dir_.path());
    auto store = open_or_fail(o);
    for (int f = 0; f < 3; ++f) {
      ASSERT_TRUE(append_logs_and_wait(*store, service_logs("a", "checkout", "b" + std::to_string(f), 20, 1000 + f * 20)).is_ok());
      ASSERT_TRUE(store->flush().is_ok());
    }
    auto stats = store->backup(backup());
    ASSERT_TRUE(stats.is_ok()) << stats.status().to_string();
    stats_ = *stats;
    store_ = std::move(store);
  }
  fsys::path backup() const { return dir_.path() / "backup"; }
  fsys::path target() const { return dir_.path() / "target"; }
  // The first file of a part in the backup.
  fsys::path a_part_file() const {
    for (const auto& e : fsys::recursive_directory_iterator(backup() / "parts"))
      if (e.is_regular_file()) return e.path();
    return {};
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  BackupStats stats_;
};

TEST_F(RestoreTest, ACorruptedBackupIsRefusedAndNothingIsWritten) {
  fsys::path victim = a_part_file();
  ASSERT_FALSE(victim.empty());
  fsys::remove(victim);  // the backup's file is a hard link: replace it, do not edit the store's
  { std::ofstream(victim, std::ios::binary) << "not the part file"; }
  auto r = restore_backup(backup(), target(), false);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("backup damaged: " + victim.string()), std::string::npos)
      << r.status().message();
  EXPECT_FALSE(fsys::exists(target()));
}

TEST_F(RestoreTest, AnIncompleteBackupIsRefused) {
  fsys::remove(backup() / "SUMS");
  auto r = restore_backup(backup(), target(), false);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("not a complete weft backup"), std::string::npos);
}

TEST_F(RestoreTest, ANonEmptyTargetNeedsForce) {
  fsys::create_directories(target());
  { std::ofstream(target() / "something") << "x"; }
  auto r = restore_backup(backup(), target(), false);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("is not empty"), std::string::npos);
  ASSERT_TRUE(restore_backup(backup(), target(), true).is_ok());
  EXPECT_FALSE(fsys::exists(target() / "something"));
  StoreOptions o = admin_options(dir_.path());
  o.data_dir = target();
  EXPECT_EQ(served_bodies(*open_or_fail(o)->view(), "a").size(), 60u);
}

TEST_F(RestoreTest, IncrementalBackupsKeepUnchangedPartsAndDropReplacedOnes) {
  EXPECT_EQ(stats_.parts, 3u);
  EXPECT_EQ(stats_.reused_files, 0u);
  auto again = store_->backup(backup());
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(again->reused_files, again->files - 1);  // all but the manifest
  ASSERT_TRUE(store_->maintain().is_ok());            // merges the three parts into one
  ASSERT_EQ(store_->view()->parts.size(), 1u);
  ASSERT_TRUE(store_->backup(backup()).is_ok());
  size_t part_dirs = 0;
  for (const auto& day : fsys::directory_iterator(backup() / "parts" / "a"))
    for ([[maybe_unused]] const auto& p : fsys::directory_iterator(day.path())) ++part_dirs;
  EXPECT_EQ(part_dirs, 1u);
  ASSERT_TRUE(verify_backup(backup()).is_ok());
  ASSERT_TRUE(restore_backup(backup(), target(), false).is_ok());
  StoreOptions o = admin_options(dir_.path());
  o.data_dir = target();
  EXPECT_EQ(served_bodies(*open_or_fail(o)->view(), "a").size(), 60u);
}

}  // namespace
}  // namespace weft::storage
