// Wall-clock time in unix nanoseconds, and its text forms (RFC 3339 with nanoseconds).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace weft {

using UnixNanos = int64_t;

UnixNanos now_unix_nanos();

// "2026-11-22T10:04:05.123456789Z" (always UTC, always nine fraction digits).
std::string format_rfc3339_nanos(UnixNanos t);

// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (month 1-12, day 1-31);
// negative before 1970.
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);

// Days in a month (1-12) of a year of the proleptic Gregorian calendar.
unsigned days_in_month(int64_t year, unsigned month);

// Accepts RFC 3339 ("2026-11-22T10:04:05Z", with optional fraction and offset) or an integer
// of unix nanoseconds.
Result<UnixNanos> parse_time(std::string_view text);

// Unix seconds of a UTC date and time (proleptic Gregorian; no range checks).
int64_t unix_seconds_from_civil(int64_t year, unsigned month, unsigned day, int hour, int minute,
                                int second);

}  // namespace weft
