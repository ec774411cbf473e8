// Log severity: OpenTelemetry severity numbers (1-24) and the six levels users filter by.
//
//   1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal; 0 = unspecified.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace weft {

// The severity number a record effectively has: its number when set (1-24), else one derived
// from its text ("ERROR", "warning", "I", ...), else 0.
int effective_severity(int severity_number, std::string_view severity_text);

// The lowest number of a level name ("trace".."fatal", also "warning", "err", "critical"),
// case-insensitive; nullopt for an unknown name.
std::optional<int> severity_level_min_number(std::string_view level);

// The level name of a number: "trace", "debug", "info", "warn", "error", "fatal", or
// "unspecified" for 0 and out-of-range numbers.
std::string_view severity_level_name(int severity_number);

}  // namespace weft
