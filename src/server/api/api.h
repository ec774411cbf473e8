// The routes of weft's native API, OTLP/HTTP and Loki push ingest, and operations (docs/api.md), one function
// per API family. Each adds its routes to a Router; `context` must outlive the Router.
#pragma once

#include "server/api/api_context.h"
#include "server/http/router.h"

namespace weft::server::api {

// POST /v1/logs, POST /v1/traces (otlp_ingest_handler.cc).
void add_otlp_ingest_routes(Router& router, ApiContext& context);
// POST /loki/api/v1/push (loki_push_handler.cc).
void add_loki_push_routes(Router& router, ApiContext& context);
// GET /api/v1/logs (logs_handler.cc).
void add_logs_routes(Router& router, ApiContext& context);
// GET /api/v1/traces/{trace_id} (traces_handler.cc).
void add_traces_routes(Router& router, ApiContext& context);
// GET /api/v1/services (services_handler.cc).
void add_services_routes(Router& router, ApiContext& context);
// Tempo's search API: GET /api/search, /api/echo, /api/status/buildinfo
// (tempo_search_handler.cc); tags and tag values (tempo_tags_handler.cc); TraceQL metrics
// (tempo_metrics_handler.cc). docs/traceql.md.
void add_tempo_search_routes(Router& router, ApiContext& context);
void add_tempo_tag_routes(Router& router, ApiContext& context);
void add_tempo_metrics_routes(Router& router, ApiContext& context);
// GET /ready, GET /metrics (ops_handler.cc).
void add_ops_routes(Router& router, ApiContext& context);

// Every route above, and the web UI's (server/ui/ui_routes.h).
void add_all_routes(Router& router, ApiContext& context);

}  // namespace weft::server::api
