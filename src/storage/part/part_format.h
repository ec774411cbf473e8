// Part on-disk format: every constant, file name and enumeration of docs/format/part.md, in
// one place. Change both together (and bump kVersion when bytes on disk change meaning).
//
// A part is an immutable directory of five files:
//
//   meta.bin     magic "WEFTPART" | version u32 | body length u32 | body | XXH3-64 u64
//                body: signal, tenant, counts, time range, file sizes, the checksum of
//                streams.bin, the index-group directory and per-column byte statistics.
//   streams.bin  zstd: the streams of the part (id, rows, labels), sorted by id.
//   index.bin    index groups back to back; each is zstd of up to kIndexGroupMaxBlocks block
//                headers (stream id, rows, time range, and per column: id, encoding, where its
//                chunk and bloom filter are, their checksums).
//   columns.bin  column chunks back to back (each one column of one block, optionally zstd).
//   blooms.bin   bloom filters back to back (each the tokens of one column of one block).
//
// Every byte of every file is covered by a checksum: meta.bin by its trailer, streams.bin by
// the checksum in meta.bin, each index group by its directory entry, each chunk and each bloom
// filter by its column header. A part is written under "<name>.tmp" and renamed when complete.
//
// All integers are little-endian; "varint" is unsigned LEB128, "zigzag" a signed value mapped
// to unsigned ((v << 1) ^ (v >> 63)) then varint.
//
// Thread safety: everything here is a constant or a pure function.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace weft::storage::part_format {

inline constexpr std::string_view kMagic = "WEFTPART";  // 8 bytes, no terminator on disk
inline constexpr uint32_t kVersion = 1;
inline constexpr size_t kMetaHeaderSize = 16;   // magic, version, body length
inline constexpr size_t kMetaTrailerSize = 8;   // XXH3-64 of header and body

inline constexpr std::string_view kMetaFile = "meta.bin";
inline constexpr std::string_view kStreamsFile = "streams.bin";
inline constexpr std::string_view kIndexFile = "index.bin";
inline constexpr std::string_view kColumnsFile = "columns.bin";
inline constexpr std::string_view kBloomsFile = "blooms.bin";
// A part being written is the directory "<final name>.tmp"; a leftover one (a crash while
// writing) is garbage that may be removed.
inline constexpr std::string_view kTempSuffix = ".tmp";

// Writer defaults and reader sanity bounds.
inline constexpr uint32_t kDefaultMaxBlockRows = 8192;
inline constexpr uint64_t kDefaultMaxBlockBytes = 2ull << 20;  // estimated uncompressed bytes
inline constexpr uint32_t kMaxBlockRows = 1u << 20;       // a header claiming more is corrupt
inline constexpr uint32_t kMaxColumnsPerBlock = 1u << 16;
inline constexpr uint64_t kMaxChunkBytes = 256ull << 20;  // raw or stored size of one chunk
inline constexpr uint64_t kMaxMetaBytes = 1ull << 30;
inline constexpr uint32_t kIndexGroupMaxBlocks = 256;     // block headers per index group
inline constexpr size_t kIndexGroupTargetBytes = 64 << 10;  // raw bytes per index group
inline constexpr size_t kMaxInlineColumnBytes = 64;       // raw columns this small live in the header
inline constexpr int kMaxValueDepth = 128;                // nesting of arrays and kvlists
inline constexpr int kDefaultZstdLevel = 3;
inline constexpr double kDefaultBloomBitsPerToken = 10.0;
inline constexpr int kMaxBloomHashes = 16;

enum class Signal : uint8_t { kLogs = 1, kSpans = 2 };
std::string_view signal_name(Signal s);  // "logs", "spans"

// The columns of a block. Numbers are stored on disk; never reuse one.
enum class ColumnId : uint8_t {
  // Both signals.
  kTime = 1,               // int: the sort time (logs: effective time; spans: start)
  kResource = 2,           // string: encoded Resource per row (dictionary: shared per block)
  kScope = 3,              // string: encoded Scope per row
  kAttributeShape = 4,     // string: per row, the attribute columns in the record's order
  kAttribute = 5,          // any value: one attribute key (the header names key and occurrence)
  kTraceId = 6,            // string: 16 bytes per row (all zero = absent)
  kSpanId = 7,             // string: 8 bytes per row (all zero = absent)
  kFlags = 8,              // int
  kDroppedAttributes = 9,  // int
  // Logs.
  kObservedDelta = 16,     // int: observed_time_unix_nano - time
  kTimeUnset = 17,         // int 0/1: time_unix_nano was 0 (the sort time is then the observed time)
  kSeverityNumber = 18,    // int
  kSeverityText = 19,      // string
  kBody = 20,              // any value
  kEventName = 21,         // string
  // Spans.
  kParentSpanId = 32,      // string, 8 bytes (zero = root)
  kTraceState = 33,        // string
  kName = 34,              // string
  kKind = 35,              // int
  kDuration = 36,          // int: end - start
  kStatusCode = 37,        // int
  kStatusMessage = 38,     // string
  kEvents = 39,            // string: encoded events per row
  kDroppedEvents = 40,     // int
  kLinks = 41,             // string: encoded links per row
  kDroppedLinks = 42,      // int
};
inline constexpr int kMaxColumnId = 63;  // column ids fit a 64-bit mask
bool is_known_column(uint8_t id);
std::string_view column_name(ColumnId id);  // "time", "body", "attribute", ...

// How a column's vector is encoded (the first byte of every int/string vector).
enum class IntEncoding : uint8_t {
  kConst = 0,          // zigzag v
  kPlain = 1,          // zigzag v * n
  kDelta = 2,          // zigzag first, zigzag (v[i] - v[i-1]) * (n - 1)
  kBitPacked = 3,      // zigzag min, width u8, n (v - min) packed in width bits
  kDeltaBitPacked = 4, // zigzag first, zigzag min delta, width u8, n-1 (delta - min) packed
  kDict = 5,           // varint d, zigzag v * d, width u8, n indexes packed
};
enum class StringEncoding : uint8_t {
  kConst = 0,  // varint length, bytes
  kPlain = 1,  // int vector of n lengths, then the bytes back to back
  kDict = 2,   // varint d, int vector of d lengths, the d values' bytes, int vector of n indexes
  kFixed = 3,  // varint width, n * width bytes
};
// Kinds of an any-value vector (its first sub-vector, one per row).
enum class ValueKind : uint8_t {
  kAbsent = 0,  // the row has no such attribute
  kEmpty = 1,
  kString = 2,
  kFalse = 3,
  kTrue = 4,
  kInt = 5,
  kDouble = 6,
  kBytes = 7,
  kArray = 8,
  kKvList = 9,
};
inline constexpr uint8_t kMaxValueKind = 9;

// Where a column's bytes are (column header, after the column id).
enum class ColumnStorage : uint8_t {
  kInline = 0,     // raw vector in the header itself (raw size <= kMaxInlineColumnBytes)
  kChunk = 1,      // a chunk of columns.bin, stored as is
  kChunkZstd = 2,  // a chunk of columns.bin, zstd-compressed
};

// "<name>.tmp" for "<name>", and whether a directory name is a part being written.
std::string temp_part_name(std::string_view name);
bool is_temp_part_name(std::string_view name);

// XXH3-64 of `data`; chunk, bloom and index-group checksums keep its low 32 bits.
uint64_t checksum64(std::string_view data);
uint32_t checksum32(std::string_view data);

}  // namespace weft::storage::part_format
