// ColumnSource: where block decoders get the raw vector of a column of one block. The part
// reader implements it over the part's files: it reads a chunk, verifies its checksum and
// decompresses it, only when a decoder asks for that column.
//
// Thread safety: none; one per block being decoded.
#pragma once

#include <string_view>

#include "common/status.h"
#include "storage/part/block_header.h"

namespace weft::storage {

class ColumnSource {
 public:
  virtual ~ColumnSource() = default;
  // The raw vector of `column` (a column of the block being decoded), valid as long as the
  // source. kCorruption naming the file and offset when the chunk is damaged.
  virtual Result<std::string_view> raw(const ColumnHeader& column) = 0;
  // kCorruption naming the part, the block and `column`, saying `what` is wrong with it.
  virtual Status malformed(const ColumnHeader& column, std::string_view what) const = 0;
};

}  // namespace weft::storage
