// Int vectors: how a column of int64 values is stored (docs/format/part.md, "Int vector").
//
// encode_ints() tries every IntEncoding that applies (constant, plain varints, delta varints,
// frame-of-reference bit packing of values or of deltas, a dictionary of up to
// kMaxIntDictSize values with packed indexes) and writes the smallest. Arithmetic on deltas
// wraps, so every int64 sequence round-trips exactly. The count is not stored: the reader
// knows it (rows of the block, or a count implied by another vector).
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "storage/part/byte_reader.h"

namespace weft::storage {

inline constexpr size_t kMaxIntDictSize = 256;

void encode_ints(std::span<const int64_t> values, std::string* out);
// Reads n values; false (and `in` failed) when the bytes are not a valid vector of n values.
bool decode_ints(ByteReader& in, size_t n, std::vector<int64_t>* out);

}  // namespace weft::storage
