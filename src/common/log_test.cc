#include "common/log.h"

#include <gtest/gtest.h>

namespace weft::log {
namespace {

TEST(LogTest, FormatsLogfmtAndQuotesWhenNeeded) {
  EXPECT_EQ(format_line("T", Level::kInfo, "wal replayed", {{"entries", 3}, {"dir", "/a b"}}),
            "ts=T level=info msg=\"wal replayed\" entries=3 dir=\"/a b\"");
  EXPECT_EQ(format_line("T", Level::kWarn, "x", {{"err", "say \"hi\"\n"}, {"empty", ""}}),
            "ts=T level=warn msg=x err=\"say \\\"hi\\\"\\n\" empty=\"\"");
}

}  // namespace
}  // namespace weft::log
