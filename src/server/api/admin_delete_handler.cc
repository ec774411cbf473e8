// Delete by query (docs/api.md): Loki's compactor API, POST and GET /loki/api/v1/delete, and
// the native POST and GET /api/v1/admin/delete. A request is answered only once it is durable
// and already applied to queries. These routes will require an admin role once authentication
// lands; until then anyone who can reach the listener may call them.
#include <cmath>

#include "common/json_writer.h"
#include "common/log.h"
#include "common/time.h"
#include "server/api/api.h"
#include "server/api/delete_request_params.h"
#include "server/api/query_support.h"
#include "server/http/responses.h"

namespace weft::server::api {

namespace {

double unix_seconds(UnixNanos t) { return std::floor(static_cast<double>(t) / 1e6) / 1e3; }

// Loki's shape: request_id, start_time, end_time, query, status, created_at (unix seconds).
void write_loki_request(JsonWriter& w, const storage::DeleteRequest& r) {
  w.begin_object();
  w.key("request_id"), w.value(std::to_string(r.id));
  w.key("start_time"), w.value(unix_seconds(r.start));
  w.key("end_time"), w.value(unix_seconds(r.end));
  w.key("query"), w.value(r.query);
  w.key("status"), w.value(storage::delete_status_name(r.status));
  w.key("created_at"), w.value(unix_seconds(r.created_at));
  w.end_object();
}

void write_native_request(JsonWriter& w, const storage::DeleteRequest& r) {
  w.begin_object();
  w.key("id"), w.value(r.id);
  w.key("signal"), w.value(storage::part_format::signal_name(r.signal));
  w.key("selector"), w.value(r.query);
  w.key("start"), w.value(format_rfc3339_nanos(r.start));
  w.key("end"), w.value(format_rfc3339_nanos(r.end));
  w.key("status"), w.value(storage::delete_status_name(r.status));
  w.key("created_at"), w.value(format_rfc3339_nanos(r.created_at));
  w.key("rows_deleted"), w.value(r.rows_deleted);
  w.end_object();
}

// Runs `fn` with the open store on the query runner (accepting a request syncs a file), or
// answers 503 while the store is not ready.
void with_store(const ApiContext& context, const Responder& respond,
                std::function<HttpResponse(storage::Store&)> fn) {
  storage::Store* store = context.store();
  if (!store) {
    HttpResponse response = json_error(http::status::service_unavailable, "not ready: replaying the write-ahead log");
    response.set(http::field::retry_after, "1");
    return respond(std::move(response));
  }
  context.run_query([store, respond, fn = std::move(fn)] { respond(fn(*store)); });
}

HttpResponse refused(const Status& s) {
  if (s.code() == StatusCode::kInvalidArgument) return json_error(http::status::bad_request, s.message());
  return store_error(s);
}

void handle_add(const ApiContext& context, const Request& request, const Responder& respond,
                bool loki) {
  auto tenant = tenant_or_reply(request, respond);
  if (!tenant) return;
  auto spec = loki ? parse_loki_delete_params(request.params, now_unix_nanos())
                   : parse_native_delete_body(request.message.body(), now_unix_nanos());
  if (!spec.is_ok()) return respond(json_error(http::status::bad_request, spec.status().message()));
  spec->tenant = *tenant;
  with_store(context, respond, [spec = std::move(*spec), loki](storage::Store& store) {
    auto accepted = store.add_delete_request(spec);
    if (!accepted.is_ok()) return refused(accepted.status());
    if (loki) return HttpResponse(http::status::no_content, 11);
    JsonWriter w;
    write_native_request(w, *accepted);
    return json_response(http::status::ok, w.take());
  });
}

void handle_list(const ApiContext& context, const Request& request, const Responder& respond,
                 bool loki) {
  auto tenant = tenant_or_reply(request, respond);
  if (!tenant) return;
  with_store(context, respond, [tenant = std::move(*tenant), loki](storage::Store& store) {
    JsonWriter w;
    if (!loki) w.begin_object(), w.key("requests");
    w.begin_array();
    for (const auto& r : store.delete_requests()) {
      if (r.tenant != tenant) continue;
      loki ? write_loki_request(w, r) : write_native_request(w, r);
    }
    w.end_array();
    if (!loki) w.end_object();
    return json_response(http::status::ok, w.take());
  });
}

}  // namespace

void add_admin_delete_routes(Router& router, ApiContext& context) {
  for (bool loki : {true, false}) {
    std::string path = loki ? "/loki/api/v1/delete" : "/api/v1/admin/delete";
    router.add(http::verb::post, path, [&context, loki](Request request, Responder respond) {
      handle_add(context, request, respond, loki);
    });
    router.add(http::verb::get, path, [&context, loki](Request request, Responder respond) {
      handle_list(context, request, respond, loki);
    });
  }
}

}  // namespace weft::server::api
