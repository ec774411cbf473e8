#include "ingest/stream/stream_framer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace weft::ingest {
namespace {

// Every frame of `chunks` fed one after another, then finish(): messages as they are,
// oversized frames as "<too large: N>".
std::vector<std::string> frames(Framing framing, std::vector<std::string> chunks,
                                size_t max_frame = 1 << 20, bool finish = true) {
  StreamFramer framer(framing, max_frame);
  std::vector<std::string> out;
  auto take = [&](const Frame& f) {
    if (f.kind == Frame::Kind::kTooLarge)
      out.push_back("<too large: " + std::to_string(f.wire_bytes) + ">");
    else
      out.emplace_back(f.bytes);
  };
  for (const std::string& chunk : chunks) {
    framer.append(chunk);
    while (auto f = framer.next()) take(*f);
  }
  if (finish)
    if (auto f = framer.finish()) take(*f);
  return out;
}

using Frames = std::vector<std::string>;

TEST(StreamFramer, LinesSplitOnLfAndDropCr) {
  EXPECT_EQ(frames(Framing::kLines, {"a\nbb\r\n\nccc"}), (Frames{"a", "bb", "", "ccc"}));
  EXPECT_EQ(frames(Framing::kLines, {"{\"a\":1}\n"}), (Frames{"{\"a\":1}"}));
  EXPECT_EQ(frames(Framing::kLines, {std::string("a\0b\n", 4)}), (Frames{std::string("a\0b", 3)}));
}

TEST(StreamFramer, LinesAcrossChunks) {
  EXPECT_EQ(frames(Framing::kLines, {"hel", "lo\nwo", "rld", "\n"}), (Frames{"hello", "world"}));
  EXPECT_EQ(frames(Framing::kLines, {"x", "y"}, 1 << 20, false), Frames{});
}

TEST(StreamFramer, SyslogOctetCounting) {
  EXPECT_EQ(frames(Framing::kSyslog, {"5 hello3 abc11 <13>1 - - -"}),
            (Frames{"hello", "abc", "<13>1 - - -"}));
  // Split inside the count, inside the message.
  EXPECT_EQ(frames(Framing::kSyslog, {"1", "0 0123", "456789", "2 ab"}),
            (Frames{"0123456789", "ab"}));
  // A message may hold LF and NUL.
  EXPECT_EQ(frames(Framing::kSyslog, {"3 a\nb"}), (Frames{"a\nb"}));
}

TEST(StreamFramer, SyslogNonTransparentFraming) {
  EXPECT_EQ(frames(Framing::kSyslog, {"<13>a\n<14>b\r\n<15>c", std::string("\0<16>d\0", 7)}),
            (Frames{"<13>a", "<14>b", "<15>c", "<16>d"}));
  // Empty frames between messages and an LF after octet-counted frames are skipped.
  EXPECT_EQ(frames(Framing::kSyslog, {"\n\n3 abc\n4 defg\n\r\n<1>x\n"}),
            (Frames{"abc", "defg", "<1>x"}));
}

TEST(StreamFramer, SyslogDetectsFramingPerFrame) {
  EXPECT_EQ(frames(Framing::kSyslog, {"<13>line one\n8 <14>octx<15>line two\n"}),
            (Frames{"<13>line one", "<14>octx", "<15>line two"}));
  // Digits not followed by a space: a line, not a count.
  EXPECT_EQ(frames(Framing::kSyslog, {"12ab\n0 x\n"}), (Frames{"12ab", "0 x"}));
}

TEST(StreamFramer, SyslogFinishDropsAPartialOctetCountedFrame) {
  StreamFramer framer(Framing::kSyslog, 1024);
  framer.append("10 abc");
  EXPECT_FALSE(framer.next());
  EXPECT_FALSE(framer.finish());
  EXPECT_EQ(framer.dropped_bytes(), 6u);
}

TEST(StreamFramer, OversizedLinesAreSkippedAndReported) {
  EXPECT_EQ(frames(Framing::kLines, {"ok\n", std::string(10, 'x') + "\nnext\n"}, 8),
            (Frames{"ok", "<too large: 11>", "next"}));
  // Streamed in small chunks, the buffer never holds the whole line.
  EXPECT_EQ(frames(Framing::kLines, {"xxxxx", "xxxxx", "xxxxx", "x\nok\n"}, 8),
            (Frames{"<too large: 17>", "ok"}));
  // Cut off by the end of the stream.
  EXPECT_EQ(frames(Framing::kLines, {"xxxxx", "xxxxx"}, 8), (Frames{"<too large: 10>"}));
}

TEST(StreamFramer, OversizedOctetCountedFramesAreSkipped) {
  EXPECT_EQ(frames(Framing::kSyslog, {"20 aaaaaaaaaa", "bbbbbbbbbb3 abc"}, 8),
            (Frames{"<too large: 23>", "abc"}));
  // Cut short by the end of the stream: what came is counted.
  EXPECT_EQ(frames(Framing::kSyslog, {"20 aaaaaaaaaa"}, 8), (Frames{"<too large: 13>"}));
  // Eleven digits are no octet count: a line.
  EXPECT_EQ(frames(Framing::kSyslog, {"99999999999 x\n"}, 64), (Frames{"99999999999 x"}));
}

TEST(StreamFramer, WriteAreaGrowsAndCompacts) {
  StreamFramer framer(Framing::kLines, 1 << 20);
  std::string expected;
  std::vector<std::string> got;
  for (int i = 0; i < 1000; ++i) {
    std::string line = "line-" + std::to_string(i) + std::string(i % 37, 'z');
    std::string wire = line + "\n";
    auto area = framer.write_area(3);
    size_t n = std::min(area.size(), wire.size());
    std::copy(wire.begin(), wire.begin() + n, area.begin());
    framer.commit(n);
    framer.append(wire.substr(n));
    while (auto f = framer.next()) got.emplace_back(f->bytes);
    EXPECT_EQ(got.back(), line);
  }
  EXPECT_EQ(got.size(), 1000u);
  EXPECT_EQ(framer.buffered(), 0u);
}

}  // namespace
}  // namespace weft::ingest
