#include "storage/engine/manifest.h"

#include <gtest/gtest.h>

#include "storage/engine/engine_format.h"
#include "storage/wal/wal_test_util.h"

namespace weft::storage {
namespace {

Manifest sample() {
  Manifest m;
  m.generation = 7;
  m.wal_replay_from = 42;
  m.next_part_id = 9;
  m.parts.push_back({"parts/acme/2026-11-22/logs-0000000003", "acme", 20414,
                     part_format::Signal::kLogs, 1000, 52000, 1, 2});
  m.parts.push_back({"parts/acme/2026-11-22/spans-0000000004", "acme", 20414,
                     part_format::Signal::kSpans, 10, 900, -5, 5});
  return m;
}

TEST(Manifest, RoundTrips) {
  Manifest m = sample();
  auto decoded = decode_manifest(encode_manifest(m), "MANIFEST");
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_EQ(*decoded, m);
}

TEST(Manifest, EveryFlippedByteIsCaught) {
  std::string text = encode_manifest(sample());
  for (size_t i = 0; i < text.size(); ++i) {
    std::string damaged = text;
    damaged[i] ^= 0x01;
    auto decoded = decode_manifest(damaged, "MANIFEST");
    ASSERT_FALSE(decoded.is_ok()) << "byte " << i;
    EXPECT_EQ(decoded.status().code(), StatusCode::kCorruption);
  }
  EXPECT_FALSE(decode_manifest(text.substr(0, text.size() / 2), "MANIFEST").is_ok());
  EXPECT_FALSE(decode_manifest("", "MANIFEST").is_ok());
}

TEST(Manifest, WriteReplacesAndReadReturnsIt) {
  testing::TempDir dir;
  auto fs = posix_fs();
  auto empty = read_manifest(*fs, dir.path());
  ASSERT_TRUE(empty.is_ok());
  EXPECT_EQ(*empty, Manifest{});
  Manifest m = sample();
  ASSERT_TRUE(write_manifest(*fs, dir.path(), m).is_ok());
  m.generation = 8;
  m.parts.pop_back();
  ASSERT_TRUE(write_manifest(*fs, dir.path(), m).is_ok());
  auto read = read_manifest(*fs, dir.path());
  ASSERT_TRUE(read.is_ok());
  EXPECT_EQ(*read, m);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "MANIFEST.tmp"));
}

TEST(EngineFormat, NamesPartitionsByUtcDay) {
  using namespace engine_format;
  EXPECT_EQ(day_of(0), 0);
  EXPECT_EQ(day_of(-1), -1);
  EXPECT_EQ(day_name(day_of(1795305600LL * 1000000000LL)), "2026-11-22");
  EXPECT_EQ(day_name(-1), "1969-12-31");
  EXPECT_EQ(part_dir("acme", 0, part_format::Signal::kSpans, 42),
            "parts/acme/1970-01-01/spans-0000000042");
}

}  // namespace
}  // namespace weft::storage
