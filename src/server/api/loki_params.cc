#include "server/api/loki_params.h"

#include <charconv>
#include <cmath>

#include "query/logql/units.h"

namespace weft::server::api {

namespace {

Status bad(std::string_view name, std::string_view value, std::string_view what) {
  return Status::invalid("invalid " + std::string(name) + " \"" + std::string(value) + "\": " + std::string(what));
}

bool is_form(const HttpRequest& r) {
  auto it = r.find(http::field::content_type);
  if (it == r.end()) return false;
  std::string_view type(it->value().data(), it->value().size());
  return type.rfind("application/x-www-form-urlencoded", 0) == 0;
}

}  // namespace

std::string param_or_empty(const QueryParams& params, std::string_view name) {
  const std::string* v = params.get(name);
  return v ? *v : std::string();
}

Result<QueryParams> loki_params(const Request& request) {
  if (request.message.method() != http::verb::post || !is_form(request.message) || request.message.body().empty())
    return request.params;
  auto form = QueryParams::parse(request.message.body());
  if (!form.is_ok()) return Status::invalid("invalid form body: " + form.status().message());
  // URL parameters first, then the form's: get() finds the first.
  QueryParams merged = request.params;
  for (const auto& [k, v] : form->all()) merged.add(k, v);
  return merged;
}

Result<UnixNanos> loki_time(const QueryParams& params, std::string_view name, UnixNanos fallback) {
  const std::string* v = params.get(name);
  if (!v || v->empty()) return fallback;
  const std::string& s = *v;
  if (s.find('.') != std::string::npos && s.find('-') == std::string::npos && s.find(':') == std::string::npos) {
    char* end = nullptr;
    double seconds = std::strtod(s.c_str(), &end);
    if (end == s.c_str() + s.size() && std::isfinite(seconds)) {
      double whole = std::floor(seconds);
      double frac = std::round((seconds - whole) * 1000) / 1000;
      return static_cast<UnixNanos>(whole) * 1000000000 + static_cast<UnixNanos>(frac * 1e9);
    }
  }
  int64_t n = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec == std::errc() && p == s.data() + s.size()) {
    if (s.size() <= 10) return n * 1000000000;  // unix seconds
    return n;
  }
  auto t = parse_time(s);
  if (!t.is_ok()) return bad(name, s, "expected unix nanoseconds, seconds or RFC 3339");
  return *t;
}

Result<std::optional<int64_t>> loki_duration(const QueryParams& params, std::string_view name) {
  const std::string* v = params.get(name);
  if (!v || v->empty()) return std::optional<int64_t>();
  auto d = logql::parse_duration_literal(*v);
  if (d.is_ok()) return std::optional<int64_t>(*d);
  char* end = nullptr;
  double seconds = std::strtod(v->c_str(), &end);
  if (end == v->c_str() + v->size() && std::isfinite(seconds))
    return std::optional<int64_t>(static_cast<int64_t>(seconds * 1e9));
  return bad(name, *v, "expected a duration (5m, 30s) or float seconds");
}

Result<TimeRange> loki_time_range(const QueryParams& params, int64_t default_since) {
  UnixNanos now = now_unix_nanos();
  auto end = loki_time(params, "end", now);
  if (!end.is_ok()) return end.status();
  auto since = loki_duration(params, "since");
  if (!since.is_ok()) return since.status();
  int64_t lookback = since->value_or(default_since);
  UnixNanos from = (*end > now ? now : *end) - lookback;
  auto start = loki_time(params, "start", from);
  if (!start.is_ok()) return start.status();
  if (*end < *start)
    return Status::invalid("invalid query, through < from (" + std::to_string(*end) + " < " +
                           std::to_string(*start) + ")");
  return TimeRange{*start, *end};
}

int64_t default_step(UnixNanos start, UnixNanos end) {
  int64_t seconds = (end - start) / 1000000000 / 250;
  return std::max<int64_t>(seconds, 1) * 1000000000;
}

}  // namespace weft::server::api
