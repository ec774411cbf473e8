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

// Decodes hex (either case) into hex.size() / 2 bytes at `out`, without allocating (ids on
// the ingest path). False on odd length or a non-hex character (`out` then holds garbage).
bool decode_hex(std::string_view hex, uint8_t* out);

}  // namespace weft
