// Every route of weft's HTTP listeners, in one place.
#include "server/api/api.h"
#include "server/ui/ui_routes.h"

namespace weft::server::api {

void add_all_routes(Router& router, ApiContext& context) {
  add_otlp_ingest_routes(router, context);
  add_loki_push_routes(router, context);
  add_elastic_bulk_routes(router, context);
  // First match wins: "/" is the Elasticsearch version document, or the UI for browsers.
  add_elastic_root_routes(router, context, ui::app_page_handler(ui::embedded_ui_assets()));
  add_splunk_hec_routes(router, context);
  add_jsonlines_push_routes(router, context);
  add_logs_routes(router, context);
  add_traces_routes(router, context);
  add_services_routes(router, context);
  add_admin_delete_routes(router, context);
  add_admin_backup_routes(router, context);
  add_ops_routes(router, context);
  add_loki_query_routes(router, context);
  add_loki_labels_routes(router, context);
  add_loki_index_routes(router, context);
  add_loki_detected_routes(router, context);
  add_loki_tail_routes(router, context);
  add_loki_misc_routes(router, context);
  ui::add_ui_routes(router, ui::embedded_ui_assets());
}

}  // namespace weft::server::api
