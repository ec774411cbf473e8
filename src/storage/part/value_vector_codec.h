// Value vectors: how a column of AnyValues (a body, one attribute key) is stored
// (docs/format/part.md, "Value vector"): an int vector of ValueKind per row, then one
// sub-vector per kind that occurs, in this order: strings (string vector), ints (int vector),
// doubles (8 bytes each), bytes (string vector), arrays and kvlists (string vector of value
// records). Typed values round-trip exactly; a row may be kAbsent (an attribute column for a
// record without that key).
//
// Thread safety: pure functions.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/any_value.h"
#include "storage/part/byte_reader.h"

namespace weft::storage {

// `values[i]` null means absent. Appends to `texts` (when not null) a view of every string in
// the values, nested ones included: what the column's bloom filter indexes.
void encode_value_vector(std::span<const AnyValue* const> values, std::string* out,
                         std::vector<std::string_view>* texts);

struct ValueVector {
  std::vector<AnyValue> values;  // one per row (empty for absent rows)
  std::vector<bool> present;     // one per row
};
bool decode_value_vector(ByteReader& in, size_t n, ValueVector* out);

// Every string in a value, nested ones included (what encode_value_vector indexes).
void collect_value_texts(const AnyValue& value, std::vector<std::string_view>* texts);

}  // namespace weft::storage
