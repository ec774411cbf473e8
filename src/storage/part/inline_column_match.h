// Exact token and id checks on columns stored inline in a block header. Such columns are too
// small to deserve a bloom filter, so pruning looks at their values instead.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "storage/part/block_header.h"

namespace weft::storage {

// Whether a token with hash `token_hash` occurs in the texts of inline column `c` (a block of
// `rows` rows). kCorruption when the inline bytes do not decode.
Result<bool> inline_column_has_token(const ColumnHeader& c, uint32_t rows, uint64_t token_hash);
// Whether inline id column `c` holds the id `id` (raw bytes) in some row.
Result<bool> inline_column_has_id(const ColumnHeader& c, uint32_t rows, std::string_view id);

}  // namespace weft::storage
