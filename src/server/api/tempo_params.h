// The parameters of Tempo's search, tag and metrics APIs (docs/traceql.md): times in unix
// seconds, Go-style durations, logfmt tags, limit and spss.
// Thread safety: free functions.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "common/time.h"
#include "server/http/query_params.h"

namespace weft::server::api {

inline constexpr size_t kDefaultTempoLimit = 20;
inline constexpr size_t kDefaultSpansPerSpanset = 3;
inline constexpr size_t kMaxSpansPerSpanset = 1000;
// Without start and end, Tempo's APIs look at recent data: weft reads the last hour.
inline constexpr int64_t kDefaultTempoRangeNanos = 3600LL * 1'000'000'000;

struct TimeRange {
  UnixNanos start = 0;
  UnixNanos end = 0;
};

// start and end (unix seconds, possibly fractional; unix nanoseconds; RFC 3339), or `since`
// (a duration before end); end defaults to now and start to an hour before end.
Result<TimeRange> tempo_time_range(const QueryParams& params, UnixNanos now);

// An unsigned count parameter in [1, max], or `fallback` when absent or empty.
Result<size_t> count_param(const QueryParams& params, std::string_view name, size_t fallback,
                           size_t max);

// A Go-style duration ("100ms", "1.5s", "2m"; compound "1m30s"), nullopt when absent.
Result<std::optional<int64_t>> duration_param(const QueryParams& params, std::string_view name);

// The TraceQL query for Tempo's tag search: `tags` (logfmt, `k=v k2="v 2"`) becomes
// `{ .k =~ "(?is).*v.*" && ... }` (values match as case-insensitive substrings, as in Tempo);
// no tags give `{ }`.
Result<std::string> tags_to_traceql(std::string_view logfmt);

}  // namespace weft::server::api
