// The "time" of a Splunk HEC event: seconds since the epoch, as a JSON number (1795315856,
// 1795315856.151) or as a string of one ("1795315856.151", as splunk-logging sends it).
// Fractions are kept to the nanosecond from strings and to the microsecond from numbers (a
// double holds no more at today's epoch).
//
// Pure; thread-safe.
#pragma once

#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "ingest/json/json_any_value.h"

namespace weft::ingest::splunk {

// kInvalidArgument for anything else, negative times, and times past the year 2262.
Result<UnixNanos> parse_hec_time(JsonValue value);
Result<UnixNanos> parse_hec_time_text(std::string_view text);

}  // namespace weft::ingest::splunk
