#include "otlp/decode_context.h"

#include <gtest/gtest.h>

#include "otlp/otlp_decode.h"

namespace weft::otlp {
namespace {

TEST(DecodePath, FormatsSegments) {
  DecodePath path;
  EXPECT_EQ(path.describe("oops"), "oops");
  PathScope a(path, "resource_logs", 0);
  {
    PathScope b(path, "scope_logs", 12);
    {
      PathScope c(path, "body");
      EXPECT_EQ(path.str(), "resource_logs[0].scope_logs[12].body");
    }
    path.set_index(3);
    EXPECT_EQ(path.describe("bad"), "resource_logs[0].scope_logs[3]: bad");
  }
  EXPECT_EQ(path.str(), "resource_logs[0]");
}

TEST(DecodeReport, KeepsTheFirstMessage) {
  DecodeReport report;
  report.reject("first");
  report.reject("second");
  EXPECT_EQ(report.rejected, 2u);
  EXPECT_EQ(report.message, "first");
}

TEST(IdRules, BytesAndHex) {
  TraceId t;
  EXPECT_TRUE(set_id_bytes(t, ""));
  EXPECT_FALSE(t.present());
  EXPECT_FALSE(set_id_bytes(t, "short"));
  EXPECT_TRUE(set_id_bytes(t, std::string(16, 'a')));
  EXPECT_TRUE(t.present());
  SpanId s;
  EXPECT_TRUE(set_id_hex(s, "00112233AABBccdd"));
  EXPECT_EQ(s.hex(), "00112233aabbccdd");
  EXPECT_FALSE(set_id_hex(s, "00112233aabbccdg"));
  EXPECT_FALSE(s.present());
  EXPECT_FALSE(set_id_hex(s, "0011"));
}

}  // namespace
}  // namespace weft::otlp
