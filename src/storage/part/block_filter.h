// BlockFilter: what a query knows before reading rows, used to skip blocks (and whole index
// groups) that cannot hold a matching row.
//
// A block is skipped when its time range misses [min_time, max_time], when its stream is not
// in `streams`, when one of `tokens` is certainly absent from its column, or when none of
// `trace_ids` can be in it. Pruning never skips a block holding a matching row (bloom filters
// have false positives, never false negatives); the rows of the blocks that remain still have
// to be filtered exactly by the caller.
//
// Tokens are words as tokenizer.h defines them (use phrase_tokens() to get the ones a query
// may require). A token filter on a column checks that column's bloom filter (or, for a column
// small enough to live in the block header, its actual values).
//
// Thread safety: a plain value.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "common/time.h"
#include "model/ids.h"
#include "model/stream.h"
#include "storage/part/part_format.h"

namespace weft::storage {

// A column a token must be in: a fixed column (body, severity_text, name, status_message,
// event_name, resource, scope, events), an attribute key, or any column of the block.
struct ColumnRef {
  enum class Kind { kColumn, kAttribute, kAny };
  Kind kind = Kind::kAny;
  part_format::ColumnId id = part_format::ColumnId::kBody;
  std::string key;

  static ColumnRef column(part_format::ColumnId id) { return {Kind::kColumn, id, {}}; }
  static ColumnRef attribute(std::string key) { return {Kind::kAttribute, part_format::ColumnId::kAttribute, std::move(key)}; }
  static ColumnRef any() { return {}; }
};

struct TokenFilter {
  ColumnRef column;
  std::string token;
};

struct BlockFilter {
  UnixNanos min_time = std::numeric_limits<UnixNanos>::min();  // inclusive, of the sort time
  UnixNanos max_time = std::numeric_limits<UnixNanos>::max();  // inclusive
  std::vector<StreamId> streams;     // any of these; empty = every stream
  std::vector<TokenFilter> tokens;   // all of these
  std::vector<TraceId> trace_ids;    // any of these; empty = no condition
};

}  // namespace weft::storage
