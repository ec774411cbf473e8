#include "loadgen/snappy_block.h"

#include <snappy.h>

namespace weft::loadgen {

std::string snappy_compress(std::string_view raw) {
  std::string out;
  snappy::Compress(raw.data(), raw.size(), &out);
  return out;
}

std::optional<std::string> snappy_uncompress(std::string_view block) {
  std::string out;
  if (!snappy::Uncompress(block.data(), block.size(), &out)) return std::nullopt;
  return out;
}

}  // namespace weft::loadgen
