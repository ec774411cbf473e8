// Figures about the weft process itself, read from /proc.
#pragma once

#include <cstdint>
#include <optional>

namespace weft::server::api {

// Resident set size in bytes (from /proc/self/statm), or nullopt where unavailable.
std::optional<uint64_t> resident_memory_bytes();

}  // namespace weft::server::api
