// The conventions of Loki's POST /loki/api/v1/push, as Loki's distributor applies them, from
// the request's headers and body to a decoded PushResult:
//
//   Content-Type      application/json (any parameters) is JSON; anything else, or none,
//                     is protobuf, which is always snappy-compressed (raw block format) --
//                     winston-loki sends it with no Content-Encoding at all
//   Content-Encoding  none, "identity" or "snappy": the body as is; "gzip"; "deflate" (zlib or
//                     raw); anything else is refused: `Content-Encoding "br" not supported`
//   limits            the body after gzip/deflate and after snappy must stay within
//                     max_bytes, checked before the bytes are produced
//
// Status codes of the result: kTooLarge (Loki and weft answer 413), kInvalidArgument (400) for
// a malformed body or an unsupported Content-Encoding. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "ingest/loki/push_builder.h"

namespace weft::ingest::loki {

inline constexpr std::string_view kPushPath = "/loki/api/v1/push";

enum class PushEncoding { kProtobuf, kJson };

PushEncoding push_encoding_for_content_type(std::string_view content_type);

// Undoes the Content-Encoding (not snappy: that belongs to the protobuf encoding).
Result<std::string> undo_content_encoding(std::string_view content_encoding, std::string body,
                                          uint64_t max_bytes);

// Decodes a body whose Content-Encoding is undone: snappy + protobuf, or JSON.
Result<PushResult> decode_push_body(PushEncoding encoding, std::string_view body,
                                    uint64_t max_bytes, const PushOptions& options);

// All of the above: headers and body to a PushResult. The body is consumed.
Result<PushResult> decode_push_request(std::string_view content_type,
                                       std::string_view content_encoding, std::string body,
                                       uint64_t max_bytes, const PushOptions& options);

}  // namespace weft::ingest::loki
