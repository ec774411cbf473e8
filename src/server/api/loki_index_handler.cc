// GET|POST /loki/api/v1/index/stats, /index/volume and /index/volume_range: how many streams,
// entries and bytes a selector covers, and log volume per series or label (what Grafana's
// Logs Drilldown and the log volume panels ask for).
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "common/json_writer.h"
#include "query/logql/label_matcher.h"
#include "query/logql/parser.h"
#include "server/api/api.h"
#include "server/api/loki_json.h"
#include "server/api/loki_params.h"
#include "server/api/loki_support.h"
#include "server/api/tenant.h"

namespace weft::server::api {

namespace {

constexpr int64_t kHour = 3600LL * 1000000000;

struct IndexQuery {
  std::string tenant;
  TimeRange range;
  std::vector<logql::LabelMatcherExpr> exprs;
  std::vector<logql::LabelMatcher> matchers;
  uint32_t limit = 100;
  std::vector<std::string> target_labels;
  bool by_labels = false;  // aggregateBy=labels
  int64_t step = 0;
};

std::optional<IndexQuery> index_query(const Request& request, const Responder& respond) {
  auto fail = [&](const Status& s) {
    respond(loki_error(s));
    return std::nullopt;
  };
  auto tenant = request_tenant(request.message);
  if (!tenant.is_ok()) return fail(tenant.status());
  auto params = loki_params(request);
  if (!params.is_ok()) return fail(params.status());
  auto range = loki_time_range(*params, kHour);
  if (!range.is_ok()) return fail(range.status());
  IndexQuery q{std::move(*tenant), *range, {}, {}, 100, {}, false, 0};
  auto exprs = logql::parse_stream_selector(param_or_empty(*params, "query"), false);
  if (!exprs.is_ok()) return fail(exprs.status());
  auto matchers = logql::LabelMatcher::compile_all(*exprs);
  if (!matchers.is_ok()) return fail(matchers.status());
  q.exprs = std::move(*exprs);
  q.matchers = std::move(*matchers);
  std::string limit = param_or_empty(*params, "limit");
  if (!limit.empty()) {
    auto [p, ec] = std::from_chars(limit.data(), limit.data() + limit.size(), q.limit);
    if (ec != std::errc() || p != limit.data() + limit.size() || q.limit == 0)
      return fail(Status::invalid("invalid limit \"" + limit + "\""));
  }
  std::string targets = param_or_empty(*params, "targetLabels");
  for (size_t start = 0; start < targets.size();) {
    size_t comma = targets.find(',', start);
    std::string name = targets.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!name.empty()) q.target_labels.push_back(name);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  std::string aggregate = param_or_empty(*params, "aggregateBy");
  if (!aggregate.empty() && aggregate != "series" && aggregate != "labels")
    return fail(Status::invalid("invalid aggregateBy \"" + aggregate + "\": expected series or labels"));
  q.by_labels = aggregate == "labels";
  auto step = loki_duration(*params, "step");
  if (!step.is_ok()) return fail(step.status());
  q.step = step->value_or(default_step(q.range.start, q.range.end));
  if (q.step <= 0) return fail(Status::invalid("invalid step: must be positive"));
  return q;
}

// The label names a volume aggregates into: targetLabels, else the selector's label names.
std::vector<std::string> volume_names(const IndexQuery& q) {
  if (!q.target_labels.empty()) return q.target_labels;
  std::set<std::string> names;
  for (const auto& e : q.exprs) names.insert(e.name);
  return {names.begin(), names.end()};
}

// The volume series keys of one stream: one key for aggregateBy=series, one per label for
// aggregateBy=labels (value "").
std::vector<logql::LabelSet> volume_keys(const IndexQuery& q, const std::vector<std::string>& names,
                                         const logql::LabelSet& stream) {
  std::vector<logql::LabelSet> keys;
  if (q.by_labels) {
    for (const auto& l : stream)
      if (q.target_labels.empty() || std::find(names.begin(), names.end(), l.name) != names.end())
        keys.push_back(logql::LabelSet({{l.name, ""}}));
    return keys;
  }
  std::vector<logql::Label> kept;
  for (const auto& name : names)
    if (const std::string* v = stream.get(name)) kept.push_back({name, *v});
  keys.push_back(logql::LabelSet(std::move(kept)));
  return keys;
}

void handle_stats(const ApiContext& context, const Request& request, const Responder& respond) {
  auto q = index_query(request, respond);
  if (!q) return;
  run_logql(context, respond, [q = std::move(*q)](const logql::LogSource& source, logql::QueryControl& control, double) {
    uint64_t streams = 0, entries = 0, bytes = 0;
    Status s = source.streams(q.tenant, q.range.start, q.range.end + 1, q.matchers, control,
                              [&](const logql::Stream&, const logql::LogSource::StreamStats& st) {
                                ++streams;
                                entries += st.entries;
                                bytes += st.bytes;
                              });
    if (!s.is_ok()) return loki_error(s);
    JsonWriter w;
    w.begin_object();
    w.key("streams");
    w.value(streams);
    w.key("chunks");  // Loki counts chunks; weft reports one per stream
    w.value(streams);
    w.key("entries");
    w.value(entries);
    w.key("bytes");
    w.value(bytes);
    w.end_object();
    return loki_json(w.take());
  });
}

void write_volume_vector(JsonWriter& w, std::vector<std::pair<logql::LabelSet, uint64_t>>& series, uint32_t limit,
                         UnixNanos at) {
  std::sort(series.begin(), series.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (series.size() > limit) series.resize(limit);
  w.begin_array();
  for (const auto& [labels, bytes] : series) {
    w.begin_object();
    w.key("metric");
    write_label_map(w, labels);
    w.key("value");
    w.begin_array();
    w.raw(sample_time_json(at / 1000000));
    w.value(std::to_string(bytes));
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void handle_volume(const ApiContext& context, const Request& request, const Responder& respond) {
  auto q = index_query(request, respond);
  if (!q) return;
  run_logql(context, respond, [q = std::move(*q)](const logql::LogSource& source, logql::QueryControl& control, double) {
    std::vector<std::string> names = volume_names(q);
    std::map<logql::LabelSet, uint64_t> volumes;
    Status s = source.streams(q.tenant, q.range.start, q.range.end + 1, q.matchers, control,
                              [&](const logql::Stream& stream, const logql::LogSource::StreamStats& st) {
                                for (auto& key : volume_keys(q, names, stream.labels)) volumes[key] += st.bytes;
                              });
    if (!s.is_ok()) return loki_error(s);
    std::vector<std::pair<logql::LabelSet, uint64_t>> series(volumes.begin(), volumes.end());
    JsonWriter w;
    w.begin_object();
    w.key("status");
    w.value("success");
    w.key("data");
    w.begin_object();
    w.key("resultType");
    w.value("vector");
    w.key("result");
    write_volume_vector(w, series, q.limit, q.range.end);
    w.end_object();
    w.end_object();
    return loki_json(w.take());
  });
}

// Bytes per series and step: a record at t counts in the step whose window (t_i-step, t_i]
// holds it.
void handle_volume_range(const ApiContext& context, const Request& request, const Responder& respond) {
  auto q = index_query(request, respond);
  if (!q) return;
  run_logql(context, respond, [q = std::move(*q)](const logql::LogSource& source, logql::QueryControl& control, double) {
    std::vector<std::string> names = volume_names(q);
    size_t steps = static_cast<size_t>((q.range.end - q.range.start) / q.step) + 1;
    if (steps > 11000) return loki_error(Status::invalid("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"));
    std::map<logql::LabelSet, std::vector<uint64_t>> volumes;
    std::map<const logql::Stream*, std::vector<logql::LabelSet>> keys_of;
    logql::ScanRequest scan;
    scan.tenant = q.tenant;
    scan.start = q.range.start - q.step + 1;
    scan.end = q.range.end + 1;
    scan.matchers = q.matchers;
    Status s = source.scan(scan, control, [&](const logql::LogRow& row) {
      int64_t offset = row.time - q.range.start;
      size_t i = offset <= 0 ? 0 : static_cast<size_t>((offset + q.step - 1) / q.step);
      if (i >= steps) return true;
      auto [it, added] = keys_of.try_emplace(row.stream);
      if (added) it->second = volume_keys(q, names, row.stream->labels);
      for (const auto& key : it->second) {
        auto& v = volumes[key];
        if (v.empty()) v.assign(steps, 0);
        v[i] += row.line.size();
      }
      return true;
    });
    if (!s.is_ok()) return loki_error(s);
    std::vector<std::pair<logql::LabelSet, uint64_t>> totals;
    for (const auto& [k, v] : volumes) {
      uint64_t sum = 0;
      for (uint64_t b : v) sum += b;
      totals.emplace_back(k, sum);
    }
    std::sort(totals.begin(), totals.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (totals.size() > q.limit) totals.resize(q.limit);
    std::sort(totals.begin(), totals.end());
    JsonWriter w;
    w.begin_object();
    w.key("status");
    w.value("success");
    w.key("data");
    w.begin_object();
    w.key("resultType");
    w.value("matrix");
    w.key("result");
    w.begin_array();
    for (const auto& [labels, total] : totals) {
      w.begin_object();
      w.key("metric");
      write_label_map(w, labels);
      w.key("values");
      w.begin_array();
      const auto& v = volumes[labels];
      for (size_t i = 0; i < steps; ++i) {
        if (v[i] == 0) continue;
        w.begin_array();
        w.raw(sample_time_json((q.range.start + static_cast<int64_t>(i) * q.step) / 1000000));
        w.value(std::to_string(v[i]));
        w.end_array();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
    w.end_object();
    return loki_json(w.take());
  });
}

}  // namespace

void add_loki_index_routes(Router& router, ApiContext& context) {
  for (http::verb verb : {http::verb::get, http::verb::post}) {
    router.add(verb, "/loki/api/v1/index/stats", [&context](Request request, Responder respond) {
      handle_stats(context, request, respond);
    });
    router.add(verb, "/loki/api/v1/index/volume", [&context](Request request, Responder respond) {
      handle_volume(context, request, respond);
    });
    router.add(verb, "/loki/api/v1/index/volume_range", [&context](Request request, Responder respond) {
      handle_volume_range(context, request, respond);
    });
  }
}

}  // namespace weft::server::api
