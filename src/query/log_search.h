// Native log search: the filters of GET /api/v1/logs, and the newest-first search over a
// StoreView (memtables and parts) that applies them.
//
// The search is one pass over the tenant's records (storage::scan_logs: memtables newest
// arrival first, then parts newest first, pruned by time and trace id) keeping the best
// `limit` matches in a bounded heap; once the heap is full its worst time becomes the scan's
// lower bound, so older blocks of records are skipped unread. Cost:
// O(scanned * filter + matches * log(limit)); memory O(limit).
//
// Text matching is a case-insensitive (ASCII) substring test on the body: string bodies as
// they are, other bodies as any_value_to_text() renders them.
//
// Thread safety: free functions over an immutable view.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/log_record.h"
#include "common/status.h"
#include "storage/engine/live_part.h"

namespace weft::query {

struct LogFilter {
  std::string tenant;
  std::optional<std::string> service;      // resource service.name equals
  std::optional<std::string> environment;  // deployment.environment(.name) equals
  int min_severity = 0;                    // effective severity number at or above
  UnixNanos start = 0;                     // effective time >= start
  UnixNanos end = INT64_MAX;               // effective time <= end
  std::string text;                        // case-insensitive substring of the body text
  std::optional<TraceId> trace_id;
};

// Whether one record passes every filter but the tenant and time range.
bool matches(const LogFilter& filter, const LogRecord& record);

// The newest `limit` matching records of filter.tenant in [filter.start, filter.end], newest
// effective time first; at equal times the one met first by the scan comes first. Copies.
// kCorruption when a part turns out damaged.
Result<std::vector<LogRecord>> search_logs(const storage::StoreView& view, const LogFilter& filter,
                                           size_t limit);

}  // namespace weft::query
