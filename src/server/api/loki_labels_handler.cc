// GET|POST /loki/api/v1/labels, /loki/api/v1/label/<name>/values and /loki/api/v1/series:
// the stream labels of the tenant's streams with records in the time range (docs/api.md).
#include <set>

#include "query/logql/label_matcher.h"
#include "query/logql/parser.h"
#include "server/api/api.h"
#include "server/api/loki_json.h"
#include "server/api/loki_params.h"
#include "server/api/loki_support.h"
#include "server/api/tenant.h"

namespace weft::server::api {

namespace {

constexpr int64_t kSixHours = 6 * 3600LL * 1000000000;

struct StreamQuery {
  std::string tenant;
  TimeRange range;
  std::vector<std::vector<logql::LabelMatcher>> selectors;  // empty: every stream
};

// Tenant, time range and the selectors of `param` (repeated for match[]); answers and returns
// nullopt on a bad request.
std::optional<StreamQuery> stream_query(const Request& request, const Responder& respond, std::string_view param,
                                        bool required) {
  auto fail = [&](const Status& s) -> std::optional<StreamQuery> {
    respond(loki_error(s));
    return std::nullopt;
  };
  auto tenant = request_tenant(request.message);
  if (!tenant.is_ok()) return fail(tenant.status());
  auto params = loki_params(request);
  if (!params.is_ok()) return fail(params.status());
  auto range = loki_time_range(*params, kSixHours);
  if (!range.is_ok()) return fail(range.status());
  StreamQuery q{std::move(*tenant), *range, {}};
  for (const auto& [name, value] : params->all()) {
    if (name != param || value.empty()) continue;
    auto exprs = logql::parse_stream_selector(value, false);
    if (!exprs.is_ok()) return fail(exprs.status());
    auto matchers = logql::LabelMatcher::compile_all(*exprs);
    if (!matchers.is_ok()) return fail(matchers.status());
    q.selectors.push_back(std::move(*matchers));
  }
  if (required && q.selectors.empty())
    return fail(Status::invalid("at least one " + std::string(param) + " argument is required"));
  if (q.selectors.empty()) q.selectors.emplace_back();
  return q;
}

// Calls fn for each distinct stream matching any selector.
Status each_stream(const StreamQuery& q, const logql::LogSource& source, logql::QueryControl& control,
                   const std::function<void(const logql::LabelSet&)>& fn) {
  std::set<logql::LabelSet> seen;
  for (const auto& matchers : q.selectors) {
    Status s = source.streams(q.tenant, q.range.start, q.range.end + 1, matchers, control,
                              [&](const logql::Stream& stream, const logql::LogSource::StreamStats&) {
                                if (seen.insert(stream.labels).second) fn(stream.labels);
                              });
    WEFT_RETURN_IF_ERROR(s);
  }
  return Status::ok();
}

void handle_labels(const ApiContext& context, const Request& request, const Responder& respond) {
  auto q = stream_query(request, respond, "query", false);
  if (!q) return;
  run_logql(context, respond, [q = std::move(*q)](const logql::LogSource& source, logql::QueryControl& control, double) {
    std::set<std::string> names;
    Status s = each_stream(q, source, control, [&](const logql::LabelSet& labels) {
      for (const auto& l : labels) names.insert(l.name);
    });
    if (!s.is_ok()) return loki_error(s);
    return loki_json(loki_string_list_body({names.begin(), names.end()}));
  });
}

void handle_label_values(const ApiContext& context, const Request& request, const Responder& respond) {
  auto q = stream_query(request, respond, "query", false);
  if (!q) return;
  std::string name = request.path_param;
  run_logql(context, respond, [q = std::move(*q), name](const logql::LogSource& source, logql::QueryControl& control, double) {
    std::set<std::string> values;
    Status s = each_stream(q, source, control, [&](const logql::LabelSet& labels) {
      if (const std::string* v = labels.get(name)) values.insert(*v);
    });
    if (!s.is_ok()) return loki_error(s);
    return loki_json(loki_string_list_body({values.begin(), values.end()}));
  });
}

void handle_series(const ApiContext& context, const Request& request, const Responder& respond) {
  auto q = stream_query(request, respond, "match[]", true);
  if (!q) return;
  run_logql(context, respond, [q = std::move(*q)](const logql::LogSource& source, logql::QueryControl& control, double) {
    std::vector<logql::LabelSet> series;
    Status s = each_stream(q, source, control, [&](const logql::LabelSet& labels) { series.push_back(labels); });
    if (!s.is_ok()) return loki_error(s);
    std::sort(series.begin(), series.end());
    return loki_json(loki_series_body(series));
  });
}

}  // namespace

void add_loki_labels_routes(Router& router, ApiContext& context) {
  for (http::verb verb : {http::verb::get, http::verb::post}) {
    router.add(verb, "/loki/api/v1/labels", [&context](Request request, Responder respond) {
      handle_labels(context, request, respond);
    });
    router.add(verb, "/loki/api/v1/label/{name}/values", [&context](Request request, Responder respond) {
      handle_label_values(context, request, respond);
    });
    router.add(verb, "/loki/api/v1/series", [&context](Request request, Responder respond) {
      handle_series(context, request, respond);
    });
  }
}

}  // namespace weft::server::api
