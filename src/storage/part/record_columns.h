// The columns logs and spans have in common, encoded and decoded once for both: resource,
// scope, attributes (one column per key plus the attribute-shape column), ids, and plain int
// and string columns. log_columns.cc and span_columns.cc add their own fields around these.
//
// Attributes: the j-th attribute with key K in a record (j = 0 for the first) goes to the
// attribute column (K, j); each record's row of the attribute-shape column lists, in the
// record's order, the positions of the attribute columns it has values in:
//   shape row := varint n, varint position * n     ("" for a record without attributes)
// so order and duplicate keys round-trip exactly, with any number of distinct keys.
//
// Thread safety: pure functions.
#pragma once

#include <span>
#include <vector>

#include "model/any_value.h"
#include "model/ids.h"
#include "model/resource.h"
#include "storage/part/column_builder.h"
#include "storage/part/column_mask.h"
#include "storage/part/column_source.h"
#include "storage/part/decode_cache.h"
#include "storage/part/string_codec.h"

namespace weft::storage {

// --- encoding (one block's rows) ---

void encode_resource_column(std::span<const Resource* const> rows, ColumnBuilder& b);
void encode_scope_column(std::span<const Scope* const> rows, ColumnBuilder& b);
void encode_attribute_columns(std::span<const Attributes* const> rows, ColumnBuilder& b);

// --- decoding (one block; an absent column decodes to defaults) ---

Status decode_int_column(ColumnSource& src, const BlockHeader& h, part_format::ColumnId id,
                         std::vector<int64_t>* out);
// *out has h.rows values; "" for every row when the column is absent.
Status decode_string_column(ColumnSource& src, const BlockHeader& h, part_format::ColumnId id,
                            StringVector* out);
Status decode_resource_column(ColumnSource& src, const BlockHeader& h, DecodeCache& cache,
                              std::vector<ResourcePtr>* out);
Status decode_scope_column(ColumnSource& src, const BlockHeader& h, DecodeCache& cache,
                           std::vector<ScopePtr>* out);
// The attributes of every row, only the keys `mask` wants, in each record's order.
Status decode_attribute_columns(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask,
                                std::vector<Attributes>* out);

// Ids: a fixed-width string column; absent rows and an absent column give all-zero ids.
template <size_t N>
Status decode_id_column(ColumnSource& src, const BlockHeader& h, part_format::ColumnId id,
                        std::vector<FixedId<N>>* out) {
  out->assign(h.rows, FixedId<N>());
  if (h.find(id) == nullptr) return Status::ok();
  StringVector v;
  WEFT_RETURN_IF_ERROR(decode_string_column(src, h, id, &v));
  for (size_t i = 0; i < h.rows; ++i)
    if (!(*out)[i].assign(v.at(i))) return src.malformed(*h.find(id), "an id of the wrong length");
  return Status::ok();
}

// The bytes an all-zero id is stored as (absent ids).
std::string_view zero_id(size_t size);

}  // namespace weft::storage
