// Snappy's raw block format (not the framed format), as Loki's protobuf push uses it: a thin
// wrapper over libsnappy so that nothing else includes it.
//
// A block starts with its uncompressed length (a varint), so the size limit is checked before
// anything is allocated: a small block cannot claim a huge output.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace weft {

std::string snappy_compress(std::string_view raw);

// The uncompressed bytes of `block`. kTooLarge when it would be over max_output_bytes,
// kInvalidArgument ("snappy: corrupt input") when `block` is not a valid snappy block.
Result<std::string> snappy_uncompress(std::string_view block, size_t max_output_bytes);

}  // namespace weft
