// The PRI part of a syslog message ("<34>": facility * 8 + severity) and what the severities
// mean in OpenTelemetry terms, as the OpenTelemetry Collector's syslog receiver maps them:
//
//   0 emerg -> 21 FATAL   1 alert -> 19 ERROR3   2 crit -> 18 ERROR2   3 err -> 17 ERROR
//   4 warning -> 13 WARN  5 notice -> 10 INFO2   6 info -> 9 INFO      7 debug -> 5 DEBUG
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace weft::ingest {

struct SyslogPriority {
  int facility = 0;  // 0-23
  int severity = 0;  // 0-7
};

struct ParsedPriority {
  SyslogPriority priority;
  size_t length = 0;  // of "<PRI>"
};

// "<PRI>" at the start of `text`, PRI being 1-3 digits from 0 to 191; nullopt otherwise.
std::optional<ParsedPriority> parse_syslog_priority(std::string_view text);

// The OpenTelemetry severity number of a syslog severity (0-7); 0 for anything else.
int syslog_severity_number(int severity);
// "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"; "" otherwise.
std::string_view syslog_severity_text(int severity);

}  // namespace weft::ingest
