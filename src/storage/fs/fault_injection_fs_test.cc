// FaultInjectionFs keeps exactly what the durability contract of fs.h promises across a crash.
#include "storage/fs/fault_injection_fs.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "storage/wal/wal_test_util.h"

namespace weft::storage {
namespace {

using testing::read_bytes;
using testing::TempDir;

Status write_file(Fs& fs, const std::filesystem::path& p, std::string_view data, bool sync) {
  auto f = fs.create(p);
  if (!f.is_ok()) return f.status();
  WEFT_RETURN_IF_ERROR((*f)->append(data));
  return sync ? (*f)->sync() : Status::ok();
}

TEST(FaultInjectionFs, UnsyncedBytesAndEntriesAreLost) {
  TempDir dir;
  FaultInjectionFs fs;
  ASSERT_TRUE(write_file(fs, dir.path() / "durable", "kept", true).is_ok());
  ASSERT_TRUE(fs.sync_dir(dir.path()).is_ok());
  ASSERT_TRUE(write_file(fs, dir.path() / "unsynced-data", "lost", false).is_ok());
  ASSERT_TRUE(write_file(fs, dir.path() / "unsynced-entry", "gone", true).is_ok());
  // unsynced-data's entry is made durable, its bytes are not.
  ASSERT_TRUE(fs.sync_dir(dir.path()).is_ok());
  ASSERT_TRUE(write_file(fs, dir.path() / "unsynced-entry2", "gone", true).is_ok());
  fs.crash();
  EXPECT_EQ(read_bytes(dir.path() / "durable"), "kept");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "unsynced-data"));
  EXPECT_EQ(read_bytes(dir.path() / "unsynced-data"), "");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "unsynced-entry"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "unsynced-entry2"));
}

TEST(FaultInjectionFs, UnsyncedRenamesAreUndone) {
  TempDir dir;
  FaultInjectionFs fs;
  ASSERT_TRUE(write_file(fs, dir.path() / "manifest", "old", true).is_ok());
  ASSERT_TRUE(fs.create_dir(dir.path() / "part.tmp").is_ok());
  ASSERT_TRUE(write_file(fs, dir.path() / "part.tmp" / "f", "data", true).is_ok());
  ASSERT_TRUE(fs.sync_dir(dir.path() / "part.tmp").is_ok());
  ASSERT_TRUE(fs.sync_dir(dir.path()).is_ok());
  ASSERT_TRUE(fs.rename(dir.path() / "part.tmp", dir.path() / "part").is_ok());
  ASSERT_TRUE(write_file(fs, dir.path() / "manifest.new", "new", true).is_ok());
  ASSERT_TRUE(fs.rename(dir.path() / "manifest.new", dir.path() / "manifest").is_ok());
  fs.crash();
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "part"));
  EXPECT_EQ(read_bytes(dir.path() / "part.tmp" / "f"), "data");
  EXPECT_EQ(read_bytes(dir.path() / "manifest"), "old");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "manifest.new"));

  // The same renames, made durable, survive.
  ASSERT_TRUE(fs.rename(dir.path() / "part.tmp", dir.path() / "part").is_ok());
  ASSERT_TRUE(fs.sync_dir(dir.path()).is_ok());
  fs.crash();
  EXPECT_EQ(read_bytes(dir.path() / "part" / "f"), "data");
}

TEST(FaultInjectionFs, PowerCutFailsEveryLaterOperation) {
  TempDir dir;
  FaultInjectionFs fs;
  fs.power_cut_after_ops(2);
  auto f = fs.create(dir.path() / "a");  // op 0
  ASSERT_TRUE(f.is_ok());
  EXPECT_TRUE((*f)->append("x").is_ok());  // op 1
  EXPECT_FALSE((*f)->sync().is_ok());      // op 2: the power goes out
  EXPECT_TRUE(fs.dead());
  EXPECT_FALSE(fs.create_dir(dir.path() / "b").is_ok());
  fs.crash();
  EXPECT_FALSE(fs.dead());
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "a"));
  EXPECT_TRUE(fs.create_dir(dir.path() / "b").is_ok());
}

}  // namespace
}  // namespace weft::storage
