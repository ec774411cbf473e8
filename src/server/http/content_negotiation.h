// Reading what a client accepts: Accept-Encoding (RFC 9110 section 12.5.3) and the ETags of
// If-None-Match (RFC 9110 section 13.1.2). Pure functions of header values.
#pragma once

#include <string_view>

namespace weft::server {

// Whether an Accept-Encoding value allows gzip: "gzip" or "x-gzip" (or "*") listed with a
// q-value above 0. Tokens are case-insensitive.
bool accepts_gzip(std::string_view accept_encoding);

// Whether an If-None-Match value names `etag` (quoted, as sent), or is "*". Comparison is
// weak, as RFC 9110 requires for If-None-Match: W/"x" matches "x".
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace weft::server
