// Every route of weft's HTTP listeners, in one place.
#include "server/api/api.h"
#include "server/ui/ui_routes.h"

namespace weft::server::api {

void add_all_routes(Router& router, ApiContext& context) {
  add_otlp_ingest_routes(router, context);
  add_loki_push_routes(router, context);
  add_logs_routes(router, context);
  add_traces_routes(router, context);
  add_services_routes(router, context);
  add_tempo_search_routes(router, context);
  add_tempo_tag_routes(router, context);
  add_tempo_metrics_routes(router, context);
  add_ops_routes(router, context);
  ui::add_ui_routes(router, ui::embedded_ui_assets());
}

}  // namespace weft::server::api
