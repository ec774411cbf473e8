// PartMeta and PartStream: what a part says about itself (meta.bin) and the streams it holds
// (streams.bin), with their encodings (docs/format/part.md, "meta.bin", "streams.bin").
//
// Thread safety: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "model/stream.h"
#include "storage/part/block_header.h"
#include "storage/part/part_format.h"

namespace weft::storage {

// Bytes of one kind of column over the whole part (attributes of every key count as one kind,
// "attributes"), for storage statistics.
struct ColumnStats {
  std::string name;          // part_format::column_name()
  uint64_t stored_bytes = 0; // chunks in columns.bin plus inline bytes in headers
  uint64_t raw_bytes = 0;    // the same vectors before compression
  uint64_t bloom_bytes = 0;  // bloom filters in blooms.bin
};

struct PartMeta {
  part_format::Signal signal = part_format::Signal::kLogs;
  std::string tenant;
  uint64_t rows = 0;
  uint64_t blocks = 0;
  UnixNanos min_time = 0;  // of the sort time over every row
  UnixNanos max_time = 0;
  uint64_t streams = 0;
  // File sizes (meta.bin excluded) and the stream table's size and checksum.
  uint64_t streams_bytes = 0;
  uint64_t streams_raw_bytes = 0;
  uint64_t streams_checksum = 0;  // checksum64 of streams.bin
  uint64_t index_bytes = 0;
  uint64_t columns_bytes = 0;
  uint64_t blooms_bytes = 0;
  std::vector<IndexGroupRef> groups;  // in block order
  std::vector<ColumnStats> column_stats;
  uint64_t meta_bytes = 0;  // the size of meta.bin (known after encoding; not stored in it)

  uint64_t total_bytes() const { return meta_bytes + streams_bytes + index_bytes + columns_bytes + blooms_bytes; }
};

// The whole meta.bin file.
std::string encode_part_meta(const PartMeta& meta);
// Parses and verifies meta.bin (magic, version, checksum, structure); kCorruption naming
// `path` and the offset of the damage otherwise.
Result<PartMeta> decode_part_meta(std::string_view file, const std::string& path);

struct PartStream {
  StreamId id;
  StreamLabels labels;
  uint64_t rows = 0;
};

// streams.bin before compression: varint n, (id 16, varint rows, varint labels,
// (key, value)*)*n, sorted by id.
std::string encode_stream_table(const std::vector<PartStream>& streams);
bool decode_stream_table(std::string_view raw, std::vector<PartStream>* out);

}  // namespace weft::storage
