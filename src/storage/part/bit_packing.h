// Bit packing: n unsigned values of `width` bits each (0..64), least significant bit first,
// in ceil(n * width / 8) bytes. The building block of the bit-packed int encodings.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace weft::storage {

// Bits needed for v (0 for 0).
int bit_width_of(uint64_t v);
size_t packed_size(size_t n, int width);
// Appends the packed values; every value must fit in `width` bits.
void pack_bits(std::span<const uint64_t> values, int width, std::string* out);
// Unpacks n values from the first packed_size(n, width) bytes of `in`, which must be there.
void unpack_bits(std::string_view in, size_t n, int width, std::vector<uint64_t>* out);

}  // namespace weft::storage
