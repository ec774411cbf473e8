// Trace by id: every span of a trace and every log record that carries its trace id.
//
// Thread safety: a free function over an immutable view; returns copies.
#pragma once

#include <string_view>
#include <vector>

#include "model/log_record.h"
#include "model/span.h"
#include "common/status.h"
#include "storage/engine/live_part.h"

namespace weft::query {

struct TraceView {
  TraceId trace_id;
  std::vector<Span> spans;       // by start time, ties in arrival order; empty if unknown
  std::vector<LogRecord> logs;   // by effective time, ties in arrival order
};

// Needs no time range: memtables by their trace index, parts by their trace-id filters.
// kCorruption when a part turns out damaged.
Result<TraceView> lookup_trace(const storage::StoreView& view, std::string_view tenant,
                               const TraceId& trace_id);

}  // namespace weft::query
