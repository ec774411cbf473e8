// Lowercase hex encoding of byte strings (trace and span ids) and its inverse.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace weft {

std::string to_hex(std::string_view bytes);

// Decodes exactly `size` bytes from 2 x size hex characters (either case) into `out`, without
// allocating. False (with `out` partly written) on another length or a non-hex character.
bool from_hex_into(std::string_view hex, uint8_t* out, size_t size);

// Decodes hex (either case). Returns nullopt on odd length or a non-hex character.
std::optional<std::string> from_hex(std::string_view hex);

}  // namespace weft
