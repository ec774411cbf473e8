#include "server/api/loki_support.h"

#include <chrono>

#include "query/logql/store_view_log_source.h"
#include "server/api/query_support.h"
#include "server/http/responses.h"

namespace weft::server::api {

logql::EngineLimits engine_limits(const ApiLimits& limits) {
  logql::EngineLimits out;
  out.max_entries = limits.max_query_limit;
  out.max_series = limits.max_query_series;
  return out;
}

void run_logql(const ApiContext& context, const Responder& respond, LogqlWork work) {
  auto queued = std::chrono::steady_clock::now();
  const ApiLimits& limits = context.limits();
  auto timeout = limits.query_timeout;
  uint64_t budget = limits.max_query_memory_bytes;
  run_read_query(context, respond, [work = std::move(work), queued, timeout, budget, respond](const storage::StoreView& view) {
    auto started = std::chrono::steady_clock::now();
    double queue_seconds = std::chrono::duration<double>(started - queued).count();
    logql::QueryControl control(started + timeout, budget);
    respond.on_abandoned([flag = control.cancel_flag()] { flag->store(true); });
    logql::StoreViewLogSource source(view);
    return work(source, control, queue_seconds);
  });
}

void run_logql_task(const ApiContext& context, std::function<void(const logql::LogSource* source)> work) {
  storage::Store* store = context.store();
  context.run_query([store, work = std::move(work)] {
    if (!store) return work(nullptr);
    auto view = store->view();
    logql::StoreViewLogSource source(*view);
    work(&source);
  });
}

HttpResponse loki_error(const Status& status) {
  http::status code = http::status::bad_request;
  if (logql::is_query_timeout(status)) code = http::status::gateway_timeout;
  else if (status.code() == StatusCode::kUnavailable) code = static_cast<http::status>(499);
  else if (status.code() == StatusCode::kInternal) code = http::status::internal_server_error;
  return text_response(code, status.message());
}

HttpResponse loki_json(std::string body) { return json_response(http::status::ok, std::move(body)); }

}  // namespace weft::server::api
