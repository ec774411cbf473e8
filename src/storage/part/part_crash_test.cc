// Crash safety of part writing and merging: the power is cut at every filesystem operation in
// turn (FaultInjectionFs drops whatever was not durable); afterwards the part's final name
// either does not exist or holds the complete part, and a retry succeeds.
#include <gtest/gtest.h>

#include "storage/fs/fault_injection_fs.h"
#include "storage/part/part_merge.h"
#include "storage/part/part_test_util.h"

namespace weft::storage {
namespace {

using namespace testing;  // NOLINT: the helpers of part_test_util.h

std::vector<LogRecord> some_logs(uint64_t seed, int n) {
  RandomRecords gen(seed);
  gen.set_large_values(false);
  std::vector<LogRecord> rows;
  for (int i = 0; i < n; ++i) rows.push_back(gen.log());
  return rows;
}

// After a crash: `dir` is absent, or it is the whole part (every row of `want`).
void expect_all_or_nothing(const std::filesystem::path& dir, const std::vector<LogRecord>& want, const std::string& where) {
  if (!std::filesystem::exists(dir)) return;
  auto part = PartReader::open(dir);
  ASSERT_TRUE(part.is_ok()) << where << ": " << part.status().to_string();
  ASSERT_TRUE((*part)->verify().is_ok()) << where;
  std::vector<LogRecord> got;
  ASSERT_TRUE(read_all(*part, &got).is_ok()) << where;
  ASSERT_EQ(got.size(), want.size()) << where;
}

// Runs `op` with the power cut at operation `cut` (-1: never) and crashes; returns op's status.
template <typename Op>
Status run_with_cut(FaultInjectionFs& fs, int64_t cut, Op op) {
  fs.power_cut_after_ops(cut);
  Status s = op();
  fs.crash();
  return s;
}

TEST(PartCrash, WriteIsAllOrNothingAtEveryStep) {
  TempDir dir;
  std::vector<LogRecord> rows = some_logs(60, 200);
  auto fs = std::make_shared<FaultInjectionFs>();
  PartWriterOptions o;
  o.fs = fs;
  o.max_block_rows = 50;
  auto write = [&](const std::filesystem::path& p) {
    return write_log_part(p, "t", pointers(rows), StreamIdentity(), o).status();
  };
  uint64_t before = fs->mutating_ops();
  ASSERT_TRUE(write(dir.path() / "count").is_ok());
  int64_t steps = static_cast<int64_t>(fs->mutating_ops() - before);
  ASSERT_GT(steps, 10);
  for (int64_t cut = 0; cut <= steps; ++cut) {
    std::string where = "power cut at step " + std::to_string(cut);
    auto p = dir.path() / ("p" + std::to_string(cut));
    Status s = run_with_cut(*fs, cut, [&] { return write(p); });
    if (s.is_ok()) {
      ASSERT_TRUE(std::filesystem::exists(p)) << where << ": acknowledged part lost";
    }
    expect_all_or_nothing(p, rows, where);
    if (!std::filesystem::exists(p)) {
      // A retry after the crash succeeds (a leftover "<p>.tmp" is cleaned up).
      ASSERT_TRUE(write(p).is_ok()) << where;
      EXPECT_FALSE(std::filesystem::exists(p.string() + ".tmp")) << where;
    }
  }
}

TEST(PartCrash, MergeIsAllOrNothingAtEveryStep) {
  TempDir dir;
  std::vector<std::shared_ptr<const PartReader>> inputs;
  std::vector<LogRecord> all;
  for (int i = 0; i < 2; ++i) {
    std::vector<LogRecord> rows = some_logs(70 + i, 120);
    ASSERT_TRUE(write_log_part(dir.path() / ("in" + std::to_string(i)), "t", pointers(rows), StreamIdentity()).is_ok());
    inputs.push_back(open_part(dir.path() / ("in" + std::to_string(i))));
    all.insert(all.end(), rows.begin(), rows.end());
  }
  auto fs = std::make_shared<FaultInjectionFs>();
  MergeOptions o;
  o.writer.fs = fs;
  o.writer.max_block_rows = 40;
  uint64_t before = fs->mutating_ops();
  ASSERT_TRUE(merge_parts(inputs, dir.path() / "count", o).is_ok());
  int64_t steps = static_cast<int64_t>(fs->mutating_ops() - before);
  for (int64_t cut = 0; cut <= steps; ++cut) {
    std::string where = "power cut at step " + std::to_string(cut);
    auto p = dir.path() / ("m" + std::to_string(cut));
    Status s = run_with_cut(*fs, cut, [&] { return merge_parts(inputs, p, o).status(); });
    if (s.is_ok()) ASSERT_TRUE(std::filesystem::exists(p)) << where;
    expect_all_or_nothing(p, all, where);
    for (const auto& in : inputs) ASSERT_TRUE(in->verify().is_ok()) << where << ": an input was damaged";
  }
}

}  // namespace
}  // namespace weft::storage
