#include "storage/part/bloom_filter.h"

#include <algorithm>
#include <cmath>

#include "storage/part/part_format.h"

namespace weft::storage {

namespace {

uint64_t position(uint64_t h, uint64_t d, int j, uint64_t m) {
  uint64_t x = h + static_cast<uint64_t>(j) * d;
  return static_cast<uint64_t>((static_cast<unsigned __int128>(x) * m) >> 64);
}

uint64_t step_of(uint64_t h) { return ((h >> 32) | (h << 32)) | 1; }

}  // namespace

std::string build_bloom_filter(std::span<const uint64_t> hashes, size_t distinct, double bits_per_token) {
  int k = static_cast<int>(std::lround(bits_per_token * 0.6931471805599453));
  k = std::clamp(k, 1, part_format::kMaxBloomHashes);
  uint64_t words = std::max<uint64_t>(1, static_cast<uint64_t>(std::ceil(static_cast<double>(distinct) * bits_per_token / 64.0)));
  uint64_t m = words * 64;
  std::string out(1 + words * 8, '\0');
  out[0] = static_cast<char>(k);
  auto* bits = reinterpret_cast<uint8_t*>(out.data() + 1);
  for (uint64_t h : hashes) {
    uint64_t d = step_of(h);
    for (int j = 0; j < k; ++j) {
      uint64_t p = position(h, d, j, m);
      bits[p >> 3] |= static_cast<uint8_t>(1u << (p & 7));
    }
  }
  return out;
}

bool bloom_filter_valid(std::string_view filter) {
  if (filter.size() < 9 || (filter.size() - 1) % 8 != 0) return false;
  auto k = static_cast<uint8_t>(filter[0]);
  return k >= 1 && k <= part_format::kMaxBloomHashes;
}

bool bloom_may_contain(std::string_view filter, uint64_t hash) {
  int k = static_cast<uint8_t>(filter[0]);
  uint64_t m = (filter.size() - 1) * 8;
  const auto* bits = reinterpret_cast<const uint8_t*>(filter.data() + 1);
  uint64_t d = step_of(hash);
  for (int j = 0; j < k; ++j) {
    uint64_t p = position(hash, d, j, m);
    if ((bits[p >> 3] & (1u << (p & 7))) == 0) return false;
  }
  return true;
}

}  // namespace weft::storage
