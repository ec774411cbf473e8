#include "server/api/query_support.h"

#include "common/log.h"
#include "server/api/tenant.h"
#include "server/http/responses.h"

namespace weft::server::api {

std::optional<std::string> tenant_or_reply(const Request& request, const Responder& respond) {
  auto tenant = request_tenant(request.message);
  if (tenant) return std::move(*tenant);
  respond(json_error(http::status::bad_request, tenant.status().message()));
  return std::nullopt;
}

void run_read_query(const ApiContext& context, const Responder& respond,
                    std::function<HttpResponse(const storage::StoreView&)> query) {
  storage::Store* store = context.store();
  if (!store) {
    HttpResponse response = json_error(http::status::service_unavailable,
                                       "not ready: replaying the write-ahead log");
    response.set(http::field::retry_after, "1");
    return respond(std::move(response));
  }
  context.run_query([store, respond, query = std::move(query)] {
    respond(query(*store->view()));
  });
}

HttpResponse store_error(const Status& status) {
  log::error("query failed in the store", {{"error", status.to_string()}});
  return json_error(http::status::internal_server_error, status.message());
}

}  // namespace weft::server::api
