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

}  // namespace weft
