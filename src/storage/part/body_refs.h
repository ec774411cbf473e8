// Id references in log bodies: many log lines quote their own trace and span ids as hex
// ("... TraceID: 7e144dbe... SpanID: afa8f0a9... [verifyCode]"). Those 48 random characters
// cost more than the rest of a line after compression, and the ids are stored in their own
// columns anyway, so a string body is stored with each occurrence of its record's ids replaced
// by a two-byte reference (docs/format/part.md, "Body column"):
//
//   ESC 0x00  a literal ESC byte            ESC 0x01  the trace id, lowercase hex
//   ESC 0x02  the span id, lowercase hex    ESC 0x03  the trace id, uppercase hex
//   ESC 0x04  the span id, uppercase hex    (ESC = 0x1A; absent ids are never referenced)
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "model/ids.h"

namespace weft::storage {

inline constexpr char kBodyRefEscape = 0x1A;

std::string encode_body_refs(std::string_view text, const TraceId& trace_id, const SpanId& span_id);
// False when `stored` is malformed (a dangling or unknown reference, or one to an absent id).
bool decode_body_refs(std::string_view stored, const TraceId& trace_id, const SpanId& span_id, std::string* out);

}  // namespace weft::storage
