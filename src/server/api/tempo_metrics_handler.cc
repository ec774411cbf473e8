// Tempo's TraceQL metrics APIs (docs/traceql.md): GET /api/metrics/query_range and
// GET /api/metrics/query (one value per series over the whole range).
#include "query/traceql/traceql_metrics.h"
#include "query/traceql/traceql_parser.h"
#include "server/api/api.h"
#include "server/api/query_support.h"
#include "server/api/tempo_json.h"
#include "server/api/tempo_params.h"
#include "server/api/tempo_responses.h"
#include "server/api/tempo_span_source.h"
#include "server/http/responses.h"

namespace weft::server::api {

namespace tql = query::traceql;

namespace {

// Without step, Tempo picks one giving about 100 points; so does weft (at least 1s).
int64_t default_step(const TimeRange& range) {
  int64_t step = (range.end - range.start) / 100;
  return std::max<int64_t>(step - step % 1'000'000'000, 1'000'000'000);
}

Result<int64_t> step_param(const QueryParams& params, const TimeRange& range) {
  const std::string* text = params.get("step");
  if (!text || text->empty()) return default_step(range);
  auto d = duration_param(params, "step");
  if (d.is_ok() && *d && **d > 0) return **d;
  // Prometheus style: plain seconds.
  char* end = nullptr;
  double seconds = std::strtod(text->c_str(), &end);
  if (end == text->c_str() + text->size() && seconds > 0 && seconds < 1e9)
    return static_cast<int64_t>(seconds * 1e9);
  return Status::invalid("invalid step: expected a duration such as 30s, or seconds");
}

Result<tql::Query> metrics_query(const QueryParams& params) {
  const std::string* q = params.get("q");
  if (!q || q->empty()) return Status::invalid("invalid TraceQL query: q is required");
  auto query = tql::parse_traceql(*q);
  if (!query.is_ok()) return Status::invalid("invalid TraceQL query: " + query.status().message());
  if (!query->metrics)
    return Status::invalid("invalid TraceQL query: a metrics query ends in a metrics function "
                           "such as | rate()");
  return query;
}

void handle_query_range(const ApiContext& context, const Request& request,
                        const Responder& respond, bool instant) {
  auto tenant = tenant_or_reply(request, respond);
  if (!tenant) return;
  auto query = metrics_query(request.params);
  if (!query.is_ok()) return respond(tempo_error(query.status()));
  auto range = tempo_time_range(request.params, now_unix_nanos());
  if (!range.is_ok()) return respond(tempo_error(range.status()));
  tql::MetricsOptions o;
  o.start = range->start;
  o.end = range->end;
  o.limits = context.limits().traceql;
  if (instant) {
    o.step = std::max<int64_t>(range->end - range->start + 1, 1);
  } else {
    auto step = step_param(request.params, *range);
    if (!step.is_ok()) return respond(tempo_error(step.status()));
    o.step = *step;
  }
  auto shared = std::make_shared<tql::Query>(std::move(*query));
  run_read_query(context, respond, [tenant = std::move(*tenant), shared, o](const storage::StoreView& view) {
    StoreSpanSource source(view, tenant);
    auto result = tql::query_range(*shared, o, source);
    if (!result.is_ok()) return tempo_error(result.status());
    return json_response(http::status::ok, tempo_query_range_body(*result));
  });
}

}  // namespace

void add_tempo_metrics_routes(Router& router, ApiContext& context) {
  router.add(http::verb::get, "/api/metrics/query_range",
             [&context](Request request, Responder respond) {
               handle_query_range(context, request, respond, false);
             });
  router.add(http::verb::get, "/api/metrics/query", [&context](Request request, Responder respond) {
    handle_query_range(context, request, respond, true);
  });
}

}  // namespace weft::server::api
