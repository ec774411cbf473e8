// Every route of weft's HTTP listeners, in one place, each family under the access it needs
// (docs/security.md): ingest (writer and admin tokens), query (reader and admin tokens),
// public (no token). A family added outside these scopes needs an admin token: declare new
// families here.
#include "server/api/api.h"
#include "server/ui/ui_routes.h"

namespace weft::server::api {

void add_all_routes(Router& router, ApiContext& context) {
  {
    Router::AccessScope ingest(router, RouteAccess::kIngest);
    add_otlp_ingest_routes(router, context);
    add_loki_push_routes(router, context);
    add_elastic_bulk_routes(router, context);
    add_splunk_hec_routes(router, context);  // its health check is public (inside)
    add_jsonlines_push_routes(router, context);
  }
  {
    Router::AccessScope pub(router, RouteAccess::kPublic);
    // First match wins: "/" is the Elasticsearch version document, or the UI for browsers.
    add_elastic_root_routes(router, context, ui::app_page_handler(ui::embedded_ui_assets()));
    ui::add_ui_routes(router, ui::embedded_ui_assets());
  }
  {
    Router::AccessScope query(router, RouteAccess::kQuery);
    add_logs_routes(router, context);
    add_traces_routes(router, context);
    add_services_routes(router, context);
    add_loki_query_routes(router, context);
    add_loki_labels_routes(router, context);
    add_loki_index_routes(router, context);
    add_loki_detected_routes(router, context);
    add_loki_tail_routes(router, context);
    add_loki_misc_routes(router, context);
    add_tempo_search_routes(router, context);
    add_tempo_tag_routes(router, context);
    add_tempo_metrics_routes(router, context);
  }
  // Admin (outside any scope): delete requests and backups.
  add_admin_delete_routes(router, context);
  add_admin_backup_routes(router, context);
  add_ops_routes(router, context);  // /ready is public (inside), /metrics admin
}

}  // namespace weft::server::api
