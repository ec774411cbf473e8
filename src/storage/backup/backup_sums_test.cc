#include "storage/backup/backup_sums.h"

#include <gtest/gtest.h>

#include <vector>

#include "storage/engine/checksummed_file.h"

namespace weft::storage {
namespace {

TEST(BackupSums, RoundTrips) {
  BackupSums sums{{"MANIFEST", {7, 0x0123456789abcdef}}, {"parts/t/2026-11-22/logs-0000000001/meta.bin", {12, 255}}};
  auto back = decode_backup_sums(encode_backup_sums(sums), "SUMS");
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(*back, sums);
}

TEST(BackupSums, PathsLeavingTheBackupAreDamage) {
  for (const std::string& line : std::vector<std::string>{"00000000000000ff 1 ../etc/passwd", "00000000000000ff 1 /etc/passwd",
                           "00000000000000ff 1 parts/./x", std::string("00000000000000ff 1 a\0b", 22),
                           "ff 1 x", "00000000000000ff x y", "00000000000000ff 1"}) {
    auto r = decode_backup_sums(frame_with_checksum(line + "\n"), "SUMS");
    ASSERT_FALSE(r.is_ok()) << line;
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  }
  auto r = decode_backup_sums("00000000000000ff 1 x\nxxh3:0000000000000000\n", "SUMS");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("checksum mismatch"), std::string::npos);
}

}  // namespace
}  // namespace weft::storage
