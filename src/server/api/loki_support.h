// What the Loki API handlers share: running LogQL work off the io threads over the store's
// LogSource with a QueryControl (deadline, memory budget, cancellation when the client goes
// away), and Loki's error answers (plain text, as Loki sends them).
#pragma once

#include <functional>

#include "query/logql/engine.h"
#include "query/logql/log_source.h"
#include "query/logql/query_control.h"
#include "server/api/api_context.h"
#include "server/http/router.h"

namespace weft::server::api {

// The work: reads through `source` under `control`; returns the response.
using LogqlWork = std::function<HttpResponse(const logql::LogSource& source, logql::QueryControl& control,
                                             double queue_seconds)>;

// Runs `work` on the query runner; 503 while the store is not open.
void run_logql(const ApiContext& context, const Responder& respond, LogqlWork work);

// Runs `work` on the query runner without an HTTP request (WebSocket tail): `source` is null
// while the store is not open.
void run_logql_task(const ApiContext& context, std::function<void(const logql::LogSource* source)> work);

// The engine limits from the API limits.
logql::EngineLimits engine_limits(const ApiLimits& limits);

// A failed query or a bad parameter as Loki answers it: 400 with the message as plain text
// (504 for a timeout, 499 for a cancelled query, 503 when not ready).
HttpResponse loki_error(const Status& status);

// A JSON success body.
HttpResponse loki_json(std::string body);

}  // namespace weft::server::api
