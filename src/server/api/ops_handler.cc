// GET /ready and GET /metrics: readiness for orchestrators and Prometheus metrics.
#include "common/metrics.h"
#include "server/api/api.h"
#include "server/api/process_stats.h"
#include "server/http/responses.h"

namespace weft::server::api {

namespace {

constexpr std::string_view kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

void handle_ready(const ApiContext& context, const Responder& respond) {
  if (context.store())
    return respond(text_response(http::status::ok, "ready\n"));
  respond(text_response(http::status::service_unavailable, "not ready\n"));
}

// Refreshes the gauges sampled at scrape time.
void refresh_gauges(const ApiContext& context) {
  auto& registry = MetricsRegistry::global();
  if (auto rss = resident_memory_bytes())
    registry.gauge("weft_process_resident_memory_bytes", "Resident memory of the weft process.")
        .set(static_cast<double>(*rss));
  if (storage::Store* store = context.store())
    registry
        .gauge("weft_memstore_bytes",
               "Estimated heap bytes held by the in-memory index of log records and spans.")
        .set(static_cast<double>(store->memstore().memory_bytes()));
}

void handle_metrics(const ApiContext& context, const Responder& respond) {
  refresh_gauges(context);
  respond(make_response(http::status::ok, kPrometheusContentType,
                        MetricsRegistry::global().render_prometheus()));
}

}  // namespace

void add_ops_routes(Router& router, ApiContext& context) {
  router.add(http::verb::get, "/ready", [&context](Request, Responder respond) {
    handle_ready(context, respond);
  });
  router.add(http::verb::get, "/metrics", [&context](Request, Responder respond) {
    handle_metrics(context, respond);
  });
}

}  // namespace weft::server::api
