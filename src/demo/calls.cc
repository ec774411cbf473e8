#include "demo/calls.h"

#include <cmath>

namespace weft::demo {

namespace {

constexpr double kStatementTimeoutMs = 2000;
constexpr double kSlowQueryMs = 250;
constexpr int kServicePort = 8080;

std::string upstream_user_agent(ServiceId caller) {
  switch (caller) {
    case ServiceId::kGateway: return "Go-http-client/1.1";
    case ServiceId::kOrders:
    case ServiceId::kPayment: return "Java-http-client/21.0.3";
    case ServiceId::kShipping: return "node-fetch/1.0";
    default: return "python-requests/2.32.3";
  }
}

std::string db_host(const Instance& instance, const std::string& system) {
  std::string suffix = system == "redis" ? "-redis" : "-db";
  return std::string(name_of(instance.service)) + suffix + ".shop-" +
         std::string(name_of(instance.env)) + ".svc.cluster.local";
}

std::string db_span_name(const DbQuerySpec& spec) {
  return spec.collection.empty() ? spec.operation : spec.operation + " " + spec.collection;
}

// The latency of a query, slowed down when an episode hits this service's database.
double query_latency_ms(RequestContext& ctx, const Instance& instance, const DbQuerySpec& spec,
                        UnixNanos start) {
  double ms = ctx.rng.lognormal(spec.median_ms, spec.sigma);
  if (spec.system != "postgresql") return ms;
  if (auto episode = ctx.episodes.active(instance.service, instance.env, start))
    ms += ctx.rng.lognormal(episode->extra_median_ms, 1.0);
  return ms;
}

void fail_query(RequestContext& ctx, SpanRef span, const DbQuerySpec& spec, UnixNanos end,
                const std::string& code, const std::string& message) {
  TraceBuilder& t = ctx.trace;
  t.set(span, "db.response.status_code", code);
  t.set(span, "error.type", code);
  t.fail(span, message);
  t.exception(span, end, "QueryError", message);
  t.log(span, end, LogLevel::kError, "query failed: " + message,
        {{"db.system.name", spec.system},
         {"db.namespace", spec.db_namespace},
         {"db.query.text", spec.text},
         {"db.response.status_code", code},
         {"exception.type", "QueryError"},
         {"exception.message", message}});
}

}  // namespace

UnixNanos millis(double ms) { return static_cast<UnixNanos>(std::llround(ms * 1e6)); }

UnixNanos cpu_time(RequestContext& ctx, double median_ms) {
  return millis(ctx.rng.lognormal(median_ms, 0.5));
}

CallOutcome serve(RequestContext& ctx, SpanRef server, UnixNanos start,
                  const ServerHandler& handler) {
  CallOutcome out = handler(server, start + cpu_time(ctx));
  out.end += cpu_time(ctx);
  ctx.trace.set(server, "http.response.status_code", out.status);
  if (out.status >= 500) {
    ctx.trace.set(server, "error.type", std::to_string(out.status));
    ctx.trace.fail(server, out.error);
  }
  ctx.trace.end(server, out.end);
  return out;
}

CallOutcome http_call(RequestContext& ctx, SpanRef caller, const HttpCallSpec& spec,
                      UnixNanos start, const ServerHandler& handler) {
  TraceBuilder& t = ctx.trace;
  const Instance& from = t.instance_of(caller);
  const Instance& to = ctx.topology.pick(spec.target, ctx.env, ctx.rng);
  std::string host(name_of(spec.target));
  std::string span_name = spec.method + " " + spec.route;

  SpanRef client = t.start_child(caller, from, span_name, SpanKind::kClient, start);
  t.set(client, "http.request.method", spec.method);
  t.set(client, "server.address", host);
  t.set(client, "server.port", kServicePort);
  t.set(client, "url.full", "http://" + host + ":" + std::to_string(kServicePort) + spec.path);
  if (spec.resend_count > 0) t.set(client, "http.request.resend_count", spec.resend_count);

  UnixNanos arrive = start + millis(ctx.rng.lognormal(0.35, 0.6));
  SpanRef server = t.start_child(client, to, span_name, SpanKind::kServer, arrive);
  t.set(server, "http.request.method", spec.method);
  t.set(server, "http.route", spec.route);
  t.set(server, "url.path", spec.path);
  t.set(server, "url.scheme", "http");
  t.set(server, "server.address", host);
  t.set(server, "server.port", kServicePort);
  t.set(server, "network.peer.address", from.pod_ip);
  t.set(server, "user_agent.original", upstream_user_agent(from.service));

  CallOutcome out = serve(ctx, server, arrive, handler);
  out.end += millis(ctx.rng.lognormal(0.35, 0.6));
  t.set(client, "http.response.status_code", out.status);
  if (out.status >= 400) {
    t.set(client, "error.type", std::to_string(out.status));
    t.fail(client, out.error.empty() ? "HTTP " + std::to_string(out.status) : out.error);
  }
  t.end(client, out.end);
  return out;
}

CallOutcome db_query(RequestContext& ctx, SpanRef parent, const DbQuerySpec& spec,
                     UnixNanos start) {
  TraceBuilder& t = ctx.trace;
  const Instance& instance = t.instance_of(parent);
  SpanRef span = t.start_child(parent, instance, db_span_name(spec), SpanKind::kClient, start);
  t.set(span, "db.system.name", spec.system);
  t.set(span, "db.namespace", spec.db_namespace);
  t.set(span, "db.operation.name", spec.operation);
  if (!spec.collection.empty()) t.set(span, "db.collection.name", spec.collection);
  t.set(span, "db.query.text", spec.text);
  t.set(span, "server.address", db_host(instance, spec.system));
  t.set(span, "server.port", spec.system == "redis" ? 6379 : 5432);

  double ms = query_latency_ms(ctx, instance, spec, start);
  CallOutcome out;
  if (ms >= kStatementTimeoutMs) {
    out = {start + millis(kStatementTimeoutMs), 503,
           "canceling statement due to statement timeout"};
    fail_query(ctx, span, spec, out.end, "57014", out.error);
  } else if (spec.operation == "UPDATE" && ctx.rng.chance(0.0005)) {
    out = {start + millis(ms), 500, "deadlock detected"};
    fail_query(ctx, span, spec, out.end, "40P01", out.error);
  } else {
    out = {start + millis(ms), 200, ""};
    if (ms >= kSlowQueryMs) {
      t.log(span, out.end, LogLevel::kWarn,
            "slow query: " + std::to_string(static_cast<int>(ms)) + "ms",
            {{"db.system.name", spec.system},
             {"db.namespace", spec.db_namespace},
             {"db.query.text", spec.text},
             {"duration_ms", static_cast<int64_t>(ms)}});
    }
  }
  t.end(span, out.end);
  return out;
}

CallOutcome external_call(RequestContext& ctx, SpanRef parent, const ExternalCallSpec& spec,
                          UnixNanos start) {
  TraceBuilder& t = ctx.trace;
  const Instance& instance = t.instance_of(parent);
  SpanRef span = t.start_child(parent, instance, spec.method, SpanKind::kClient, start);
  t.set(span, "http.request.method", spec.method);
  t.set(span, "server.address", spec.host);
  t.set(span, "server.port", 443);
  t.set(span, "url.full", "https://" + spec.host + spec.path);

  CallOutcome out;
  double ms = ctx.rng.lognormal(spec.median_ms, spec.sigma);
  if (ctx.rng.chance(spec.hang_probability) || ms >= spec.timeout_ms) {
    std::string message = "request to " + spec.host + " timed out after " +
                          std::to_string(static_cast<int>(spec.timeout_ms)) + "ms";
    out = {start + millis(spec.timeout_ms), 504, message};
    t.set(span, "error.type", "timeout");
    t.fail(span, message);
    t.exception(span, out.end, "TimeoutError", message);
  } else {
    out = {start + millis(ms), 200, ""};
    t.set(span, "http.response.status_code", 200);
  }
  t.end(span, out.end);
  return out;
}

UnixNanos internal_work(RequestContext& ctx, SpanRef parent, std::string name, double median_ms,
                        UnixNanos start, Attributes attributes) {
  TraceBuilder& t = ctx.trace;
  SpanRef span = t.start_child(parent, t.instance_of(parent), std::move(name),
                               SpanKind::kInternal, start);
  for (auto& kv : attributes) t.set(span, std::move(kv.key), std::move(kv.value));
  UnixNanos end = start + millis(ctx.rng.lognormal(median_ms, 0.6));
  t.end(span, end);
  return end;
}

}  // namespace weft::demo
