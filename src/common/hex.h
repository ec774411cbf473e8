// Lowercase hex encoding of byte strings (trace and span ids) and its inverse.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace weft {

std::string to_hex(std::string_view bytes);

// Decodes hex (either case). Returns nullopt on odd length or a non-hex character.
std::optional<std::string> from_hex(std::string_view hex);

// Decodes hex (either case) into exactly `size` bytes at `out`, allocating nothing. False when
// hex is not 2 * size characters or holds a non-hex character (`out` is then unspecified).
bool from_hex_into(std::string_view hex, uint8_t* out, size_t size);

}  // namespace weft
