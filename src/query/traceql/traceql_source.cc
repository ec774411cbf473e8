#include "query/traceql/traceql_source.h"

namespace weft::query::traceql {

Status VectorSpanSource::scan(UnixNanos start, UnixNanos end,
                              const std::function<bool(const Span&)>& fn) const {
  for (const Span& s : spans_) {
    if (s.start_time_unix_nano < start || s.start_time_unix_nano > end) continue;
    if (!fn(s)) break;
  }
  return Status::ok();
}

Status VectorSpanSource::fetch_trace(const TraceId& id, std::vector<Span>& out) const {
  for (const Span& s : spans_)
    if (s.trace_id == id) out.push_back(s);
  return Status::ok();
}

}  // namespace weft::query::traceql
