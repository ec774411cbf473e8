// Standard base64 (RFC 4648, with padding), used for OTLP JSON bytes values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace weft {

std::string base64_encode(std::string_view bytes);

// Decodes standard or URL-safe base64, padded or not. nullopt on any other character.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace weft
