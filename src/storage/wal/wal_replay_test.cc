// Wal::replay on damaged directories: torn tails are cut off, damage elsewhere is skipped.
#include <gtest/gtest.h>

#include "storage/wal/wal.h"
#include "storage/wal/wal_format.h"
#include "storage/wal/wal_test_util.h"

namespace weft::storage {
namespace {

using namespace testing;  // NOLINT: the helpers of wal_test_util.h
namespace wf = wal_format;

using Entries = std::vector<std::string>;

// Writes each group of entries through a Wal of its own, so each group is its own segment.
void write_segments(const std::filesystem::path& dir, const std::vector<Entries>& segments) {
  for (const Entries& entries : segments) {
    auto wal = Wal::open(wal_options(dir));
    ASSERT_TRUE(wal.is_ok());
    (*wal)->start({});
    for (const auto& e : entries) ASSERT_TRUE(append_and_wait(**wal, e).is_ok());
  }
}

std::filesystem::path last_segment(const std::filesystem::path& dir) {
  return segments_of(dir).back().path;
}

TEST(WalReplay, TornTailAtEveryOffsetOfTheLastEntry) {
  TempDir scratch;
  write_segments(scratch.path() / "src", {{"alpha", "beta", "the entry that will be torn"}});
  std::string full = read_bytes(last_segment(scratch.path() / "src"));
  size_t last_entry = full.size() - wf::kEntryHeaderSize - 27;
  for (size_t cut = last_entry + 1; cut < full.size(); ++cut) {
    auto dir = scratch.path() / ("cut" + std::to_string(cut));
    write_segments(dir, {{"stale entry"}});
    write_bytes(last_segment(dir), full.substr(0, cut));
    Replayed r = replay_all(dir);
    EXPECT_EQ(r.entries, (Entries{"alpha", "beta"})) << cut;
    EXPECT_EQ(r.stats.truncated_bytes, cut - last_entry) << cut;
    EXPECT_EQ(std::filesystem::file_size(last_segment(dir)), last_entry) << cut;
    // Repaired: a second replay finds nothing to cut.
    EXPECT_EQ(replay_all(dir).stats.truncated_bytes, 0u);
  }
}

TEST(WalReplay, AppendsAfterATruncatedTailSurvive) {
  TempDir dir;
  write_segments(dir.path(), {{"kept", "torn"}});
  std::string bytes = read_bytes(last_segment(dir.path()));
  write_bytes(last_segment(dir.path()), bytes.substr(0, bytes.size() - 2));
  {
    auto wal = Wal::open(wal_options(dir.path()));
    ASSERT_TRUE(wal.is_ok());
    ASSERT_TRUE((*wal)->replay([](std::string_view) {}).is_ok());
    (*wal)->start({});
    ASSERT_TRUE(append_and_wait(**wal, "after").is_ok());
  }
  EXPECT_EQ(replay_all(dir.path()).entries, (Entries{"kept", "after"}));
}

TEST(WalReplay, FlippedBitInTheLastEntryIsCutOff) {
  TempDir dir;
  write_segments(dir.path(), {{"good", "flipped"}});
  std::string bytes = read_bytes(last_segment(dir.path()));
  bytes[bytes.size() - 3] ^= 0x10;
  write_bytes(last_segment(dir.path()), bytes);
  Replayed r = replay_all(dir.path());
  EXPECT_EQ(r.entries, Entries{"good"});
  EXPECT_EQ(r.stats.truncated_bytes, wf::kEntryHeaderSize + 7);
}

TEST(WalReplay, ZeroFilledTailIsCutOff) {
  TempDir dir;
  write_segments(dir.path(), {{"a", "b"}});
  auto path = last_segment(dir.path());
  std::string bytes = read_bytes(path);
  write_bytes(path, bytes + std::string(8192, '\0'));
  Replayed r = replay_all(dir.path());
  EXPECT_EQ(r.entries, (Entries{"a", "b"}));
  EXPECT_EQ(r.stats.truncated_bytes, 8192u);
  EXPECT_EQ(std::filesystem::file_size(path), bytes.size());
}

TEST(WalReplay, TornHeaderOfTheLastSegment) {
  TempDir dir;
  write_segments(dir.path(), {{"a"}});
  write_bytes(dir.path() / wf::segment_file_name(2), std::string(5, '\0'));
  Replayed r = replay_all(dir.path());
  EXPECT_EQ(r.entries, Entries{"a"});
  EXPECT_EQ(r.stats.truncated_bytes, 5u);
  EXPECT_EQ(std::filesystem::file_size(dir.path() / wf::segment_file_name(2)), 0u);
}

TEST(WalReplay, CorruptionInAnEarlierSegmentSkipsOnlyItsRest) {
  TempDir dir;
  write_segments(dir.path(), {{"1a", "1b"}, {"2a", "2b", "2c"}, {"3a"}});
  auto middle = segments_of(dir.path())[1].path;
  std::string bytes = read_bytes(middle);
  size_t second_entry = wf::kSegmentHeaderSize + wf::kEntryHeaderSize + 2;
  bytes[second_entry + wf::kEntryHeaderSize] ^= 1;  // first payload byte of "2b"
  write_bytes(middle, bytes);
  Replayed r = replay_all(dir.path());
  EXPECT_EQ(r.entries, (Entries{"1a", "1b", "2a", "3a"}));
  EXPECT_EQ(r.stats.corrupt_segments, 1u);
  EXPECT_EQ(r.stats.skipped_bytes, bytes.size() - second_entry);
  EXPECT_EQ(r.stats.truncated_bytes, 0u);
  EXPECT_EQ(read_bytes(middle), bytes);  // kept on disk as it was
}

TEST(WalReplay, BadMagicSkipsTheWholeSegmentAndKeepsIt) {
  TempDir dir;
  write_segments(dir.path(), {{"1a"}, {"2a"}});
  for (size_t victim : {0u, 1u}) {
    auto path = segments_of(dir.path())[victim].path;
    std::string original = read_bytes(path);
    std::string bad = original;
    bad[0] = 'X';
    write_bytes(path, bad);
    Replayed r = replay_all(dir.path());
    EXPECT_EQ(r.entries, Entries{victim == 0 ? "2a" : "1a"});
    EXPECT_EQ(r.stats.skipped_bytes, bad.size());
    EXPECT_EQ(read_bytes(path), bad);  // even the last segment is not truncated
    write_bytes(path, original);
  }
}

TEST(WalReplay, IgnoresForeignFiles) {
  TempDir dir;
  write_segments(dir.path(), {{"a"}});
  write_bytes(dir.path() / "notes.txt", "hello");
  write_bytes(dir.path() / "1.wal", "garbage");
  EXPECT_EQ(replay_all(dir.path()).entries, Entries{"a"});
}

}  // namespace
}  // namespace weft::storage
