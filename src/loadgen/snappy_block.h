// Snappy raw block format (not the framed format), as Loki's protobuf push expects: a thin
// wrapper over libsnappy so the rest of loadgen does not include it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace weft::loadgen {

std::string snappy_compress(std::string_view raw);
// nullopt when `block` is not a valid snappy block.
std::optional<std::string> snappy_uncompress(std::string_view block);

}  // namespace weft::loadgen
