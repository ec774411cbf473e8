#include "query/trace_lookup.h"

#include <algorithm>

#include "storage/engine/view_reads.h"

namespace weft::query {

Result<TraceView> lookup_trace(const storage::StoreView& store, std::string_view tenant,
                               const TraceId& trace_id) {
  TraceView view;
  view.trace_id = trace_id;
  storage::ScanOptions options;
  options.trace_id = trace_id;
  WEFT_RETURN_IF_ERROR(storage::scan_spans(store, tenant, options, [&](const Span& s) {
    view.spans.push_back(s);
    return true;
  }));
  WEFT_RETURN_IF_ERROR(storage::scan_logs(store, tenant, options, [&](const LogRecord& r) {
    view.logs.push_back(r);
    return true;
  }));
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
