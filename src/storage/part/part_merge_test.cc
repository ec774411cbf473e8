// Merges: N parts in, one part out with every row in (stream, time) order (ties in input
// order), rows dropped by the predicate gone, output deterministic.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "storage/part/part_merge.h"
#include "storage/part/part_test_util.h"

namespace weft::storage {
namespace {

using namespace testing;  // NOLINT: the helpers of part_test_util.h

template <typename Row>
Row make(RandomRecords& gen) {
  if constexpr (std::is_same_v<Row, LogRecord>) return gen.log();
  else return gen.span();
}

template <typename Row>
Result<PartMeta> write_part(const std::filesystem::path& dir, std::string_view tenant, const std::vector<Row>& rows,
                            PartWriterOptions o = {}) {
  if constexpr (std::is_same_v<Row, LogRecord>) return write_log_part(dir, tenant, pointers(rows), StreamIdentity(), o);
  else return write_span_part(dir, tenant, pointers(rows), StreamIdentity(), o);
}

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

template <typename Row>
class PartMerge : public ::testing::Test {
 protected:
  // Three parts of overlapping streams and times; `all` gets their rows in input order.
  void make_inputs(size_t per_part) {
    for (int p = 0; p < 3; ++p) {
      RandomRecords gen(40 + p);
      gen.set_large_values(false);
      std::vector<Row> rows;
      for (size_t i = 0; i < per_part; ++i) rows.push_back(make<Row>(gen));
      PartWriterOptions o;
      o.max_block_rows = 5 + 7 * p;
      auto path = dir_.path() / ("in-" + std::to_string(p));
      ASSERT_TRUE(write_part(path, "t", rows, o).is_ok());
      inputs_.push_back(open_part(path));
      all_.insert(all_.end(), rows.begin(), rows.end());
    }
  }

  std::vector<Row> read(const std::filesystem::path& path) {
    std::vector<Row> got;
    EXPECT_TRUE(read_all(open_part(path), &got).is_ok());
    return got;
  }

  void expect_rows(const std::vector<Row>& want, const std::vector<Row>& got) {
    ASSERT_EQ(want.size(), got.size());
    for (size_t i = 0; i < want.size(); ++i) {
      if constexpr (std::is_same_v<Row, LogRecord>) ASSERT_EQ(log_difference(want[i], got[i]), "") << i;
      else ASSERT_EQ(span_difference(want[i], got[i]), "") << i;
    }
  }

