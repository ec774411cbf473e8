#include "query/trace_lookup.h"

#include <algorithm>

namespace weft::query {

TraceView lookup_trace(const storage::MemStore& store, std::string_view tenant,
                       const TraceId& trace_id) {
  TraceView view;
  view.trace_id = trace_id;
  view.spans = store.spans_by_trace(tenant, trace_id);
  view.logs = store.logs_by_trace(tenant, trace_id);
  // Stable: equal times keep arrival order.
  std::stable_sort(view.spans.begin(), view.spans.end(), [](const Span& a, const Span& b) {
    return a.start_time_unix_nano < b.start_time_unix_nano;
  });
  std::stable_sort(view.logs.begin(), view.logs.end(), [](const LogRecord& a, const LogRecord& b) {
    return a.effective_time() < b.effective_time();
  });
  return view;
}

}  // namespace weft::query
