// Answers of Tempo's APIs that are not results: errors as plain text, as Tempo sends them
// (400 for a bad query or parameter and for a query over weft's limits, 500 for a store
// failure), and JSON bodies.
// Thread safety: free functions.
#pragma once

#include "common/status.h"
#include "server/http/http_types.h"

namespace weft::server::api {

HttpResponse tempo_error(const Status& status);

}  // namespace weft::server::api
