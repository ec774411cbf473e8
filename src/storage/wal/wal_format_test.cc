#include "storage/wal/wal_format.h"

#include <gtest/gtest.h>

namespace weft::storage::wal_format {
namespace {

TEST(WalFormat, SegmentNamesAreFixedWidthAndSortable) {
  EXPECT_EQ(segment_file_name(1), "00000000000000000001.wal");
  EXPECT_EQ(segment_file_name(18446744073709551615ull), "18446744073709551615.wal");
  EXPECT_LT(segment_file_name(9), segment_file_name(10));
}

TEST(WalFormat, ParsesOnlySegmentNames) {
  EXPECT_EQ(parse_segment_file_name("00000000000000000042.wal"), 42u);
  EXPECT_EQ(parse_segment_file_name(segment_file_name(123456789)), 123456789u);
  EXPECT_FALSE(parse_segment_file_name("42.wal"));
  EXPECT_FALSE(parse_segment_file_name("0000000000000000004x.wal"));
  EXPECT_FALSE(parse_segment_file_name("00000000000000000042.tmp"));
  EXPECT_FALSE(parse_segment_file_name("99999999999999999999.wal"));  // overflows u64
}

TEST(WalFormat, LittleEndianIntegers) {
  char b[4];
  put_u32(b, 0x04030201u);
  EXPECT_EQ(std::string(b, 4), std::string("\x01\x02\x03\x04", 4));
  EXPECT_EQ(get_u32(b), 0x04030201u);
}

TEST(WalFormat, EntryHeaderCarriesLengthAndChecksum) {
  EntryHeader h = encode_entry_header("hello");
  EXPECT_EQ(get_u32(h.data()), 5u);
  EXPECT_EQ(get_u32(h.data() + 4), entry_checksum("hello"));
  EXPECT_NE(entry_checksum("hello"), entry_checksum("hellp"));
}

TEST(WalFormat, ChecksumCoversLength) {
  // The same bytes under another length field must not check out: the length is hashed too.
  std::string a(8, 'a');
  EXPECT_NE(entry_checksum(a), entry_checksum(a.substr(0, 7)));
}

TEST(WalFormat, SegmentHeaderLayout) {
  SegmentHeader h = encode_segment_header();
  EXPECT_EQ(std::string_view(h.data(), 8), kMagic);
  EXPECT_EQ(get_u32(h.data() + 8), kVersion);
  EXPECT_EQ(h.size(), kSegmentHeaderSize);
}

}  // namespace
}  // namespace weft::storage::wal_format
