#include "server/api/log_query.h"

#include <charconv>

#include "common/time.h"
#include "model/severity.h"

namespace weft::server::api {

namespace {

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

ParamError bad(std::string_view name, std::string_view expected, std::string_view got) {
  return {std::string(name), std::string(name) + ": " + std::string(expected) + ", got " + quoted(got)};
}

// The value of `name`, or nullptr when absent or empty.
const std::string* param(const QueryParams& params, std::string_view name) {
  const std::string* value = params.get(name);
  return value && !value->empty() ? value : nullptr;
}

std::optional<ParamError> parse_severity(const QueryParams& params, query::LogFilter& filter) {
  const std::string* text = param(params, "severity");
  if (!text) return std::nullopt;
  auto min = severity_level_min_number(*text);
  if (!min) return bad("severity", "expected one of trace, debug, info, warn, error, fatal", *text);
  filter.min_severity = *min;
  return std::nullopt;
}

std::optional<ParamError> parse_time_param(const QueryParams& params, std::string_view name,
                                           UnixNanos& out) {
  const std::string* text = param(params, name);
  if (!text) return std::nullopt;
  auto t = parse_time(*text);
  if (!t) return bad(name, "expected an RFC 3339 time or unix nanoseconds", *text);
  out = *t;
  return std::nullopt;
}

std::optional<ParamError> parse_time_range(const QueryParams& params, query::LogFilter& filter) {
  if (auto e = parse_time_param(params, "start", filter.start)) return e;
  if (auto e = parse_time_param(params, "end", filter.end)) return e;
  if (filter.start > filter.end)
    return ParamError{"start", "start: must not be after end"};
  return std::nullopt;
}

std::optional<ParamError> parse_limit(const QueryParams& params, uint32_t max_limit, size_t& out) {
  const std::string* text = param(params, "limit");
  if (!text) return std::nullopt;
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  bool ok = ec == std::errc() && end == text->data() + text->size() && value >= 1 &&
            value <= max_limit;
  if (!ok)
    return bad("limit", "expected an integer from 1 to " + std::to_string(max_limit), *text);
  out = value;
  return std::nullopt;
}

}  // namespace

std::optional<ParamError> parse_trace_id_param(std::string_view name, std::string_view text,
                                               TraceId& out) {
  auto id = TraceId::from_hex(text);
  if (!id) return bad(name, "expected 32 hex characters", text);
  out = *id;
  return std::nullopt;
}

std::optional<ParamError> parse_log_query(const QueryParams& params, uint32_t max_limit,
                                          LogQuery& out) {
  query::LogFilter& filter = out.filter;
  if (const std::string* v = param(params, "service")) filter.service = *v;
  if (const std::string* v = param(params, "env")) filter.environment = *v;
  if (const std::string* v = param(params, "q")) filter.text = *v;
  if (auto e = parse_severity(params, filter)) return e;
  if (auto e = parse_time_range(params, filter)) return e;
  if (const std::string* v = param(params, "trace_id")) {
    TraceId id;
    if (auto e = parse_trace_id_param("trace_id", *v, id)) return e;
    filter.trace_id = id;
  }
  return parse_limit(params, max_limit, out.limit);
}

}  // namespace weft::server::api
