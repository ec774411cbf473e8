// Round trips: random records (every field, every AnyValue kind, unicode and invalid UTF-8,
// empty and megabyte values, duplicate attribute keys, absent ids) written as a part come back
// identical, in (stream, time) order.
#include <gtest/gtest.h>

#include "storage/part/part_test_util.h"

namespace weft::storage {
namespace {

using namespace testing;  // NOLINT: the helpers of part_test_util.h

template <typename Row>
void expect_same_rows(const std::vector<Row>& want, const std::vector<Row>& got) {
  ASSERT_EQ(want.size(), got.size());
  for (size_t i = 0; i < want.size(); ++i) {
    std::string diff;
    if constexpr (std::is_same_v<Row, LogRecord>) diff = log_difference(want[i], got[i]);
    else diff = span_difference(want[i], got[i]);
    ASSERT_EQ(diff, "") << "row " << i;
  }
}

template <typename Row>
void round_trip(uint64_t seed, size_t count, PartWriterOptions options) {
  SCOPED_TRACE("seed " + std::to_string(seed) + ", block rows " + std::to_string(options.max_block_rows));
  RandomRecords gen(seed);
  std::vector<Row> rows;
  for (size_t i = 0; i < count; ++i) {
    if constexpr (std::is_same_v<Row, LogRecord>) rows.push_back(gen.log());
    else rows.push_back(gen.span());
  }
  TempDir dir;
  auto ptrs = pointers(rows);
  Result<PartMeta> meta = [&] {
    if constexpr (std::is_same_v<Row, LogRecord>) return write_log_part(dir.path() / "p", "tenant-a", ptrs, StreamIdentity(), options);
    else return write_span_part(dir.path() / "p", "tenant-a", ptrs, StreamIdentity(), options);
  }();
  ASSERT_TRUE(meta.is_ok()) << meta.status().to_string();
  EXPECT_EQ(meta->rows, count);
  auto part = open_part(dir.path() / "p");
  ASSERT_TRUE(part);
  EXPECT_EQ(part->meta().tenant, "tenant-a");
  EXPECT_TRUE(part->verify().is_ok()) << part->verify().to_string();
  std::vector<Row> got;
  Status read = read_all(part, &got);
  ASSERT_TRUE(read.is_ok()) << read.to_string();
  expect_same_rows(part_order(rows, "tenant-a"), got);
}

TEST(PartRoundTrip, LogsComeBackIdentical) {
  for (uint64_t seed = 1; seed <= 6; ++seed) round_trip<LogRecord>(seed, 700, {});
}

TEST(PartRoundTrip, LogsInSmallBlocks) {
  PartWriterOptions o;
  o.max_block_rows = 7;
  for (uint64_t seed = 10; seed <= 12; ++seed) round_trip<LogRecord>(seed, 500, o);
}

TEST(PartRoundTrip, SpansComeBackIdentical) {
  for (uint64_t seed = 1; seed <= 6; ++seed) round_trip<Span>(seed, 700, {});
  PartWriterOptions o;
  o.max_block_rows = 3;
  round_trip<Span>(99, 300, o);
}

TEST(PartRoundTrip, EveryRowAlone) {
  PartWriterOptions o;
  o.max_block_rows = 1;  // every column is tiny: inline columns everywhere
  round_trip<LogRecord>(21, 200, o);
  round_trip<Span>(22, 200, o);
}

TEST(PartRoundTrip, EmptyPart) {
  TempDir dir;
  std::vector<const LogRecord*> none;
  auto meta = write_log_part(dir.path() / "p", "t", none, StreamIdentity());
  ASSERT_TRUE(meta.is_ok());
  auto part = open_part(dir.path() / "p");
  ASSERT_TRUE(part);
  EXPECT_EQ(part->meta().rows, 0u);
  EXPECT_TRUE(part->verify().is_ok());
  std::vector<LogRecord> got;
  EXPECT_TRUE(read_all(part, &got).is_ok());
  EXPECT_TRUE(got.empty());
}

TEST(PartRoundTrip, RecordsOfOneBlockShareTheirResource) {
  RandomRecords gen(5);
  std::vector<LogRecord> rows;
  for (int i = 0; i < 300; ++i) rows.push_back(gen.log());
  TempDir dir;
  ASSERT_TRUE(write_log_part(dir.path() / "p", "t", pointers(rows), StreamIdentity()).is_ok());
  std::vector<LogRecord> got;
  ASSERT_TRUE(read_all(open_part(dir.path() / "p"), &got).is_ok());
  size_t distinct = 0;
  for (size_t i = 0; i < got.size(); ++i) {
    bool seen = false;
    for (size_t j = 0; j < i && !seen; ++j) seen = got[j].resource == got[i].resource;
    distinct += !seen;
  }
  EXPECT_LE(distinct, gen.resources().size());
}

TEST(PartRoundTrip, MaskDecodesOnlyWhatIsAsked) {
  RandomRecords gen(8);
  std::vector<LogRecord> rows;
  for (int i = 0; i < 400; ++i) rows.push_back(gen.log());
  TempDir dir;
  ASSERT_TRUE(write_log_part(dir.path() / "p", "t", pointers(rows), StreamIdentity()).is_ok());
  auto part = open_part(dir.path() / "p");
  std::vector<LogRecord> want = part_order(rows, "t");

  ColumnMask mask = ColumnMask::time_only();
  mask.add(part_format::ColumnId::kSeverityNumber).add_attribute("user_id");
  std::vector<LogRecord> got;
  BlockCursor cursor(part);
  while (*cursor.next()) ASSERT_TRUE(cursor.read_logs(mask, &got).is_ok());
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].time_unix_nano, want[i].time_unix_nano);
    EXPECT_EQ(got[i].severity_number, want[i].severity_number);
    EXPECT_TRUE(got[i].body.empty());
    EXPECT_FALSE(got[i].resource);
    Attributes only;
    for (const auto& kv : want[i].attributes)
      if (kv.key == "user_id") only.push_back(kv);
    EXPECT_TRUE(same_attributes(only, got[i].attributes)) << i;
  }
  // Everything together is more chunks than the few columns asked for.
  std::vector<LogRecord> all;
  BlockCursor full(part);
  while (*full.next()) ASSERT_TRUE(full.read_logs(ColumnMask::all(), &all).is_ok());
  EXPECT_LT(cursor.stats().chunk_bytes_read, full.stats().chunk_bytes_read / 2);
}

}  // namespace
}  // namespace weft::storage
