// Every route of weft's HTTP listeners, in one place.
#include "server/api/api.h"

namespace weft::server::api {

void add_all_routes(Router& router, ApiContext& context) {
  add_otlp_ingest_routes(router, context);
  add_logs_routes(router, context);
  add_traces_routes(router, context);
  add_services_routes(router, context);
  add_ops_routes(router, context);
  add_loki_query_routes(router, context);
  add_loki_labels_routes(router, context);
  add_loki_index_routes(router, context);
  add_loki_detected_routes(router, context);
  add_loki_tail_routes(router, context);
  add_loki_misc_routes(router, context);
}

}  // namespace weft::server::api
