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
  if (storage::Store* store = context.store()) {
    uint64_t bytes = 0, logs = 0, spans = 0;
    for (const auto& memtable : store->view()->memtables) {
      bytes += memtable->memory_bytes();
      logs += memtable->log_count();
      spans += memtable->span_count();
    }
    registry
        .gauge("weft_memstore_bytes",
               "Estimated heap bytes held by the memtables (records not yet flushed to parts).")
        .set(static_cast<double>(bytes));
    registry.gauge("weft_memstore_log_records", "Log records in the memtables.")
        .set(static_cast<double>(logs));
    registry.gauge("weft_memstore_spans", "Spans in the memtables.").set(static_cast<double>(spans));
  }
}

void handle_metrics(const ApiContext& context, const Responder& respond) {
  refresh_gauges(context);
  respond(make_response(http::status::ok, kPrometheusContentType,
                        MetricsRegistry::global().render_prometheus()));
}

}  // namespace

void add_ops_routes(Router& router, ApiContext& context) {
  {
    Router::AccessScope ready_is_public(router, RouteAccess::kPublic);
    router.add(http::verb::get, "/ready", [&context](Request, Responder respond) {
      handle_ready(context, respond);
    });
  }
  router.add(http::verb::get, "/metrics", [&context](Request, Responder respond) {
    handle_metrics(context, respond);
  });
}

}  // namespace weft::server::api
