// GET /api/v1/logs: log records matching the given filters, newest first (docs/api.md).
#include "common/json_writer.h"
#include "query/log_search.h"
#include "server/api/api.h"
#include "server/api/log_query.h"
#include "server/api/query_support.h"
#include "server/api/record_json.h"
#include "server/http/responses.h"

namespace weft::server::api {

namespace {

std::string logs_body(const std::vector<LogRecord>& records) {
  JsonWriter w;
  w.begin_object();
  w.key("records");
  w.begin_array();
  for (const auto& record : records) write_log_record_json(w, record);
  w.end_array();
  w.end_object();
  return w.take();
}

void handle_logs(const ApiContext& context, const Request& request, const Responder& respond) {
  auto tenant = tenant_or_reply(request, respond);
  if (!tenant) return;
  LogQuery query;
  if (auto error = parse_log_query(request.params, context.limits().max_query_limit, query))
    return respond(json_error(http::status::bad_request, error->message, error->parameter));
  query.filter.tenant = std::move(*tenant);
  run_read_query(context, respond, [query = std::move(query)](const storage::StoreView& view) {
    auto records = query::search_logs(view, query.filter, query.limit);
    if (!records.is_ok()) return store_error(records.status());
    return json_response(http::status::ok, logs_body(*records));
  });
}

}  // namespace

void add_logs_routes(Router& router, ApiContext& context) {
  router.add(http::verb::get, "/api/v1/logs", [&context](Request request, Responder respond) {
    handle_logs(context, request, respond);
  });
}

}  // namespace weft::server::api
