// UTF-8: checking and encoding, shared by the JSON writer and the text parsers of ingest.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace weft {

// Length (1-4) of the valid UTF-8 sequence starting at s[i], or 0 if none starts there
// (a stray continuation byte, a truncated or overlong sequence, a surrogate, past U+10FFFF).
// REQUIRES: i < s.size().
size_t utf8_sequence_length(std::string_view s, size_t i);

// Whether all of `s` is valid UTF-8.
bool is_valid_utf8(std::string_view s);

// Appends the UTF-8 encoding of a code point. REQUIRES: cp <= 0x10FFFF and not a surrogate.
void append_utf8(std::string& out, char32_t cp);

}  // namespace weft
