// BlockHeader and ColumnHeader: what the index says about one block and each of its columns
// (docs/format/part.md, "Block header"), and their encoding inside index groups.
//
// A block holds rows of one stream, sorted by time. Each column is stored inline in the header
// (raw vectors of at most kMaxInlineColumnBytes) or as a chunk of columns.bin, and may have a
// bloom filter in blooms.bin. A column that is absent from a block holds its default value in
// every row (0, "", no attribute): writers leave such columns out.
//
// Columns are ordered by (id, key, occurrence), so the attribute columns are contiguous, sorted
// by key; a record's attribute order is kept by the attribute-shape column, which refers to attribute
// columns by their position among the attribute columns of the block.
//
// Thread safety: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "model/stream.h"
#include "storage/part/byte_reader.h"
#include "storage/part/byte_writer.h"
#include "storage/part/part_format.h"

namespace weft::storage {

struct ChunkRef {
  uint64_t offset = 0;       // in columns.bin
  uint64_t stored_size = 0;  // bytes in columns.bin
  uint64_t raw_size = 0;     // bytes of the vector after decompression
  uint32_t checksum = 0;     // checksum32 of the stored bytes
};

struct BloomRef {
  uint64_t offset = 0;  // in blooms.bin
  uint64_t size = 0;
  uint32_t checksum = 0;  // checksum32 of the filter bytes
};

struct ColumnHeader {
  part_format::ColumnId id = part_format::ColumnId::kTime;
  std::string key;          // kAttribute: the attribute key
  uint32_t occurrence = 0;  // kAttribute: 0 for a key's first attribute in a record, 1 for a repeat...
  part_format::ColumnStorage storage = part_format::ColumnStorage::kInline;
  std::string inline_bytes;  // kInline: the raw vector
  ChunkRef chunk;            // kChunk, kChunkZstd
  std::optional<BloomRef> bloom;

  uint64_t raw_size() const { return storage == part_format::ColumnStorage::kInline ? inline_bytes.size() : chunk.raw_size; }
};

struct BlockHeader {
  StreamId stream;
  uint32_t rows = 0;
  UnixNanos min_time = 0;  // of the sort time (logs: effective time; spans: start)
  UnixNanos max_time = 0;
  std::vector<ColumnHeader> columns;

  // The column `id` (not kAttribute), or null when the block does not have it.
  const ColumnHeader* find(part_format::ColumnId id) const;
  // The attribute columns, in order; the attribute-shape column refers to them by position.
  std::span<const ColumnHeader> attribute_columns() const;
  uint64_t raw_bytes() const;
};

void encode_block_header(const BlockHeader& header, ByteWriter& w);
// Reads and validates one header (bounds, known column ids, order); false when malformed.
bool decode_block_header(ByteReader& in, BlockHeader* out);

// The directory entry of one index group (in meta.bin).
struct IndexGroupRef {
  uint64_t offset = 0;  // in index.bin
  uint64_t stored_size = 0;
  uint64_t raw_size = 0;
  uint32_t checksum = 0;  // checksum32 of the stored bytes
  uint32_t blocks = 0;
  StreamId first_stream;  // of the group's first block
  StreamId last_stream;   // of its last block
  UnixNanos min_time = 0;
  UnixNanos max_time = 0;
};

void encode_index_group_ref(const IndexGroupRef& ref, ByteWriter& w);
bool decode_index_group_ref(ByteReader& in, IndexGroupRef* out);

// An index group (before compression): varint block count, then the block headers.
std::string encode_index_group(std::span<const BlockHeader> headers);
bool decode_index_group(std::string_view raw, uint32_t blocks, std::vector<BlockHeader>* out);

}  // namespace weft::storage
