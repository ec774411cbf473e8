// zstd compression of chunks, index groups and the stream table (libzstd, one context per
// thread).
//
// Thread safety: safe from any thread (contexts are thread-local).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace weft::storage {

std::string zstd_compress(std::string_view raw, int level);
// Decompresses `stored`, which must expand to exactly `raw_size` bytes; kCorruption otherwise.
Result<std::string> zstd_decompress(std::string_view stored, size_t raw_size);

}  // namespace weft::storage
