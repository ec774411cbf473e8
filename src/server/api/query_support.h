// Steps shared by the read API handlers (logs, traces, services): the tenant check, the
// readiness check, and running the query off the io threads.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "server/api/api_context.h"
#include "server/http/router.h"

namespace weft::server::api {

// The request's tenant; otherwise answers 400 and returns nullopt.
std::optional<std::string> tenant_or_reply(const Request& request, const Responder& respond);

// Runs `query` on the query runner with the open store and answers with what it returns;
// answers 503 at once while the store is not ready.
void run_read_query(const ApiContext& context, const Responder& respond,
                    std::function<HttpResponse(const storage::StoreView&)> query);

// The answer to a query that failed inside the store (a damaged part): 500 with the reason.
HttpResponse store_error(const Status& status);

}  // namespace weft::server::api
