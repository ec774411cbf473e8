// Tempo's tag APIs (docs/traceql.md): GET /api/search/tags, /api/v2/search/tags,
// /api/search/tag/{tag}/values and /api/v2/search/tag/{tag}/values.
#include "common/json_writer.h"
#include "query/traceql/traceql_intrinsics.h"
#include "query/traceql/traceql_parser.h"
#include "query/traceql/traceql_tags.h"
#include "query/traceql/traceql_value.h"
#include "server/api/api.h"
#include "server/api/query_support.h"
#include "server/api/tempo_params.h"
#include "server/api/tempo_responses.h"
#include "server/api/tempo_span_source.h"
#include "server/http/responses.h"

namespace weft::server::api {

namespace tql = query::traceql;

namespace {

struct TagRequest {
  std::string tenant;
  TimeRange range;
  std::shared_ptr<tql::Query> filter;  // q=, when given
  std::string scope;                   // "", "span", "resource", "intrinsic", "all"
};

Result<TagRequest> tag_request(const Request& request, std::string tenant) {
  TagRequest r{std::move(tenant), {}, nullptr, ""};
  auto range = tempo_time_range(request.params, now_unix_nanos());
  if (!range.is_ok()) return range.status();
  r.range = *range;
  if (const std::string* scope = request.params.get("scope")) r.scope = *scope;
  if (!r.scope.empty() && r.scope != "all" && r.scope != "span" && r.scope != "resource" &&
      r.scope != "intrinsic")
    return Status::invalid("invalid scope: expected span, resource, intrinsic or all");
  // As Tempo: a filter that does not parse (Grafana sends half-typed ones such as
  // `{ resource.cluster = }`) filters nothing.
  const std::string* q = request.params.get("q");
  if (q && !q->empty()) {
    auto query = tql::parse_traceql(*q);
    if (query.is_ok() && !query->metrics) r.filter = std::make_shared<tql::Query>(std::move(*query));
  }
  return r;
}

tql::TagScan tag_scan(const ApiContext& context, const TagRequest& r) {
  tql::CandidateLimits limits = context.limits().traceql;
  limits.truncate = true;  // a partial list of tags beats an error
  return tql::TagScan{r.range.start, r.range.end, r.filter.get(), limits};
}

bool wants(const TagRequest& r, std::string_view scope) {
  return r.scope.empty() || r.scope == "all" || r.scope == scope;
}

void write_names(JsonWriter& w, const std::set<std::string>& names) {
  w.begin_array();
  for (const std::string& n : names) w.value(n);
  w.end_array();
}

// "metrics": {"inspectedBytes": "..."}, as Tempo ends its tag answers.
void write_tag_metrics(JsonWriter& w, const tql::ScanStats& stats) {
  w.key("metrics");
  w.begin_object();
  w.key("inspectedBytes");
  w.value(std::to_string(stats.inspected_bytes));
  w.end_object();
}

std::string tags_v1_body(const TagRequest& r, const tql::TagNames& names,
                         const tql::ScanStats& stats) {
  std::set<std::string> all;
  if (wants(r, "span")) all.insert(names.span.begin(), names.span.end());
  if (wants(r, "resource")) all.insert(names.resource.begin(), names.resource.end());
  if (r.scope == "intrinsic")
    for (std::string_view n : tql::intrinsic_names()) all.emplace(n);
  JsonWriter w;
  w.begin_object();
  w.key("tagNames");
  write_names(w, all);
  write_tag_metrics(w, stats);
  w.end_object();
  return w.take();
}

std::string tags_v2_body(const TagRequest& r, const tql::TagNames& names,
                         const tql::ScanStats& stats) {
  JsonWriter w;
  w.begin_object();
  w.key("scopes");
  w.begin_array();
  auto scope = [&](std::string_view name, const std::set<std::string>& tags) {
    if (!wants(r, name)) return;
    w.begin_object();
    w.key("name");
    w.value(name);
    w.key("tags");
    write_names(w, tags);
    w.end_object();
  };
  scope("resource", names.resource);
  scope("span", names.span);
  std::set<std::string> intrinsics;
  for (std::string_view n : tql::intrinsic_names()) intrinsics.emplace(n);
  scope("intrinsic", intrinsics);
  w.end_array();
  write_tag_metrics(w, stats);
  w.end_object();
  return w.take();
}

void handle_tags(const ApiContext& context, const Request& request, const Responder& respond,
                 bool v2) {
  auto tenant = tenant_or_reply(request, respond);
  if (!tenant) return;
  auto r = tag_request(request, std::move(*tenant));
  if (!r.is_ok()) return respond(tempo_error(r.status()));
  run_read_query(context, respond, [&context, r = std::move(*r), v2](const storage::StoreView& view) {
    StoreSpanSource source(view, r.tenant);
    tql::TagNames names;
    tql::ScanStats stats;
    Status s = tql::collect_tag_names(source, tag_scan(context, r), names, stats);
    if (!s.is_ok()) return tempo_error(s);
    return json_response(http::status::ok,
                         v2 ? tags_v2_body(r, names, stats) : tags_v1_body(r, names, stats));
  });
}

std::string_view value_type(const tql::Literal& v) {
  switch (v.kind) {
    case tql::Literal::Kind::kInt: return "int";
    case tql::Literal::Kind::kFloat: return "float";
    case tql::Literal::Kind::kBool: return "bool";
    case tql::Literal::Kind::kDuration: return "duration";
    case tql::Literal::Kind::kStatus:
    case tql::Literal::Kind::kKind: return "keyword";
    default: return "string";
  }
}

std::string values_body(const std::vector<tql::Literal>& values, const tql::ScanStats& stats,
                        bool v2) {
  JsonWriter w;
  w.begin_object();
  w.key("tagValues");
  w.begin_array();
  for (const tql::Literal& v : values) {
    if (!v2) {
      w.value(tql::value_text(v));
      continue;
    }
    w.begin_object();
    w.key("type");
    w.value(value_type(v));
    w.key("value");
    w.value(tql::value_text(v));
    w.end_object();
  }
  w.end_array();
  write_tag_metrics(w, stats);
  w.end_object();
  return w.take();
}

void handle_tag_values(const ApiContext& context, const Request& request,
                       const Responder& respond, bool v2) {
  auto tenant = tenant_or_reply(request, respond);
  if (!tenant) return;
  auto attribute = tql::parse_tag_name(request.path_param);
  if (!attribute.is_ok()) return respond(tempo_error(attribute.status()));
  auto r = tag_request(request, std::move(*tenant));
  if (!r.is_ok()) return respond(tempo_error(r.status()));
  run_read_query(context, respond, [&context, r = std::move(*r), a = *attribute,
                                    v2](const storage::StoreView& view) {
    StoreSpanSource source(view, r.tenant);
    std::vector<tql::Literal> values;
    tql::ScanStats stats;
    Status s = tql::collect_tag_values(source, tag_scan(context, r), a, values, stats);
    if (!s.is_ok()) return tempo_error(s);
    return json_response(http::status::ok, values_body(values, stats, v2));
  });
}

}  // namespace

void add_tempo_tag_routes(Router& router, ApiContext& context) {
  for (bool v2 : {false, true}) {
    std::string prefix = v2 ? "/api/v2/search" : "/api/search";
    router.add(http::verb::get, prefix + "/tags", [&context, v2](Request request, Responder respond) {
      handle_tags(context, request, respond, v2);
    });
    router.add(http::verb::get, prefix + "/tag/{tag}/values",
               [&context, v2](Request request, Responder respond) {
                 handle_tag_values(context, request, respond, v2);
               });
  }
}

}  // namespace weft::server::api
