#include "server/api/delete_request_params.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>

#include "common/time.h"

namespace weft::server::api {

namespace pf = storage::part_format;

namespace {

Status bad_param(std::string_view name, std::string_view what) {
  return Status::invalid(std::string(name) + ": " + std::string(what));
}

}  // namespace

Result<UnixNanos> parse_loki_seconds(std::string_view text) {
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  bool numeric = !whole.empty() && whole.size() <= 11 && frac.size() <= 9;
  for (char c : whole) numeric &= std::isdigit(static_cast<unsigned char>(c)) != 0;
  for (char c : frac) numeric &= std::isdigit(static_cast<unsigned char>(c)) != 0;
  if (!numeric) {
    auto t = parse_time(text);
    if (!t || std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return Status::invalid("expected unix seconds or an RFC 3339 time, got \"" + std::string(text) + "\"");
    return *t;
  }
  int64_t nanos = std::stoll(std::string(whole)) * 1'000'000'000;
  std::string digits(frac);
  digits.resize(9, '0');
  return nanos + std::stoll(digits);
}

Result<storage::DeleteRequestSpec> parse_loki_delete_params(const QueryParams& params, UnixNanos now) {
  storage::DeleteRequestSpec spec;
  const std::string* query = params.get("query");
  if (!query || query->empty()) return bad_param("query", "required (a stream selector such as {app=\"x\"})");
  spec.query = *query;
  const std::string* start = params.get("start");
  if (!start || start->empty()) return bad_param("start", "required (unix seconds or RFC 3339)");
  auto s = parse_loki_seconds(*start);
  if (!s.is_ok()) return bad_param("start", s.status().message());
  spec.start = *s;
  spec.end = now;
  if (const std::string* end = params.get("end"); end && !end->empty()) {
    auto e = parse_loki_seconds(*end);
    if (!e.is_ok()) return bad_param("end", e.status().message());
    spec.end = *e;
  }
  if (spec.end < spec.start) return bad_param("end", "must not be before start");
  return spec;
}

namespace {

// A time field: an RFC 3339 string, unix nanoseconds as a string, or unix nanoseconds.
Result<UnixNanos> json_time(simdjson::dom::element e, std::string_view name) {
  int64_t n = 0;
  if (!e.get(n)) return n;
  std::string_view text;
  if (!e.get(text)) {
    if (auto t = parse_time(text)) return *t;
  }
  return bad_param(name, "expected an RFC 3339 time or unix nanoseconds");
}

}  // namespace

Result<storage::DeleteRequestSpec> parse_native_delete_body(std::string_view body, UnixNanos now) {
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(body.data(), body.size()).get(root))
    return Status::invalid("body: expected a JSON object");
  storage::DeleteRequestSpec spec;
  std::string_view text;
  if (root["selector"].get(text) || text.empty())
    return bad_param("selector", "required (a stream selector such as {service_name=\"x\"})");
  spec.query = std::string(text);
  simdjson::dom::element e;
  if (root["start"].get(e)) return bad_param("start", "required");
  auto start = json_time(e, "start");
  if (!start.is_ok()) return start.status();
  spec.start = *start;
  spec.end = now;
  if (!root["end"].get(e)) {
    auto end = json_time(e, "end");
    if (!end.is_ok()) return end.status();
    spec.end = *end;
  }
  if (spec.end < spec.start) return bad_param("end", "must not be before start");
  if (!root["signal"].get(e)) {
    if (e.get(text) || (text != "logs" && text != "spans"))
      return bad_param("signal", "expected \"logs\" or \"spans\"");
    spec.signal = text == "logs" ? pf::Signal::kLogs : pf::Signal::kSpans;
  }
  return spec;
}

}  // namespace weft::server::api
