#include "server/api/tempo_params.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <re2/re2.h>

#include "query/traceql/traceql_lexer.h"
#include "query/traceql/traceql_printer.h"

namespace weft::server::api {

namespace {

std::optional<std::string_view> value_of(const QueryParams& params, std::string_view name) {
  const std::string* v = params.get(name);
  if (!v || v->empty()) return std::nullopt;
  return *v;
}

// Unix seconds (possibly fractional), unix nanoseconds (an integer past 1e12) or RFC 3339.
Result<UnixNanos> tempo_time(std::string_view name, std::string_view text) {
  std::string copy(text);
  char* end = nullptr;
  double number = std::strtod(copy.c_str(), &end);
  bool numeric = end == copy.c_str() + copy.size() && std::isfinite(number) && number >= 0;
  if (numeric && number < 1e12) return static_cast<UnixNanos>(std::llround(number * 1e9));
  auto t = parse_time(copy);
  if (t.is_ok() && (!numeric || copy.find('.') == std::string::npos)) return t;
  return Status::invalid("invalid " + std::string(name) +
                         ": expected unix seconds, unix nanoseconds or RFC 3339, got \"" + copy +
                         "\"");
}

// One `key=value` or `key="quoted value"` pair of a logfmt line, advancing `pos`.
Status next_logfmt_pair(std::string_view s, size_t& pos, std::string& key, std::string& value) {
  size_t eq = s.find('=', pos);
  if (eq == std::string_view::npos || eq == pos)
    return Status::invalid("invalid tags: expected key=value at offset " + std::to_string(pos));
  key = std::string(s.substr(pos, eq - pos));
  pos = eq + 1;
  value.clear();
  if (pos < s.size() && s[pos] == '"') {
    for (++pos; pos < s.size() && s[pos] != '"'; ++pos) {
      if (s[pos] == '\\' && pos + 1 < s.size()) ++pos;
      value.push_back(s[pos]);
    }
    if (pos >= s.size()) return Status::invalid("invalid tags: unterminated quoted value");
    ++pos;
  } else {
    while (pos < s.size() && s[pos] != ' ') value.push_back(s[pos++]);
  }
  return Status::ok();
}

}  // namespace

Result<TimeRange> tempo_time_range(const QueryParams& params, UnixNanos now) {
  TimeRange range{now - kDefaultTempoRangeNanos, now};
  auto start = value_of(params, "start");
  auto end = value_of(params, "end");
  if (end) {
    auto e = tempo_time("end", *end);
    if (!e.is_ok()) return e.status();
    range.end = *e;
    range.start = range.end - kDefaultTempoRangeNanos;
  }
  if (start) {
    auto s = tempo_time("start", *start);
    if (!s.is_ok()) return s.status();
    range.start = *s;
  } else if (value_of(params, "since")) {
    auto since = duration_param(params, "since");
    if (!since.is_ok()) return since.status();
    range.start = range.end - **since;
  }
  if (range.end < range.start) return Status::invalid("invalid range: end is before start");
  return range;
}

Result<size_t> count_param(const QueryParams& params, std::string_view name, size_t fallback,
                           size_t max) {
  auto text = value_of(params, name);
  if (!text) return fallback;
  size_t n = 0;
  auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || p != text->data() + text->size() || n == 0 || n > max)
    return Status::invalid("invalid " + std::string(name) + ": expected an integer from 1 to " +
                           std::to_string(max));
  return n;
}

Result<std::optional<int64_t>> duration_param(const QueryParams& params, std::string_view name) {
  auto text = value_of(params, name);
  if (!text) return std::optional<int64_t>();
  int64_t total = 0;
  std::string_view rest = *text;
  while (!rest.empty()) {
    size_t unit_end = rest.find_first_of("0123456789.", rest.find_first_not_of("0123456789."));
    std::string_view part = rest.substr(0, unit_end);
    int64_t nanos = 0;
    if (!query::traceql::parse_duration_literal(part, nanos))
      return Status::invalid("invalid " + std::string(name) + ": expected a duration such as "
                             "100ms or 1.5s, got \"" + std::string(*text) + "\"");
    total += nanos;
    rest = unit_end == std::string_view::npos ? std::string_view() : rest.substr(unit_end);
  }
  return std::optional<int64_t>(total);
}

Result<std::string> tags_to_traceql(std::string_view logfmt) {
  std::string conditions;
  size_t pos = 0;
  while (true) {
    while (pos < logfmt.size() && logfmt[pos] == ' ') ++pos;
    if (pos >= logfmt.size()) break;
    std::string key, value;
    WEFT_RETURN_IF_ERROR(next_logfmt_pair(logfmt, pos, key, value));
    // As Tempo: the value matches as a case-insensitive substring.
    query::traceql::AttributeRef attribute{query::traceql::AttrScope::kUnscoped, key,
                                           query::traceql::Intrinsic::kNone};
    query::traceql::Literal pattern{query::traceql::Literal::Kind::kString,
                                    "(?is).*" + re2::RE2::QuoteMeta(value) + ".*"};
    if (!conditions.empty()) conditions += " && ";
    conditions += query::traceql::print_attribute(attribute) + " =~ " +
                  query::traceql::print_literal(pattern);
  }
  return conditions.empty() ? std::string("{ }") : "{ " + conditions + " }";
}

}  // namespace weft::server::api
