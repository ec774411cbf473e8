// ColumnMask: which columns a reader decodes. Decoding touches only the chunks of the columns
// asked for, so a query that needs time and body never reads or decompresses the rest.
//
// A LogRecord or Span decoded with a mask has the masked fields filled and every other field
// at its default. The time fields are always filled (logs: time_unix_nano; spans:
// start_time_unix_nano); logs' observed time needs kObservedDelta, spans' end time needs
// kDuration. Attributes: all of them (add(ColumnId::kAttribute)) or only chosen keys, kept
// in each record's order.
//
// Thread safety: a plain value.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/part/part_format.h"

namespace weft::storage {

class ColumnMask {
 public:
  // Every column: records come back whole.
  static ColumnMask all() {
    ColumnMask m;
    m.bits_ = ~0ull;
    m.all_attributes_ = true;
    return m;
  }
  // Only the time.
  static ColumnMask time_only() { return ColumnMask(); }

  ColumnMask& add(part_format::ColumnId id) {
    bits_ |= 1ull << static_cast<int>(id);
    if (id == part_format::ColumnId::kAttribute) all_attributes_ = true;
    return *this;
  }
  ColumnMask& add_attribute(std::string key) {
    keys_.push_back(std::move(key));
    return *this;
  }

  bool has(part_format::ColumnId id) const { return id == part_format::ColumnId::kTime || (bits_ >> static_cast<int>(id)) & 1; }
  bool any_attributes() const { return all_attributes_ || !keys_.empty(); }
  bool wants_attribute(std::string_view key) const {
    return all_attributes_ || std::find(keys_.begin(), keys_.end(), key) != keys_.end();
  }

 private:
  uint64_t bits_ = 0;
  bool all_attributes_ = false;
  std::vector<std::string> keys_;
};

}  // namespace weft::storage
