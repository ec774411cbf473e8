// The values structured loggers write in their time and level fields, read as OpenTelemetry
// times and severities.
//
// Times: RFC 3339 text (a space for the "T" and a missing zone, read as UTC, are accepted), or
// a number of seconds, milliseconds, microseconds or nanoseconds since the epoch, told apart
// by magnitude (below 1e11: seconds, fractions kept; below 1e14: ms; below 1e17: us; else
// ns), as a JSON number or a string of digits.
//
// Levels: names in any case (trace, debug, info, notice, warn/warning, error/err, crit/
// critical, alert, fatal, panic, dpanic, emerg/emergency, and what effective_severity()
// knows, such as single letters) and numbers: 0-7 are syslog severities (GELF), 10-60+ the
// levels of pino and bunyan (10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal;
// between two levels counts as the lower one).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"

namespace weft::ingest {

// Unix nanoseconds of an epoch number in any of the units above; nullopt for zero, negative
// or non-finite values.
std::optional<UnixNanos> epoch_number_to_nanos(double value);
std::optional<UnixNanos> epoch_number_to_nanos(int64_t value);
// RFC 3339 text or a decimal epoch number as text.
std::optional<UnixNanos> parse_log_time_text(std::string_view text);

struct LogLevel {
  int32_t severity_number = 0;  // 0 when the level is not known
  std::string severity_text;
};

LogLevel level_from_text(std::string_view text);
LogLevel level_from_number(int64_t number);

}  // namespace weft::ingest
