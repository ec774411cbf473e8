// scan_segment over in-memory bytes: every way a segment can be cut or damaged.
#include "storage/wal/wal_reader.h"

#include <gtest/gtest.h>

#include "storage/wal/wal_format.h"

namespace weft::storage {
namespace {

namespace wf = wal_format;

std::string header() {
  auto h = wf::encode_segment_header();
  return {h.data(), h.size()};
}

std::string framed(const std::string& payload) {
  auto h = wf::encode_entry_header(payload);
  return std::string(h.data(), h.size()) + payload;
}

std::string segment(const std::vector<std::string>& payloads) {
  std::string s = header();
  for (const auto& p : payloads) s += framed(p);
  return s;
}

struct Scanned {
  std::vector<std::string> entries;
  SegmentScan scan;
};

Scanned scan(std::string_view data) {
  Scanned out;
  out.scan = scan_segment(data, [&](std::string_view e) { out.entries.emplace_back(e); });
  return out;
}

TEST(WalReader, ReadsEveryEntryInOrder) {
  std::string data = segment({"one", "two", std::string(1000, 'x')});
  Scanned s = scan(data);
  EXPECT_EQ(s.scan.damage, SegmentDamage::kNone);
  EXPECT_EQ(s.entries, (std::vector<std::string>{"one", "two", std::string(1000, 'x')}));
  EXPECT_EQ(s.scan.good_bytes, data.size());
  EXPECT_EQ(s.scan.entries, 3u);
}

TEST(WalReader, EmptyFileAndHeaderOnlyAreUndamaged) {
  EXPECT_EQ(scan("").scan.damage, SegmentDamage::kNone);
  Scanned s = scan(header());
  EXPECT_EQ(s.scan.damage, SegmentDamage::kNone);
  EXPECT_EQ(s.scan.good_bytes, wf::kSegmentHeaderSize);
}

TEST(WalReader, TornAtEveryOffsetOfTheLastEntry) {
  std::string good = segment({"first", "second"});
  std::string data = good + framed("the last entry, cut short");
  for (size_t cut = good.size() + 1; cut < data.size(); ++cut) {
    Scanned s = scan(std::string_view(data).substr(0, cut));
    EXPECT_EQ(s.scan.damage, SegmentDamage::kBadEntry) << cut;
    EXPECT_EQ(s.scan.good_bytes, good.size()) << cut;
    EXPECT_EQ(s.entries, (std::vector<std::string>{"first", "second"})) << cut;
  }
}

TEST(WalReader, TornHeaderAtEveryOffset) {
  std::string h = header();
  for (size_t cut = 1; cut < h.size(); ++cut) {
    Scanned s = scan(std::string_view(h).substr(0, cut));
    EXPECT_EQ(s.scan.damage, SegmentDamage::kTornHeader) << cut;
    EXPECT_EQ(s.scan.good_bytes, 0u);
  }
  EXPECT_EQ(scan(std::string(64, '\0')).scan.damage, SegmentDamage::kTornHeader);
}

TEST(WalReader, EveryFlippedBitOfAnEntryIsCaught) {
  std::string good = segment({"first"});
  std::string data = good + framed("payload under test");
  for (size_t byte = good.size(); byte < data.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = data;
      bad[byte] = static_cast<char>(bad[byte] ^ (1 << bit));
      Scanned s = scan(bad);
      EXPECT_EQ(s.scan.damage, SegmentDamage::kBadEntry) << byte << ":" << bit;
      EXPECT_EQ(s.entries, std::vector<std::string>{"first"});
    }
  }
}

TEST(WalReader, ZeroFilledTail) {
  std::string good = segment({"a", "b"});
  Scanned s = scan(good + std::string(4096, '\0'));
  EXPECT_EQ(s.scan.damage, SegmentDamage::kBadEntry);
  EXPECT_STREQ(s.scan.reason, "zero-filled tail");
  EXPECT_EQ(s.scan.good_bytes, good.size());
  EXPECT_EQ(s.entries.size(), 2u);
}

TEST(WalReader, LengthOverMaximumOrPastEnd) {
  std::string good = segment({"a"});
  std::string huge(8, '\0');
  wf::put_u32(huge.data(), wf::kMaxEntryBytes + 1);
  EXPECT_STREQ(scan(good + huge).scan.reason, "entry length over maximum");
  std::string past(8, '\0');
  wf::put_u32(past.data(), 100);
  wf::put_u32(past.data() + 4, 1);
  EXPECT_STREQ(scan(good + past + "short").scan.reason, "entry length past end of segment");
}

TEST(WalReader, BadHeaders) {
  std::string data = segment({"a"});
  std::string magic = data;
  magic[0] = 'X';
  EXPECT_EQ(scan(magic).scan.damage, SegmentDamage::kBadHeader);
  EXPECT_STREQ(scan(magic).scan.reason, "bad magic");
  EXPECT_TRUE(scan(magic).entries.empty());
  std::string version = data;
  wf::put_u32(version.data() + 8, 2);
  EXPECT_STREQ(scan(version).scan.reason, "unsupported version");
  std::string sum = data;
  sum[12] = static_cast<char>(sum[12] ^ 1);
  EXPECT_STREQ(scan(sum).scan.reason, "header checksum mismatch");
}

TEST(WalReader, GarbageNeverYieldsEntries) {
  // Arbitrary bytes after a valid header: nothing comes out unless a checksum matches.
  std::string data = header();
  uint32_t x = 12345;
  for (int i = 0; i < 10000; ++i) {
    x = x * 1103515245u + 12345u;
    data.push_back(static_cast<char>(x >> 16));
  }
  Scanned s = scan(data);
  EXPECT_EQ(s.scan.damage, SegmentDamage::kBadEntry);
  EXPECT_TRUE(s.entries.empty());
}

}  // namespace
}  // namespace weft::storage
