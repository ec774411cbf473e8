// The parameters of a delete request (docs/api.md, "Delete by query"), in Loki's form (query
// string: query, start, end as unix seconds or RFC 3339) and weft's native JSON form, validated
// into a storage::DeleteRequestSpec. The selector itself is checked by the store.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "server/http/query_params.h"
#include "storage/deletes/delete_request.h"

namespace weft::server::api {

// Loki's POST /loki/api/v1/delete: `query` (required), `start` (required), `end` (default now),
// times as unix seconds (fractions allowed) or RFC 3339. kInvalidArgument naming the parameter.
Result<storage::DeleteRequestSpec> parse_loki_delete_params(const QueryParams& params, UnixNanos now);

// {"selector": "{...}", "start": T, "end": T, "signal": "logs"|"spans"}: times as RFC 3339
// strings or unix nanoseconds (number or string); end defaults to now, signal to logs.
Result<storage::DeleteRequestSpec> parse_native_delete_body(std::string_view body, UnixNanos now);

// Loki's timestamp parameters: unix seconds with an optional fraction, or RFC 3339.
Result<UnixNanos> parse_loki_seconds(std::string_view text);

}  // namespace weft::server::api
