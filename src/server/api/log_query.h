// The parameters of GET /api/v1/logs (docs/api.md), validated into a query::LogFilter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "query/log_search.h"
#include "server/http/query_params.h"

namespace weft::server::api {

inline constexpr size_t kDefaultLogLimit = 100;

struct LogQuery {
  query::LogFilter filter;  // tenant left for the caller
  size_t limit = kDefaultLogLimit;
};

// A bad parameter: its name and a message for the client ("limit: expected ...").
struct ParamError {
  std::string parameter;
  std::string message;
};

// Reads service, env, severity, start, end, q, trace_id and limit (1..max_limit) into `out`.
// Unknown parameters are ignored; an empty value counts as absent. Returns the first bad
// parameter, if any.
std::optional<ParamError> parse_log_query(const QueryParams& params, uint32_t max_limit,
                                          LogQuery& out);

// A trace id parameter: 32 hex characters.
std::optional<ParamError> parse_trace_id_param(std::string_view name, std::string_view text,
                                               TraceId& out);

}  // namespace weft::server::api
