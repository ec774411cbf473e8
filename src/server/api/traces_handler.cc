// GET /api/v1/traces/{trace_id}: every span of a trace and every log record carrying its id
// (docs/api.md).
#include "common/json_writer.h"
#include "query/trace_lookup.h"
#include "server/api/api.h"
#include "server/api/log_query.h"
#include "server/api/query_support.h"
#include "server/api/record_json.h"
#include "server/http/responses.h"

namespace weft::server::api {

namespace {

std::string trace_body(const query::TraceView& trace) {
  JsonWriter w;
  w.begin_object();
  w.key("trace_id");
  w.value(trace.trace_id.hex());
  w.key("spans");
  w.begin_array();
  for (const auto& span : trace.spans) write_span_json(w, span);
  w.end_array();
  w.key("logs");
  w.begin_array();
  for (const auto& record : trace.logs) write_log_record_json(w, record);
  w.end_array();
  w.end_object();
  return w.take();
}

void handle_trace(const ApiContext& context, const Request& request, const Responder& respond) {
  auto tenant = tenant_or_reply(request, respond);
  if (!tenant) return;
  TraceId id;
  if (auto error = parse_trace_id_param("trace_id", request.path_param, id))
    return respond(json_error(http::status::bad_request, error->message, error->parameter));
  run_read_query(context, respond, [tenant = std::move(*tenant), id](const storage::StoreView& view) {
    auto found = query::lookup_trace(view, tenant, id);
    if (!found.is_ok()) return store_error(found.status());
    query::TraceView& trace = *found;
    if (trace.spans.empty() && trace.logs.empty())
      return json_error(http::status::not_found, "trace not found");
    trace.trace_id = id;
    return json_response(http::status::ok, trace_body(trace));
  });
}

}  // namespace

void add_traces_routes(Router& router, ApiContext& context) {
  router.add(http::verb::get, "/api/v1/traces/{trace_id}",
             [&context](Request request, Responder respond) {
               handle_trace(context, request, respond);
             });
}

}  // namespace weft::server::api
