// The @timestamp of an Elasticsearch document, in the default format of an Elasticsearch date
// field ("strict_date_optional_time||epoch_millis"):
//
//   a JSON number, or a string of one       milliseconds since the epoch, fraction allowed
//   "2026-11-22"                             midnight UTC
//   "2026-11-22T10:04", "...T10:04:05", "...T10:04:05.123456789"
//   followed by nothing (UTC), "Z", "+01:00", "+0100" or "+01"
//
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "ingest/json/json_any_value.h"

namespace weft::ingest::elastic {

// kInvalidArgument (with a reason) for any other value, and for times outside the range of
// int64 nanoseconds (years 1678-2262).
Result<UnixNanos> parse_elastic_date(JsonValue value);
Result<UnixNanos> parse_elastic_date_text(std::string_view text);

}  // namespace weft::ingest::elastic
