#include "common/snappy_block.h"

#include <snappy.h>

namespace weft {

namespace {
// The wording of Go's snappy package, which Loki's answers carry.
constexpr const char* kCorrupt = "snappy: corrupt input";
}  // namespace

std::string snappy_compress(std::string_view raw) {
  std::string out;
  snappy::Compress(raw.data(), raw.size(), &out);
  return out;
}

Result<std::string> snappy_uncompress(std::string_view block, size_t max_output_bytes) {
  size_t length = 0;
  if (!snappy::GetUncompressedLength(block.data(), block.size(), &length))
    return Status::invalid(kCorrupt);
  if (length > max_output_bytes)
    return Status::too_large("snappy block decompresses to " + std::to_string(length) +
                             " bytes, over the limit of " + std::to_string(max_output_bytes));
  std::string out;
  if (!snappy::Uncompress(block.data(), block.size(), &out)) return Status::invalid(kCorrupt);
  return out;
}

}  // namespace weft
