// Bloom filters of token hashes, one per column of a block (docs/format/part.md, "Bloom
// filter").
//
//   filter := k u8 (1..kMaxBloomHashes) | m/8 bytes of bits (m a multiple of 64, >= 64)
//
// Bit i is bit (i % 8) of byte i / 8. A hash h sets or tests the k bits
//   pos_j = ((h + j * d) * m) >> 64  (128-bit product), d = (h >> 32 | h << 32) | 1,
// for j = 0..k-1 (double hashing, mapped to [0, m) by multiply-shift). With b bits per token,
// k = round(b * ln 2); at 10 bits about 1 % of absent tokens pass.
//
// Thread safety: pure functions over byte views.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace weft::storage {

// The serialized filter of `hashes` (duplicates allowed, though they waste nothing but time).
std::string build_bloom_filter(std::span<const uint64_t> hashes, size_t distinct, double bits_per_token);
// Whether `filter` is well-formed (as build_bloom_filter makes them).
bool bloom_filter_valid(std::string_view filter);
// False when `hash` was certainly not added. REQUIRES bloom_filter_valid(filter).
bool bloom_may_contain(std::string_view filter, uint64_t hash);

}  // namespace weft::storage
