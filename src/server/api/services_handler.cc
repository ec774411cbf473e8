// GET /api/v1/services: the services seen in the tenant's data, with their log record and span
// counts (docs/api.md).
#include "common/json_writer.h"
#include "server/api/api.h"
#include "server/api/query_support.h"
#include "storage/engine/view_reads.h"
#include "server/http/responses.h"

namespace weft::server::api {

namespace {

std::string services_body(const std::vector<storage::ServiceStats>& services) {
  JsonWriter w;
  w.begin_object();
  w.key("services");
  w.begin_array();
  for (const auto& service : services) {
    w.begin_object();
    w.key("name");
    w.value(service.name);
    w.key("records");
    w.value(service.records);
    w.key("spans");
    w.value(service.spans);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

void handle_services(const ApiContext& context, const Request& request,
                     const Responder& respond) {
  auto tenant = tenant_or_reply(request, respond);
  if (!tenant) return;
  run_read_query(context, respond, [tenant = std::move(*tenant)](const storage::StoreView& view) {
    return json_response(http::status::ok, services_body(storage::services(view, tenant)));
  });
}

}  // namespace

void add_services_routes(Router& router, ApiContext& context) {
  router.add(http::verb::get, "/api/v1/services", [&context](Request request, Responder respond) {
    handle_services(context, request, respond);
  });
}

}  // namespace weft::server::api
