#include "storage/store_entry.h"

#include <gtest/gtest.h>

#include "storage/store_test_util.h"

namespace weft::storage {
namespace {

using testing::test_logs;
using testing::test_spans;

TEST(StoreEntry, LogsRoundTrip) {
  LogBatch batch = test_logs("tenant-a", 5);
  std::string entry = encode_log_entry(batch);
  EXPECT_EQ(entry[0], 1);
  EXPECT_EQ(entry[1], 1);
  auto decoded = decode_store_entry(entry);
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_EQ(decoded->signal, Signal::kLogs);
  EXPECT_EQ(decoded->logs.tenant, "tenant-a");
  ASSERT_EQ(decoded->logs.records.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    const LogRecord& a = batch.records[i];
    const LogRecord& b = decoded->logs.records[i];
    EXPECT_EQ(a.time_unix_nano, b.time_unix_nano);
    EXPECT_EQ(a.observed_time_unix_nano, b.observed_time_unix_nano);
    EXPECT_EQ(a.body, b.body);
    EXPECT_EQ(a.attributes, b.attributes);
    EXPECT_EQ(a.trace_id, b.trace_id);
    EXPECT_EQ(*a.resource, *b.resource);
  }
  // Records that shared one resource still share one after decoding.
  EXPECT_EQ(decoded->logs.records[0].resource, decoded->logs.records[4].resource);
  EXPECT_EQ(decoded->rejected, 0u);
}

TEST(StoreEntry, SpansRoundTrip) {
  SpanBatch batch = test_spans("", 3);
  auto decoded = decode_store_entry(encode_span_entry(batch));
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_EQ(decoded->signal, Signal::kSpans);
  EXPECT_EQ(decoded->spans.tenant, "");
  ASSERT_EQ(decoded->spans.spans.size(), 3u);
  EXPECT_EQ(decoded->spans.spans[2].name, "op 2");
  EXPECT_EQ(decoded->spans.spans[2].span_id, batch.spans[2].span_id);
}

TEST(StoreEntry, MalformedEntriesAreCorruption) {
  std::string good = encode_log_entry(test_logs("t", 1));
  auto code = [](std::string_view e) { return decode_store_entry(e).status().code(); };
  EXPECT_EQ(code(good.substr(0, 5)), StatusCode::kCorruption);
  std::string version = good;
  version[0] = 9;
  EXPECT_EQ(code(version), StatusCode::kCorruption);
  std::string signal = good;
  signal[1] = 3;
  EXPECT_EQ(code(signal), StatusCode::kCorruption);
  std::string tenant = good.substr(0, 7);
  tenant[2] = 100;
  EXPECT_EQ(code(tenant), StatusCode::kCorruption);
  std::string proto = good.substr(0, 7) + "\xff\xff\xff";
  EXPECT_EQ(code(proto), StatusCode::kCorruption);
}

}  // namespace
}  // namespace weft::storage
