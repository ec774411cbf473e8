// WAL on-disk format: every constant and file name of docs/format/wal.md, in one place.
//
// A WAL directory holds segment files named by a 20-digit, zero-padded sequence number, so
// names sort in write order: wal/00000000000000000001.wal, ...00002.wal. Sequence numbers
// start at 1 and only grow; the writer never appends to a segment that existed at startup.
//
// Segment = header, then entries back to back until end of file:
//
//   header (16 bytes):  magic "WEFT-WAL" (8) | version u32 | checksum u32 (over bytes 0-11)
//   entry:              length u32 | checksum u32 | payload (length bytes)
//
// All integers are little-endian. An entry checksum is the low 32 bits of XXH3_64bits over the
// 4 length bytes followed by the payload, so a corrupt length is caught as well as a corrupt
// payload. Lengths are 1..kMaxEntryBytes.
//
// Thread safety: everything here is a constant or a pure function.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace weft::storage::wal_format {

inline constexpr std::string_view kMagic = "WEFT-WAL";  // 8 bytes, no terminator on disk
inline constexpr uint32_t kVersion = 1;
inline constexpr size_t kSegmentHeaderSize = 16;
inline constexpr size_t kEntryHeaderSize = 8;
// Sanity bound on one entry: a larger length field is treated as corruption when reading and
// refused (kTooLarge) when appending. Far above any request body weft accepts.
inline constexpr uint32_t kMaxEntryBytes = 256u << 20;

inline constexpr std::string_view kSegmentSuffix = ".wal";
inline constexpr size_t kSegmentNameDigits = 20;
inline constexpr uint64_t kFirstSegment = 1;

// "00000000000000000001.wal" for 1.
std::string segment_file_name(uint64_t sequence);
// The sequence number of a segment file name, or nullopt for any other name.
std::optional<uint64_t> parse_segment_file_name(std::string_view name);

// Low 32 bits of XXH3_64bits(le32(length) || payload), where length = payload.size().
uint32_t entry_checksum(std::string_view payload);

using EntryHeader = std::array<char, kEntryHeaderSize>;
// The 8 header bytes of an entry holding `payload`.
EntryHeader encode_entry_header(std::string_view payload);

using SegmentHeader = std::array<char, kSegmentHeaderSize>;
SegmentHeader encode_segment_header();

void put_u32(char* out, uint32_t v);
uint32_t get_u32(const char* in);

}  // namespace weft::storage::wal_format
