// ColumnBuilder: turns the values of one block, column by column, into EncodedColumns (the raw
// vectors and their token sets) for PartWriter to store. The log and span column sets
// (log_columns.h, span_columns.h) drive it.
//
// A column whose every value is the default (0, "", the all-zero id, no attribute) is left out:
// readers take an absent column as defaults. kTime is always kept.
//
// Thread safety: none; one per block being encoded.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/any_value.h"
#include "storage/part/part_format.h"
#include "storage/part/token_set.h"

namespace weft::storage {

struct EncodedColumn {
  part_format::ColumnId id = part_format::ColumnId::kTime;
  std::string key;          // kAttribute
  uint32_t occurrence = 0;  // kAttribute
  std::string raw;          // the encoded vector
  TokenSet tokens;          // what its bloom filter holds (none when empty)
};

class ColumnBuilder {
 public:
  explicit ColumnBuilder(size_t rows) : rows_(rows) {}
  size_t rows() const { return rows_; }

  // An int vector; left out when every value is 0 (except kTime).
  void ints(part_format::ColumnId id, std::span<const int64_t> values);
  // A string vector; left out (null returned) when every value equals `default_value`. The
  // caller adds tokens to the returned column.
  EncodedColumn* strings(part_format::ColumnId id, std::span<const std::string_view> values,
                         std::string_view default_value = {});
  // strings() whose every distinct value's words go into the bloom filter.
  void text(part_format::ColumnId id, std::span<const std::string_view> values);
  // strings() whose every distinct non-default value goes into the bloom filter whole (ids).
  void ids(part_format::ColumnId id, std::span<const std::string_view> values, std::string_view absent);
  // A value vector (null = absent row), after the bytes of `prefix`; the words of every string
  // of `indexed` (by default the values themselves) go into the bloom filter. Left out when no
  // row has a value.
  void values(part_format::ColumnId id, std::string key, uint32_t occurrence, std::span<const AnyValue* const> values,
              std::string_view prefix = {}, std::span<const AnyValue* const> indexed = {});

  // The columns, ordered by (id, key, occurrence) as block headers require.
  std::vector<EncodedColumn> take();

 private:
  EncodedColumn& add(part_format::ColumnId id);

  size_t rows_;
  std::vector<EncodedColumn> columns_;
};

}  // namespace weft::storage
