// FaultInjectionFs: a rename over an existing file that was not made durable is undone by a
// crash, bringing back the replaced file (the manifest replacement pattern).
#include <gtest/gtest.h>

#include "storage/fs/fault_injection_fs.h"
#include "storage/wal/wal_test_util.h"

namespace weft::storage {
namespace {

TEST(FaultInjectionFs, CrashUndoesAnUnsyncedReplacingRename) {
  testing::TempDir dir;
  FaultInjectionFs fs;
  auto write = [&](const std::filesystem::path& path, std::string_view text) {
    auto file = fs.create(path);
    ASSERT_TRUE(file.is_ok());
    ASSERT_TRUE((*file)->append(text).is_ok());
    ASSERT_TRUE((*file)->sync().is_ok());
  };
  write(dir.path() / "tmp", "old");
  ASSERT_TRUE(fs.rename(dir.path() / "tmp", dir.path() / "current").is_ok());
  ASSERT_TRUE(fs.sync_dir(dir.path()).is_ok());
  write(dir.path() / "tmp", "new");
  ASSERT_TRUE(fs.rename(dir.path() / "tmp", dir.path() / "current").is_ok());
  fs.crash();  // the second rename was never made durable
  EXPECT_EQ(testing::read_bytes(dir.path() / "current"), "old");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "tmp"));
}

}  // namespace
}  // namespace weft::storage
