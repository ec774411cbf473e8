// gzip (and zlib) decompression with a hard output limit, so a small compressed body cannot
// inflate into an unbounded one (a decompression bomb).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace weft {

// Inflates a gzip or zlib stream (detected from its header; concatenated gzip members are
// inflated one after another). kTooLarge once the output would pass max_output_bytes, checked
// while inflating, so no more than about max_output_bytes is ever allocated;
// kInvalidArgument for a corrupt or truncated stream, or trailing bytes after it.
Result<std::string> gunzip_limited(std::string_view compressed, size_t max_output_bytes);

// Inflates an HTTP "deflate" body: a zlib stream (RFC 1950, what the HTTP specification means)
// or a raw DEFLATE stream (RFC 1951, what Go's compress/flate and so Loki read), told apart by
// the zlib header. Same limit and errors as gunzip_limited.
Result<std::string> inflate_deflate_limited(std::string_view compressed, size_t max_output_bytes);

// Compresses into gzip format (for clients, tests and benchmarks).
std::string gzip_compress(std::string_view data);
// Compresses into a raw DEFLATE stream (for tests); bodies up to 4 GiB.
std::string deflate_raw_compress(std::string_view data);

}  // namespace weft
