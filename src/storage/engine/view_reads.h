// Reading a StoreView: the log records and spans of a tenant from its memtables and parts
// alike. This is the read path the native API, LogQL and TraceQL share.
//
// Parts are pruned before anything is read: by tenant and time range from the manifest entry,
// then block by block by time, trace id and tokens (BlockCursor); only the columns in `mask`
// are decoded. Records handed to fn are exact for the time range and the trace id; token
// filters only prune (the caller still matches the text).
//
// Deletes: rows covered by the view's accepted delete requests (StoreView::deletes) are never
// handed to fn; when the tenant has any, the columns the requests test (resource, and body or
// span name for a line filter) are decoded too.
//
// Order: memtables first (newest memtable first, newest arrival first within it), then parts
// from the newest max time down; within a part, blocks in (stream, time) order. Callers that
// need an order sort or keep a heap; `dynamic_start` (re-read before each block, as in
// MemStore::scan_logs) lets a top-k search skip blocks older than its k-th best record.
//
// Thread safety: free functions over an immutable view; fn runs on the calling thread and
// must not keep the reference it gets.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/engine/live_part.h"
#include "storage/part/block_filter.h"
#include "storage/part/column_mask.h"

namespace weft::storage {

struct ScanOptions {
  UnixNanos start = INT64_MIN;  // inclusive, of effective time (logs) or start time (spans)
  UnixNanos end = INT64_MAX;    // inclusive
  const UnixNanos* dynamic_start = nullptr;
  std::optional<TraceId> trace_id;
  std::vector<TokenFilter> tokens;  // pruning hints for parts
  // Parts: only blocks of the streams this accepts (by their stream labels) are read; a part
  // with none is skipped whole. Null: every stream. Memtables are not filtered by it (the
  // caller still matches every record it gets).
  std::function<bool(const StreamLabels&)> stream_filter;
  ColumnMask mask = ColumnMask::all();
};

// kCorruption (naming the part) when a part turns out damaged; records before it were passed.
Status scan_logs(const StoreView& view, std::string_view tenant, const ScanOptions& options,
                 const std::function<bool(const LogRecord&)>& fn);
Status scan_spans(const StoreView& view, std::string_view tenant, const ScanOptions& options,
                  const std::function<bool(const Span&)>& fn);

// Service name -> records and spans, over memtables and parts.
std::vector<ServiceStats> services(const StoreView& view, std::string_view tenant);

}  // namespace weft::storage
