// merge_parts(): the merge primitive. Merges N parts of one tenant and signal into one new
// part, rows in (stream, time) order, optionally dropping rows (delete by query, retention).
//
// Streaming k-way merge: each input is read block by block through a BlockCursor (every
// column), and the smallest (stream, time) row of the inputs goes next (ties keep input order,
// then row order), so memory holds one decoded block per input plus the output block being
// filled: bounded by (N + 1) blocks, whatever the part sizes. Stream ids and labels are taken
// from the inputs as they are.
//
// Crash safety: the output is written by PartWriter under "<dir>.tmp" and renamed to `dir` only
// when complete and durable (see part_writer.h); the inputs are only read. A merge killed at
// any point leaves the inputs intact and no `dir`: the caller retries it (same inputs, same
// output), and swaps its manifest to the output only after merge_parts() returned OK. When
// every row is dropped the output is an empty part (0 rows).
//
// Thread safety: reads the inputs (shareable), writes only the output.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <span>

#include "common/status.h"
#include "model/log_record.h"
#include "model/span.h"
#include "model/stream.h"
#include "storage/part/part_reader.h"
#include "storage/part/part_writer.h"

namespace weft::storage {

struct MergeOptions {
  PartWriterOptions writer;
  // Called for every row of a log (span) merge; a row is kept when it returns true. Empty:
  // keep every row.
  std::function<bool(const StreamId& stream, const LogRecord& record)> keep_log;
  std::function<bool(const StreamId& stream, const Span& span)> keep_span;
  // Polled every few thousand rows; true stops the merge with kUnavailable ("merge
  // cancelled"), leaving an unfinished output the caller removes. Empty: never.
  std::function<bool()> cancelled;
};

struct MergeResult {
  PartMeta meta;           // of the output part
  uint64_t rows_read = 0;
  uint64_t rows_dropped = 0;
};

// REQUIRES (else kInvalidArgument): at least one input; every input of one tenant and signal.
Result<MergeResult> merge_parts(std::span<const std::shared_ptr<const PartReader>> inputs,
                                const std::filesystem::path& dir, const MergeOptions& options = {});

}  // namespace weft::storage
