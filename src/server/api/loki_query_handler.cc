// GET|POST /loki/api/v1/query and /loki/api/v1/query_range: LogQL log and metric queries,
// answered with Loki's result shapes (docs/api.md, "Loki API").
#include <algorithm>
#include <cctype>
#include <charconv>

#include "query/logql/engine.h"
#include "query/logql/parser.h"
#include "server/api/api.h"
#include "server/api/loki_json.h"
#include "server/api/loki_params.h"
#include "server/api/loki_support.h"
#include "server/api/tenant.h"

namespace weft::server::api {

namespace {

constexpr uint32_t kDefaultLimit = 100;
constexpr int64_t kHour = 3600LL * 1000000000;

bool wants_categorized_labels(const HttpRequest& r) {
  auto it = r.find("X-Loki-Response-Encoding-Flags");
  if (it == r.end()) return false;
  std::string_view flags(it->value().data(), it->value().size());
  return flags.find("categorize-labels") != std::string_view::npos;
}

Status parse_limit(const QueryParams& params, uint32_t& out) {
  const std::string* v = params.get("limit");
  if (!v || v->empty()) return Status::ok();
  int64_t n = -1;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || p != v->data() + v->size() || n < 0 || n > UINT32_MAX)
    return Status::invalid("invalid limit \"" + *v + "\": expected a non-negative integer");
  out = static_cast<uint32_t>(n);
  return Status::ok();
}

Status parse_direction(const QueryParams& params, logql::Direction& out) {
  std::string v = param_or_empty(params, "direction");
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
  if (v.empty() || v == "backward") out = logql::Direction::kBackward;
  else if (v == "forward") out = logql::Direction::kForward;
  else return Status::invalid("invalid direction \"" + v + "\": expected forward or backward");
  return Status::ok();
}

// The engine parameters of a request; the tenant is filled by the caller.
Result<logql::QueryParams> query_params(const QueryParams& params, bool range) {
  logql::QueryParams q;
  q.limit = kDefaultLimit;
  WEFT_RETURN_IF_ERROR(parse_limit(params, q.limit));
  WEFT_RETURN_IF_ERROR(parse_direction(params, q.direction));
  if (!range) {
    auto t = loki_time(params, "time", now_unix_nanos());
    if (!t.is_ok()) return t.status();
    q.instant = true;
    q.start = q.end = *t;
    return q;
  }
  auto times = loki_time_range(params, kHour);
  if (!times.is_ok()) return times.status();
  q.start = times->start;
  q.end = times->end;
  auto step = loki_duration(params, "step");
  if (!step.is_ok()) return step.status();
  q.step_nanos = step->value_or(default_step(q.start, q.end));
  auto interval = loki_duration(params, "interval");
  if (!interval.is_ok()) return interval.status();
  q.interval_nanos = interval->value_or(0);
  return q;
}

void handle_query(const ApiContext& context, const Request& request, const Responder& respond, bool range) {
  auto tenant = request_tenant(request.message);
  if (!tenant.is_ok()) return respond(loki_error(tenant.status()));
  auto params = loki_params(request);
  if (!params.is_ok()) return respond(loki_error(params.status()));
  std::string text = param_or_empty(*params, "query");
  auto parsed = logql::parse_query(text);
  if (!parsed.is_ok()) return respond(loki_error(parsed.status()));
  auto q = query_params(*params, range);
  if (!q.is_ok()) return respond(loki_error(q.status()));
  q->tenant = std::move(*tenant);
  q->categorize_labels = wants_categorized_labels(request.message);
  // A log query's range is [start, end); a metric query's last step is at end.
  if (parsed->is_log() && q->end == q->start && !q->instant) q->end = q->start + 1;
  auto query = std::make_shared<logql::Query>(std::move(*parsed));
  logql::EngineLimits limits = engine_limits(context.limits());
  run_logql(context, respond,
            [query, q = std::move(*q), limits](const logql::LogSource& source, logql::QueryControl& control,
                                               double queue_seconds) {
              logql::Engine engine(source, limits);
              auto result = engine.execute(*query, q, control);
              if (!result.is_ok()) return loki_error(result.status());
              result->stats.queue_seconds = queue_seconds;
              return loki_json(loki_query_body(*result, q.categorize_labels));
            });
}

}  // namespace

void add_loki_query_routes(Router& router, ApiContext& context) {
  for (http::verb verb : {http::verb::get, http::verb::post}) {
    router.add(verb, "/loki/api/v1/query", [&context](Request request, Responder respond) {
      handle_query(context, request, respond, false);
    });
    router.add(verb, "/loki/api/v1/query_range", [&context](Request request, Responder respond) {
      handle_query(context, request, respond, true);
    });
  }
}

}  // namespace weft::server::api
