// Trace by id: every span of a trace and every log record that carries its trace id.
#pragma once

#include <string_view>
#include <vector>

#include "model/log_record.h"
#include "model/span.h"
#include "storage/memstore/mem_store.h"

namespace weft::query {

struct TraceView {
  TraceId trace_id;
  std::vector<Span> spans;       // by start time
  std::vector<LogRecord> logs;   // by effective time
};

TraceView lookup_trace(const storage::MemStore& store, std::string_view tenant,
                       const TraceId& trace_id);

}  // namespace weft::query
