// The request parameters of Loki's HTTP API (docs/api.md, "Loki API"): times as unix
// nanoseconds, unix seconds (up to 10 digits), float seconds or RFC 3339; `since`; steps and
// intervals as Prometheus durations or float seconds; direction; limit. POST requests may
// carry the same parameters as an application/x-www-form-urlencoded body.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "server/http/router.h"

namespace weft::server::api {

// The URL parameters, plus the form body of a POST.
Result<QueryParams> loki_params(const Request& request);

// A Loki timestamp; `fallback` when absent or empty.
Result<UnixNanos> loki_time(const QueryParams& params, std::string_view name, UnixNanos fallback);
// A duration: "5m", "1h30m", "10s" or float seconds "15", "0.5"; nullopt when absent.
Result<std::optional<int64_t>> loki_duration(const QueryParams& params, std::string_view name);

// start/end of a range request: end defaults to now, start to end - since (default
// `default_since`). kInvalidArgument when end < start.
struct TimeRange {
  UnixNanos start = 0;
  UnixNanos end = 0;
};
Result<TimeRange> loki_time_range(const QueryParams& params, int64_t default_since);

// Loki's default step: (end - start) / 250, at least one second.
int64_t default_step(UnixNanos start, UnixNanos end);

// The first value of a parameter, or "".
std::string param_or_empty(const QueryParams& params, std::string_view name);

}  // namespace weft::server::api
