// String vectors: how a column of byte strings is stored (docs/format/part.md, "String
// vector"): one constant, a dictionary of distinct values with an int vector of indexes, fixed
// width values back to back (ids), or an int vector of lengths and the bytes back to back.
// encode_strings() writes the smallest. A chunk holding a vector may then be zstd-compressed
// as a whole (the writer decides), which is where text compresses.
//
// Decoding does not copy: values are views into the decoded chunk, which must outlive them.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/part/byte_reader.h"

namespace weft::storage {

// A decoded vector: row i is values[index[i]], or values[i] when index is empty.
struct StringVector {
  std::vector<std::string_view> values;
  std::vector<uint32_t> index;

  size_t rows() const { return index.empty() ? values.size() : index.size(); }
  std::string_view at(size_t row) const { return index.empty() ? values[row] : values[index[row]]; }
  // The distinct-or-not values to tokenize (each value of the vector at least once).
  const std::vector<std::string_view>& all_values() const { return values; }
};

void encode_strings(std::span<const std::string_view> values, std::string* out);
// Reads n values; false (and `in` failed) when the bytes are not a valid vector of n values.
bool decode_strings(ByteReader& in, size_t n, StringVector* out);

}  // namespace weft::storage
