// The routes of weft's native API, its ingest protocols and operations (docs/api.md), one function
// per API family. Each adds its routes to a Router; `context` must outlive the Router.
#pragma once

#include "server/api/api_context.h"
#include "server/http/router.h"

namespace weft::server::api {

// POST /v1/logs, POST /v1/traces (otlp_ingest_handler.cc).
void add_otlp_ingest_routes(Router& router, ApiContext& context);
// POST /loki/api/v1/push (loki_push_handler.cc).
void add_loki_push_routes(Router& router, ApiContext& context);
// POST /api/v1/push/jsonlines (jsonlines_push_handler.cc).
void add_jsonlines_push_routes(Router& router, ApiContext& context);
// GET /api/v1/logs (logs_handler.cc).
void add_logs_routes(Router& router, ApiContext& context);
// GET /api/v1/traces/{trace_id} (traces_handler.cc).
void add_traces_routes(Router& router, ApiContext& context);
// GET /api/v1/services (services_handler.cc).
void add_services_routes(Router& router, ApiContext& context);
// POST|PUT /_bulk and /{index}/_bulk: Elasticsearch bulk ingest (elastic_bulk_handler.cc).
void add_elastic_bulk_routes(Router& router, ApiContext& context);
// GET|HEAD /: the Elasticsearch version document for Elasticsearch clients; `otherwise`
// answers everyone else (browsers: the web UI) (elastic_root_handler.cc).
void add_elastic_root_routes(Router& router, ApiContext& context, RouteHandler otherwise);
// POST /services/collector[/event[/1.0]], /services/collector/raw[/1.0], GET
// /services/collector/health[/1.0]: Splunk HEC ingest (splunk_hec_handler.cc).
void add_splunk_hec_routes(Router& router, ApiContext& context);
// POST and GET /loki/api/v1/delete and /api/v1/admin/delete (admin_delete_handler.cc).
void add_admin_delete_routes(Router& router, ApiContext& context);
// POST /api/v1/admin/backup (admin_backup_handler.cc).
void add_admin_backup_routes(Router& router, ApiContext& context);
// Tempo's search API: GET /api/search, /api/echo, /api/status/buildinfo
// (tempo_search_handler.cc); tags and tag values (tempo_tags_handler.cc); TraceQL metrics
// (tempo_metrics_handler.cc). docs/traceql.md.
void add_tempo_search_routes(Router& router, ApiContext& context);
void add_tempo_tag_routes(Router& router, ApiContext& context);
void add_tempo_metrics_routes(Router& router, ApiContext& context);
// GET /ready, GET /metrics (ops_handler.cc).
void add_ops_routes(Router& router, ApiContext& context);

// The Loki query API (docs/api.md, "Loki API"):
// /loki/api/v1/query, /query_range (loki_query_handler.cc).
void add_loki_query_routes(Router& router, ApiContext& context);
// /loki/api/v1/labels, /label/{name}/values, /series (loki_labels_handler.cc).
void add_loki_labels_routes(Router& router, ApiContext& context);
// /loki/api/v1/index/stats, /index/volume, /index/volume_range (loki_index_handler.cc).
void add_loki_index_routes(Router& router, ApiContext& context);
// /loki/api/v1/detected_labels, /detected_fields, /detected_field/{name}/values
// (loki_detected_handler.cc).
void add_loki_detected_routes(Router& router, ApiContext& context);
// /loki/api/v1/tail, a WebSocket (loki_tail_handler.cc).
void add_loki_tail_routes(Router& router, ApiContext& context);
// /loki/api/v1/status/buildinfo, /format_query, /patterns (loki_misc_handler.cc).
void add_loki_misc_routes(Router& router, ApiContext& context);

// Every route above, and the web UI's (server/ui/ui_routes.h).
void add_all_routes(Router& router, ApiContext& context);

}  // namespace weft::server::api
