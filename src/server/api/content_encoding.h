// Undoing a request's Content-Encoding, bounded so a small compressed body cannot inflate
// into an unbounded one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace weft::server::api {

// `encoding` is the Content-Encoding header value: "gzip" (or "x-gzip") is inflated, ""
// and "identity" return `body` as is (moved, not copied). kTooLarge when the inflated body is
// over max_bytes, kInvalidArgument when it is corrupt, kUnsupported for any other encoding.
Result<std::string> decode_content_encoding(std::string_view encoding, std::string body,
                                            uint64_t max_bytes);

}  // namespace weft::server::api
