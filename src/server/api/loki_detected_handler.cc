// GET|POST /loki/api/v1/detected_labels, /detected_fields and /detected_field/<name>/values:
// what Grafana's Logs Drilldown shows before any query is written - the stream labels with
// their cardinality, and the fields of a sample of recent lines.
#include <charconv>
#include <map>
#include <set>

#include "common/json_writer.h"
#include "query/logql/engine.h"
#include "query/logql/field_detection.h"
#include "query/logql/label_matcher.h"
#include "query/logql/parser.h"
#include "server/api/api.h"
#include "server/api/loki_params.h"
#include "server/api/loki_support.h"
#include "server/api/tenant.h"

namespace weft::server::api {

namespace {

constexpr int64_t kHour = 3600LL * 1000000000;

// Loki keeps these labels even when every value looks like an id.
bool is_static_label(const std::string& name) {
  return name == "cluster" || name == "namespace" || name == "instance" || name == "pod";
}

// Whether a value looks like an identifier (a UUID or a long hex/number): such labels are not
// useful to break logs down by.
bool looks_like_id(const std::string& v) {
  if (v.size() < 8) return false;
  size_t hex = 0, digits = 0;
  for (char c : v) {
    if (std::isxdigit(static_cast<unsigned char>(c))) ++hex;
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
  }
  bool uuid = v.size() == 36 && v[8] == '-' && v[13] == '-' && v[18] == '-' && v[23] == '-';
  return uuid || hex == v.size() || digits == v.size();
}

uint32_t uint_param(const QueryParams& params, std::string_view name, uint32_t fallback) {
  std::string v = param_or_empty(params, name);
  uint32_t n = fallback;
  if (!v.empty()) std::from_chars(v.data(), v.data() + v.size(), n);
  return n == 0 ? fallback : n;
}

void handle_detected_labels(const ApiContext& context, const Request& request, const Responder& respond) {
  auto tenant = request_tenant(request.message);
  if (!tenant.is_ok()) return respond(loki_error(tenant.status()));
  auto params = loki_params(request);
  if (!params.is_ok()) return respond(loki_error(params.status()));
  auto range = loki_time_range(*params, 3 * kHour);
  if (!range.is_ok()) return respond(loki_error(range.status()));
  std::vector<logql::LabelMatcher> matchers;
  std::string query = param_or_empty(*params, "query");
  if (!query.empty()) {
    auto exprs = logql::parse_stream_selector(query, false);
    if (!exprs.is_ok()) return respond(loki_error(exprs.status()));
    auto compiled = logql::LabelMatcher::compile_all(*exprs);
    if (!compiled.is_ok()) return respond(loki_error(compiled.status()));
    matchers = std::move(*compiled);
  }
  run_logql(context, respond, [tenant = *tenant, range = *range, matchers = std::move(matchers)](
                                  const logql::LogSource& source, logql::QueryControl& control, double) {
    std::map<std::string, std::set<std::string>> values;
    Status s = source.streams(tenant, range.start, range.end + 1, matchers, control,
                              [&](const logql::Stream& stream, const logql::LogSource::StreamStats&) {
                                for (const auto& l : stream.labels) values[l.name].insert(l.value);
                              });
    if (!s.is_ok()) return loki_error(s);
    JsonWriter w;
    w.begin_object();
    w.key("detectedLabels");
    w.begin_array();
    for (const auto& [name, vals] : values) {
      bool all_ids = std::all_of(vals.begin(), vals.end(), looks_like_id);
      if (all_ids && !is_static_label(name)) continue;
      w.begin_object();
      w.key("label");
      w.value(name);
      w.key("cardinality");
      w.value(static_cast<uint64_t>(vals.size()));
      w.end_object();
    }
    w.end_array();
    w.end_object();
    return loki_json(w.take());
  });
}

// Runs the query for the newest `line_limit` lines and feeds them to a FieldDetector; `answer`
// builds the response from it.
void detect_fields(const ApiContext& context, const Request& request, const Responder& respond,
                   std::function<HttpResponse(const logql::FieldDetector&, uint32_t limit)> answer) {
  auto tenant = request_tenant(request.message);
  if (!tenant.is_ok()) return respond(loki_error(tenant.status()));
  auto params = loki_params(request);
  if (!params.is_ok()) return respond(loki_error(params.status()));
  auto range = loki_time_range(*params, kHour);
  if (!range.is_ok()) return respond(loki_error(range.status()));
  auto parsed = logql::parse_query(param_or_empty(*params, "query"));
  if (!parsed.is_ok()) return respond(loki_error(parsed.status()));
  if (!parsed->is_log()) return respond(loki_error(Status::invalid("detected fields need a log query")));
  logql::QueryParams q;
  q.tenant = std::move(*tenant);
  q.start = range->start;
  q.end = range->end + 1;
  q.limit = std::min(uint_param(*params, "line_limit", 1000), context.limits().max_query_limit);
  q.categorize_labels = true;
  uint32_t limit = uint_param(*params, "limit", uint_param(*params, "field_limit", 1000));
  auto query = std::make_shared<logql::Query>(std::move(*parsed));
  logql::EngineLimits limits = engine_limits(context.limits());
  run_logql(context, respond, [query, q, limits, limit, answer = std::move(answer)](
                                  const logql::LogSource& source, logql::QueryControl& control, double) {
    auto result = logql::Engine(source, limits).execute(*query, q, control);
    if (!result.is_ok()) return loki_error(result.status());
    logql::FieldDetector detector;
    for (const auto& stream : result->streams)
      for (const auto& e : stream.entries) detector.add(e.line, e.metadata);
    return answer(detector, limit);
  });
}

void handle_detected_fields(const ApiContext& context, const Request& request, const Responder& respond) {
  detect_fields(context, request, respond, [](const logql::FieldDetector& detector, uint32_t limit) {
    JsonWriter w;
    w.begin_object();
    w.key("fields");
    w.begin_array();
    for (const auto& f : detector.fields(limit)) {
      w.begin_object();
      w.key("label");
      w.value(f.label);
      w.key("type");
      w.value(f.type);
      w.key("cardinality");
      w.value(f.cardinality);
      w.key("parsers");
      if (f.parsers.empty()) {
        w.null();
      } else {
        w.begin_array();
        for (const auto& p : f.parsers) w.value(p);
        w.end_array();
      }
      w.end_object();
    }
    w.end_array();
    w.key("limit");
    w.value(limit);
    w.end_object();
    return loki_json(w.take());
  });
}

void handle_detected_field_values(const ApiContext& context, const Request& request, const Responder& respond) {
  std::string name = request.path_param;
  detect_fields(context, request, respond, [name](const logql::FieldDetector& detector, uint32_t limit) {
    JsonWriter w;
    w.begin_object();
    w.key("values");
    w.begin_array();
    for (const auto& v : detector.values(name, limit)) w.value(v);
    w.end_array();
    w.key("limit");
    w.value(limit);
    w.end_object();
    return loki_json(w.take());
  });
}

}  // namespace

void add_loki_detected_routes(Router& router, ApiContext& context) {
  for (http::verb verb : {http::verb::get, http::verb::post}) {
    router.add(verb, "/loki/api/v1/detected_labels", [&context](Request request, Responder respond) {
      handle_detected_labels(context, request, respond);
    });
    router.add(verb, "/loki/api/v1/detected_fields", [&context](Request request, Responder respond) {
      handle_detected_fields(context, request, respond);
    });
    router.add(verb, "/loki/api/v1/detected_field/{name}/values", [&context](Request request, Responder respond) {
      handle_detected_field_values(context, request, respond);
    });
  }
}

}  // namespace weft::server::api
