// TenantData: one tenant's records, spans and indexes inside the MemStore.
//
// Records and spans sit in deques in arrival order (positions never change: nothing is
// removed). Indexes:
//   - log time blocks: min/max effective time of every kTimeBlockRecords consecutive records,
//     so a time-bounded scan skips whole blocks;
//   - trace id -> positions of the records / spans carrying it, in arrival order;
//   - service name -> record and span counts.
//
// Thread safety: none; MemStore guards each TenantData with its shared_mutex.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/log_record.h"
#include "model/span.h"
#include "storage/memstore/mem_store.h"
#include "storage/memstore/mem_store_accounting.h"
#include "storage/memstore/trace_index.h"

namespace weft::storage {

inline constexpr size_t kTimeBlockRecords = 1024;

class TenantData {
 public:
  // Both return the index bytes added beyond the BatchAccounting estimate (new trace ids).
  uint64_t add_logs(std::vector<LogRecord>&& records, const BatchAccounting& accounting);
  uint64_t add_spans(std::vector<Span>&& spans, const BatchAccounting& accounting);

  // Newest arrival first; see MemStore::scan_logs.
  void scan_logs(UnixNanos start, UnixNanos end, const UnixNanos* dynamic_start,
                 const std::function<bool(const LogRecord&)>& fn) const;

  // Spans whose start time is in [start, end], newest arrival first; see MemStore::scan_spans.
  void scan_spans(UnixNanos start, UnixNanos end, const std::function<bool(const Span&)>& fn) const;

  std::vector<LogRecord> logs_by_trace(const TraceId& trace_id) const;
  std::vector<Span> spans_by_trace(const TraceId& trace_id) const;
  std::vector<ServiceStats> services() const;
  std::vector<const LogRecord*> log_pointers() const;
  std::vector<const Span*> span_pointers() const;

 private:
  struct TimeBlock {
    UnixNanos min = INT64_MAX;
    UnixNanos max = INT64_MIN;
  };
  void note_log_time(uint64_t position, UnixNanos t);
  ServiceStats& service(std::string_view name);
  bool scan_block(size_t block, UnixNanos start, UnixNanos end,
                  const std::function<bool(const LogRecord&)>& fn) const;

  std::deque<LogRecord> logs_;
  std::deque<Span> spans_;
  std::vector<TimeBlock> log_blocks_;  // block b covers logs_[b * kTimeBlockRecords, ...)
  TraceIndex log_traces_;
  TraceIndex span_traces_;
  std::map<std::string, ServiceStats, std::less<>> services_;
};

}  // namespace weft::storage
