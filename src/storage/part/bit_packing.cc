#include "storage/part/bit_packing.h"

#include <bit>

namespace weft::storage {

int bit_width_of(uint64_t v) { return static_cast<int>(std::bit_width(v)); }

size_t packed_size(size_t n, int width) { return (n * static_cast<size_t>(width) + 7) / 8; }

void pack_bits(std::span<const uint64_t> values, int width, std::string* out) {
  if (width == 0) return;
  uint64_t acc = 0;  // pending bits, lowest first
  int filled = 0;
  for (uint64_t v : values) {
    acc |= v << filled;
    int taken = 64 - filled;  // bits of v that fit in acc
    filled += width;
    if (filled >= 64) {
      for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((acc >> (8 * i)) & 0xff));
      filled -= 64;
      acc = (filled > 0 && taken < 64) ? v >> taken : 0;
    }
  }
  for (int i = 0; filled > 0; ++i, filled -= 8) out->push_back(static_cast<char>((acc >> (8 * i)) & 0xff));
}

void unpack_bits(std::string_view in, size_t n, int width, std::vector<uint64_t>* out) {
  out->resize(n);
  if (width == 0) {
    std::fill(out->begin(), out->end(), 0);
    return;
  }
  const uint64_t mask = width == 64 ? ~0ull : (1ull << width) - 1;
  const auto* bytes = reinterpret_cast<const uint8_t*>(in.data());
  size_t bit = 0;
  for (size_t i = 0; i < n; ++i, bit += static_cast<size_t>(width)) {
    size_t byte = bit >> 3;
    int shift = static_cast<int>(bit & 7);
    // Gather the (at most 9) bytes holding this value.
    size_t last = (bit + static_cast<size_t>(width) + 7) / 8;
    uint64_t lo = 0;
    for (size_t b = byte; b < last && b < byte + 8; ++b) lo |= static_cast<uint64_t>(bytes[b]) << (8 * (b - byte));
    uint64_t v = lo >> shift;
    if (shift + width > 64) v |= static_cast<uint64_t>(bytes[byte + 8]) << (64 - shift);
    (*out)[i] = v & mask;
  }
}

}  // namespace weft::storage
