// How `weft query` prints a Loki query response: log lines as text (time, labels, line) or
// JSON lines, metric results as tables (one row per series and time).
#pragma once

#include <ostream>
#include <string_view>

#include "common/status.h"

namespace weft::app {

enum class QueryOutput { kText, kJsonLines };

// Prints the body of a successful /loki/api/v1/query(_range) response; kInvalidArgument when
// it is not one.
Status print_query_response(std::string_view body, QueryOutput output, bool forward, std::ostream& out);

}  // namespace weft::app
