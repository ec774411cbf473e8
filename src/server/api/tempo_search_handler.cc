// GET /api/search (Tempo's TraceQL and tag search), GET /api/echo and
// GET /api/status/buildinfo (docs/traceql.md).
#include "common/json_writer.h"
#include "query/traceql/traceql_parser.h"
#include "query/traceql/traceql_search.h"
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

// The query text: q, else the tags search.
Result<std::string> search_text(const QueryParams& params) {
  const std::string* q = params.get("q");
  if (q && !q->empty()) return *q;
  const std::string* tags = params.get("tags");
  return tags_to_traceql(tags ? *tags : std::string());
}

Result<tql::SearchOptions> search_options(const ApiContext& context, const QueryParams& params) {
  tql::SearchOptions o;
  auto range = tempo_time_range(params, now_unix_nanos());
  if (!range.is_ok()) return range.status();
  o.start = range->start;
  o.end = range->end;
  auto limit = count_param(params, "limit", kDefaultTempoLimit, context.limits().max_query_limit);
  if (!limit.is_ok()) return limit.status();
  o.limit = *limit;
  auto spss = count_param(params, "spss", kDefaultSpansPerSpanset, kMaxSpansPerSpanset);
  if (!spss.is_ok()) return spss.status();
  o.spans_per_spanset = *spss;
  auto min = duration_param(params, "minDuration");
  if (!min.is_ok()) return min.status();
  auto max = duration_param(params, "maxDuration");
  if (!max.is_ok()) return max.status();
  o.min_duration = *min;
  o.max_duration = *max;
  o.limits = context.limits().traceql;
  return o;
}

Result<tql::Query> search_query(const QueryParams& params) {
  auto text = search_text(params);
  if (!text.is_ok()) return text.status();
  auto query = tql::parse_traceql(*text);
  if (!query.is_ok()) return Status::invalid("invalid TraceQL query: " + query.status().message());
  if (query->metrics)
    return Status::invalid("invalid TraceQL query: a metrics query goes to /api/metrics/query_range");
  return query;
}

void handle_search(const ApiContext& context, const Request& request, const Responder& respond) {
  auto tenant = tenant_or_reply(request, respond);
  if (!tenant) return;
  auto query = search_query(request.params);
  if (!query.is_ok()) return respond(tempo_error(query.status()));
  auto options = search_options(context, request.params);
  if (!options.is_ok()) return respond(tempo_error(options.status()));
  auto shared = std::make_shared<tql::Query>(std::move(*query));
  run_read_query(context, respond, [tenant = std::move(*tenant), shared,
                                    o = *options](const storage::StoreView& view) {
    StoreSpanSource source(view, tenant);
    auto result = tql::search_traces(*shared, o, source);
    if (!result.is_ok()) return tempo_error(result.status());
    return json_response(http::status::ok, tempo_search_body(*result));
  });
}

// Tempo's build information; "version" is the Tempo API level weft answers like (Grafana reads
// it to pick features), "weftVersion" weft's own.
std::string buildinfo_body() {
  JsonWriter w;
  w.begin_object();
  w.key("version");
  w.value("2.6.0");
  w.key("revision");
  w.value("weft");
  w.key("branch");
  w.value("weft");
  w.key("buildUser");
  w.value("weft");
  w.key("buildDate");
  w.value("");
  w.key("goVersion");
  w.value("");
  w.key("weftVersion");
  w.value(WEFT_VERSION);
  w.end_object();
  return w.take();
}

}  // namespace

void add_tempo_search_routes(Router& router, ApiContext& context) {
  router.add(http::verb::get, "/api/search", [&context](Request request, Responder respond) {
    handle_search(context, request, respond);
  });
  router.add(http::verb::get, "/api/echo", [](Request, Responder respond) {
    respond(text_response(http::status::ok, "echo"));
  });
  router.add(http::verb::get, "/api/status/buildinfo", [](Request, Responder respond) {
    respond(json_response(http::status::ok, buildinfo_body()));
  });
}

}  // namespace weft::server::api