  TempDir dir_;
  std::vector<std::shared_ptr<const PartReader>> inputs_;
  std::vector<Row> all_;
};

using Signals = ::testing::Types<LogRecord, Span>;
TYPED_TEST_SUITE(PartMerge, Signals);

TYPED_TEST(PartMerge, MergedRowsAreTheSortedUnion) {
  this->make_inputs(400);
  auto merged = merge_parts(this->inputs_, this->dir_.path() / "out");
  ASSERT_TRUE(merged.is_ok()) << merged.status().to_string();
  EXPECT_EQ(merged->rows_read, 1200u);
  EXPECT_EQ(merged->rows_dropped, 0u);
  EXPECT_EQ(merged->meta.rows, 1200u);
  EXPECT_TRUE(open_part(this->dir_.path() / "out")->verify().is_ok());
  this->expect_rows(part_order(this->all_, "t"), this->read(this->dir_.path() / "out"));
}

TYPED_TEST(PartMerge, PredicateDropsRows) {
  this->make_inputs(300);
  MergeOptions o;
  auto drop = [](const auto& row) {
    for (const auto& kv : row.attributes)
      if (kv.key == "user_id") return true;
    return false;
  };
  o.keep_log = [&](const StreamId&, const LogRecord& r) { return !drop(r); };
  o.keep_span = [&](const StreamId&, const Span& s) { return !drop(s); };
  auto merged = merge_parts(this->inputs_, this->dir_.path() / "out", o);
  ASSERT_TRUE(merged.is_ok());
  std::vector<TypeParam> want;
  for (const auto& r : part_order(this->all_, "t"))
    if (!drop(r)) want.push_back(r);
  EXPECT_GT(merged->rows_dropped, 0u);
  EXPECT_EQ(merged->rows_dropped + want.size(), 900u);
  this->expect_rows(want, this->read(this->dir_.path() / "out"));

  o.keep_log = [](const StreamId&, const LogRecord&) { return false; };
  o.keep_span = [](const StreamId&, const Span&) { return false; };
  auto none = merge_parts(this->inputs_, this->dir_.path() / "empty", o);
  ASSERT_TRUE(none.is_ok());
  EXPECT_EQ(none->meta.rows, 0u);
  EXPECT_TRUE(this->read(this->dir_.path() / "empty").empty());
}

TYPED_TEST(PartMerge, OutputIsDeterministic) {
  this->make_inputs(200);
  ASSERT_TRUE(merge_parts(this->inputs_, this->dir_.path() / "a").is_ok());
  ASSERT_TRUE(merge_parts(this->inputs_, this->dir_.path() / "b").is_ok());
  for (const char* f : {"meta.bin", "streams.bin", "index.bin", "columns.bin", "blooms.bin"})
    EXPECT_EQ(file_bytes(this->dir_.path() / "a" / f), file_bytes(this->dir_.path() / "b" / f)) << f;
  // The output name is taken: a second merge into it is refused and leaves it intact.
  EXPECT_EQ(merge_parts(this->inputs_, this->dir_.path() / "a").status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(open_part(this->dir_.path() / "a")->verify().is_ok());
}

TEST(PartMergeInputs, RefusesMixedTenantsAndSignals) {
  TempDir dir;
  RandomRecords gen(50);
  std::vector<LogRecord> logs = {gen.log()};
  std::vector<Span> spans = {gen.span()};
  ASSERT_TRUE(write_log_part(dir.path() / "a", "t1", pointers(logs), StreamIdentity()).is_ok());
  ASSERT_TRUE(write_log_part(dir.path() / "b", "t2", pointers(logs), StreamIdentity()).is_ok());
  ASSERT_TRUE(write_span_part(dir.path() / "c", "t1", pointers(spans), StreamIdentity()).is_ok());
  std::vector<std::shared_ptr<const PartReader>> tenants = {open_part(dir.path() / "a"), open_part(dir.path() / "b")};
  std::vector<std::shared_ptr<const PartReader>> signals = {open_part(dir.path() / "a"), open_part(dir.path() / "c")};
  EXPECT_EQ(merge_parts(tenants, dir.path() / "x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(merge_parts(signals, dir.path() / "y").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(merge_parts({}, dir.path() / "z").status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "x"));
}

TEST(PartMergeInputs, ACancelledMergeStopsWithUnavailable) {
  TempDir dir;
  RandomRecords gen(51);
  std::vector<LogRecord> logs;
  for (int i = 0; i < 10000; ++i) logs.push_back(gen.log());
  ASSERT_TRUE(write_log_part(dir.path() / "a", "t", pointers(logs), StreamIdentity()).is_ok());
  ASSERT_TRUE(write_log_part(dir.path() / "b", "t", pointers(logs), StreamIdentity()).is_ok());
  std::vector<std::shared_ptr<const PartReader>> inputs = {open_part(dir.path() / "a"), open_part(dir.path() / "b")};
  int polls = 0;
  MergeOptions o;
  o.cancelled = [&] { return ++polls == 3; };  // after ~8k of the 20k rows
  auto merged = merge_parts(inputs, dir.path() / "out", o);
  EXPECT_EQ(merged.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(polls, 3);
  o.cancelled = [] { return false; };
  auto whole = merge_parts(inputs, dir.path() / "again", o);
  ASSERT_TRUE(whole.is_ok()) << whole.status().to_string();
  EXPECT_EQ(whole->rows_read, 20000u);
}

}  // namespace
}  // namespace weft::storage
