// Pruning: a cursor never skips a block holding a matching row (checked against a brute-force
// scan for many random filters), and does skip blocks that cannot match.
#include <gtest/gtest.h>

#include <set>

#include "storage/part/part_test_util.h"
#include "storage/part/tokenizer.h"
#include "storage/part/value_vector_codec.h"

namespace weft::storage {
namespace {

using namespace testing;  // NOLINT: the helpers of part_test_util.h
using part_format::ColumnId;

constexpr std::string_view kTenant = "t";

// The texts of a record that a token filter on `ref` looks at.
std::vector<std::string> texts_of(const LogRecord& r, const ColumnRef& ref) {
  std::vector<std::string_view> v;
  auto attrs = [&](const Attributes& a, std::string_view key, bool any) {
    for (const auto& kv : a)
      if (any || kv.key == key) collect_value_texts(kv.value, &v);
  };
  bool any = ref.kind == ColumnRef::Kind::kAny;
  if (any || (ref.kind == ColumnRef::Kind::kColumn && ref.id == ColumnId::kBody)) collect_value_texts(r.body, &v);
  if (any || ref.kind == ColumnRef::Kind::kAttribute) attrs(r.attributes, ref.key, any);
  if (any) {
    v.push_back(r.severity_text);
    v.push_back(r.event_name);
    attrs(r.resource->attributes, "", true);
    v.push_back(r.scope->name);
    v.push_back(r.scope->version);
    attrs(r.scope->attributes, "", true);
  }
  return {v.begin(), v.end()};
}

bool has_token(const LogRecord& r, const TokenFilter& t) {
  for (const std::string& text : texts_of(r, t.column))
    for (std::string_view tok : tokenize(text))
      if (tok == t.token) return true;
  return false;
}

bool matches(const LogRecord& r, const BlockFilter& f) {
  UnixNanos t = r.effective_time();
  if (t < f.min_time || t > f.max_time) return false;
  if (!f.streams.empty() &&
      std::find(f.streams.begin(), f.streams.end(), StreamIdentity().id_of(kTenant, *r.resource)) == f.streams.end())
    return false;
  for (const auto& tf : f.tokens)
    if (!has_token(r, tf)) return false;
  if (!f.trace_ids.empty() && std::find(f.trace_ids.begin(), f.trace_ids.end(), r.trace_id) == f.trace_ids.end())
    return false;
  return true;
}

class PartPruning : public ::testing::Test {
 protected:
  void SetUp() override {
    RandomRecords gen(11);
    gen.set_large_values(false);
    for (int i = 0; i < 3000; ++i) rows_.push_back(gen.log());
    PartWriterOptions o;
    o.max_block_rows = 16;  // many blocks, and several index groups
    ASSERT_TRUE(write_log_part(dir_.path() / "p", kTenant, pointers(rows_), StreamIdentity(), o).is_ok());
    part_ = open_part(dir_.path() / "p");
    ASSERT_TRUE(part_);
    ASSERT_GT(part_->meta().groups.size(), 1u);
  }

  // Rows the cursor returns for `f`, and its stats.
  std::vector<LogRecord> scan(const BlockFilter& f, CursorStats* stats = nullptr) {
    std::vector<LogRecord> out;
    BlockCursor c(part_, f);
    while (true) {
      Result<bool> more = c.next();
      EXPECT_TRUE(more.is_ok());
      if (!more.is_ok() || !*more) break;
      EXPECT_TRUE(c.read_logs(ColumnMask::all(), &out).is_ok());
    }
    if (stats) *stats = c.stats();
    return out;
  }

  // Every row matching f is among the rows of the blocks the cursor kept.
  void expect_no_false_negative(const BlockFilter& f) {
    std::vector<LogRecord> kept = scan(f);
    size_t want = 0, found = 0;
    for (const auto& r : rows_) want += matches(r, f);
    for (const auto& r : kept) found += matches(r, f);
    EXPECT_EQ(found, want);
  }

  TempDir dir_;
  std::vector<LogRecord> rows_;
  std::shared_ptr<const PartReader> part_;
};

TEST_F(PartPruning, NeverSkipsAMatchingBlock) {
  RandomRecords pick(12);
  std::vector<ColumnRef> refs = {ColumnRef::column(ColumnId::kBody), ColumnRef::attribute("user_id"),
                                 ColumnRef::attribute("ключ"), ColumnRef::any()};
  for (int round = 0; round < 200; ++round) {
    BlockFilter f;
    const LogRecord& probe = rows_[pick.num(0, rows_.size() - 1)];
    if (pick.chance(50)) {
      f.min_time = probe.effective_time() - static_cast<int64_t>(pick.num(0, 5'000'000'000));
      f.max_time = probe.effective_time() + static_cast<int64_t>(pick.num(0, 5'000'000'000));
    }
    if (pick.chance(40)) f.streams.push_back(StreamIdentity().id_of(kTenant, *probe.resource));
    if (pick.chance(60)) {
      ColumnRef ref = refs[pick.num(0, refs.size() - 1)];
      std::vector<std::string> texts = texts_of(probe, ref);
      std::vector<std::string_view> tokens;
      for (const auto& t : texts)
        for (auto tok : tokenize(t)) tokens.push_back(tok);
      if (!tokens.empty()) f.tokens.push_back({ref, std::string(tokens[pick.num(0, tokens.size() - 1)])});
    }
    if (pick.chance(30) && probe.trace_id.present()) f.trace_ids.push_back(probe.trace_id);
    SCOPED_TRACE("round " + std::to_string(round));
    expect_no_false_negative(f);
  }
}

TEST_F(PartPruning, SkipsBlocksThatCannotMatch) {
  CursorStats s;
  BlockFilter absent_word;
  absent_word.tokens.push_back({ColumnRef::column(ColumnId::kBody), "zzz_not_a_word_here"});
  EXPECT_TRUE(scan(absent_word, &s).empty() || s.blocks_matched * 20 < s.blocks_seen);
  EXPECT_GT(s.pruned_by_token, 0u);

  BlockFilter absent_trace;
  TraceId t;
  t.bytes.fill(0xee);
  absent_trace.trace_ids.push_back(t);
  scan(absent_trace, &s);
  EXPECT_LT(s.blocks_matched * 20, s.blocks_seen);

  // Time and stream pruning are exact: no block outside the range or of another stream.
  BlockFilter window;
  window.min_time = rows_[0].effective_time();
  window.max_time = window.min_time;
  window.streams.push_back(StreamIdentity().id_of(kTenant, *rows_[0].resource));
  std::vector<LogRecord> kept = scan(window, &s);
  EXPECT_GT(s.groups_skipped + s.pruned_by_time + s.pruned_by_stream, 0u);
  for (const auto& r : kept) EXPECT_EQ(StreamIdentity().id_of(kTenant, *r.resource), window.streams[0]);
  EXPECT_LT(kept.size(), rows_.size() / 4);

  BlockFilter nothing_in_time;
  nothing_in_time.min_time = 0;
  nothing_in_time.max_time = -1;
  EXPECT_TRUE(scan(nothing_in_time, &s).empty());
  EXPECT_EQ(s.blocks_seen, 0u);  // whole index groups skipped, none read
}

TEST_F(PartPruning, AFilterOnAnAbsentAttributeSkipsEverything) {
  BlockFilter f;
  f.tokens.push_back({ColumnRef::attribute("no.such.key"), "x"});
  CursorStats s;
  EXPECT_TRUE(scan(f, &s).empty());
  EXPECT_EQ(s.blocks_matched, 0u);
}

}  // namespace
}  // namespace weft::storage
