// BlockCursor: the read path over one part that query executors share. It walks the part's
// blocks in (stream, time) order, skips those a BlockFilter rules out (by index group, then by
// block header, then by bloom filters), and decodes the blocks that remain into LogRecords or
// Spans, reading and decompressing only the columns a ColumnMask names.
//
//   BlockCursor cursor(part, filter);
//   while (true) {
//     Result<bool> more = cursor.next();
//     if (!more.is_ok()) ... (kCorruption: the part is damaged) ...
//     if (!*more) break;
//     cursor.block();                      // stream, rows, time range: no data read yet
//     cursor.read_logs(mask, &records);    // appends the block's rows, sorted by time
//   }
//
// Rows of a surviving block may still not match: the caller filters them exactly. Records of a
// block that share a resource share one ResourcePtr (and one across blocks of a cursor).
//
// Thread safety: none; one thread uses a cursor (many cursors may share a part).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "common/status.h"
#include "model/log_record.h"
#include "model/span.h"
#include "storage/part/block_filter.h"
#include "storage/part/column_mask.h"
#include "storage/part/decode_cache.h"
#include "storage/part/part_reader.h"

namespace weft::storage {

// What a cursor skipped and read, for query statistics and tests.
struct CursorStats {
  uint64_t groups_skipped = 0;  // index groups never read
  uint64_t blocks_seen = 0;     // block headers looked at
  uint64_t pruned_by_time = 0;
  uint64_t pruned_by_stream = 0;
  uint64_t pruned_by_token = 0;
  uint64_t pruned_by_trace = 0;
  uint64_t blocks_matched = 0;  // blocks next() stopped at
  uint64_t chunks_read = 0;
  uint64_t chunk_bytes_read = 0;  // stored bytes of the chunks read
};

class BlockCursor {
 public:
  BlockCursor(std::shared_ptr<const PartReader> part, BlockFilter filter = {});
  ~BlockCursor();

  // Moves to the next block that may hold matching rows; false at the end.
  Result<bool> next();

  // The current block (valid after next() returned true).
  const BlockHeader& block() const { return headers_[pos_]; }
  // Appends the current block's rows to *out, with the fields `mask` asks for; kCorruption
  // when a chunk is damaged. REQUIRES: the part holds that signal.
  Status read_logs(const ColumnMask& mask, std::vector<LogRecord>* out);
  Status read_spans(const ColumnMask& mask, std::vector<Span>* out);

  const CursorStats& stats() const { return stats_; }
  const PartReader& part() const { return *part_; }

 private:
  class Source;

  bool group_may_match(const IndexGroupRef& g) const;
  Result<bool> block_may_match(const BlockHeader& h);
  Result<bool> column_may_have_token(const ColumnHeader& c, uint32_t rows, uint64_t hash);
  Result<bool> may_have_token(const BlockHeader& h, const TokenFilter& t);
  Result<bool> may_have_trace(const BlockHeader& h);

  std::shared_ptr<const PartReader> part_;
  BlockFilter filter_;
  std::vector<uint64_t> token_hashes_;  // of filter_.tokens
  size_t next_group_ = 0;
  std::vector<BlockHeader> headers_;    // of the current group
  size_t pos_ = 0;
  bool started_ = false;
  DecodeCache cache_;
  CursorStats stats_;
};

}  // namespace weft::storage
