#include "server/api/tempo_span_source.h"

#include "storage/engine/view_reads.h"

namespace weft::server::api {

Status StoreSpanSource::scan(UnixNanos start, UnixNanos end,
                             const std::function<bool(const Span&)>& fn) const {
  storage::ScanOptions options;
  options.start = start;
  options.end = end;
  return storage::scan_spans(view_, tenant_, options, fn);
}

Status StoreSpanSource::fetch_trace(const TraceId& id, std::vector<Span>& out) const {
  storage::ScanOptions options;
  options.trace_id = id;
  return storage::scan_spans(view_, tenant_, options, [&out](const Span& span) {
    out.push_back(span);
    return true;
  });
}

}  // namespace weft::server::api
