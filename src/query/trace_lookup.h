// Trace by id: every span of a trace and every log record that carries its trace id.
//
// Thread safety: a free function over the MemStore's shared lock; returns copies.
#pragma once

#include <string_view>
#include <vector>

#include "model/log_record.h"
#include "model/span.h"
#include "storage/memstore/mem_store.h"

namespace weft::query {

struct TraceView {
  TraceId trace_id;
  std::vector<Span> spans;       // by start time, ties in arrival order; empty if unknown
  std::vector<LogRecord> logs;   // by effective time, ties in arrival order
};

TraceView lookup_trace(const storage::MemStore& store, std::string_view tenant,
                       const TraceId& trace_id);

}  // namespace weft::query
