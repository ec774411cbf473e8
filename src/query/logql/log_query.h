// The log half of the engine: the `limit` newest (backward) or oldest (forward) entries of a
// log selector in [start, end), after its pipeline, grouped into streams.
//
// One pass over the source keeps the best `limit` candidates in a bounded heap; once it is
// full its worst time is published as the scan's floor (backward) or ceiling (forward), so a
// source may skip rows that can no longer enter. Cost: O(rows * pipeline + entries * log
// limit); memory O(limit), charged to the QueryControl.
// Thread safety: a free function; each call compiles its own pipeline.
#pragma once

#include <vector>

#include "common/status.h"
#include "query/logql/ast.h"
#include "query/logql/engine.h"

namespace weft::logql {

Result<std::vector<StreamResult>> run_log_query(const LogSelector& selector, const QueryParams& params,
                                                const LogSource& source, QueryControl& control,
                                                QueryStats& stats);

// Keeps at most one entry per `interval` in each stream, starting from its first entry in the
// direction of the query.
void apply_interval(std::vector<StreamResult>& streams, int64_t interval_nanos, Direction direction);

}  // namespace weft::logql
