// MemStore: a memtable: the in-memory index of acknowledged log records and spans not yet
// flushed into parts, per tenant.
//
// Records are added in WAL order (by Store, after their WAL record is durable, and by WAL
// replay at start) and never removed: a full memtable is frozen and flushed into parts, then
// dropped whole (storage/store.h).
// Indexes: per tenant, records and spans in arrival order, trace id -> records and spans, and
// per-service counts. memory_bytes() is an estimate of the heap held, used for the budget.
//
// Thread safety: add_* take an exclusive lock (after accounting the batch without it); every
// read takes a shared lock, so reads run in parallel with each other and see whole batches
// only.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/log_record.h"
#include "model/span.h"

namespace weft::storage {

struct ServiceStats {
  std::string name;
  uint64_t records = 0;
  uint64_t spans = 0;
};

class MemStore {
 public:
  MemStore();
  ~MemStore();
  MemStore(const MemStore&) = delete;
  MemStore& operator=(const MemStore&) = delete;

  void add_logs(LogBatch batch);
  void add_spans(SpanBatch batch);

  // Calls fn for each log record of `tenant` whose effective_time() is in [start, end], newest
  // arrival first (the reverse of the order records were added), until fn returns false.
  // Arrival order is WAL order, not time order, so callers wanting time order must sort; but
  // arrival roughly follows time, which makes newest-first top-k searches stop early:
  // when `dynamic_start` is not null, *dynamic_start is re-read before each block of records
  // and records older than it may be skipped, whole blocks at a time (a top-k search raises
  // it to the time of its k-th best record). fn runs under the shared lock: it must not call
  // back into the MemStore; the reference it gets is valid during the call only.
  void scan_logs(std::string_view tenant, UnixNanos start, UnixNanos end,
                 const std::function<bool(const LogRecord&)>& fn,
                 const UnixNanos* dynamic_start = nullptr) const;

  // Calls fn for each span of `tenant` whose start time is in [start, end], newest arrival
  // first, until fn returns false. Same locking rules as scan_logs.
  void scan_spans(std::string_view tenant, UnixNanos start, UnixNanos end,
                  const std::function<bool(const Span&)>& fn) const;

  // Copies of the records / spans of `tenant` carrying `trace_id`, in arrival order.
  std::vector<LogRecord> logs_by_trace(std::string_view tenant, const TraceId& trace_id) const;
  std::vector<Span> spans_by_trace(std::string_view tenant, const TraceId& trace_id) const;

  // The tenants holding records or spans, sorted.
  std::vector<std::string> tenants() const;
  // Every log record / span of `tenant`, in arrival order. The pointers stay valid as long as
  // the MemStore lives (nothing is ever removed or moved; later adds do not invalidate them).
  // Used to flush a frozen memtable into parts.
  std::vector<const LogRecord*> log_pointers(std::string_view tenant) const;
  std::vector<const Span*> span_pointers(std::string_view tenant) const;

  // Services of `tenant` with their record and span counts, by name.
  std::vector<ServiceStats> services(std::string_view tenant) const;

  // Estimated heap bytes held (see mem_store_accounting.h), and totals over all tenants.
  // Lock-free reads of counters updated at the end of each add_*.
  uint64_t memory_bytes() const;
  uint64_t log_count() const;
  uint64_t span_count() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace weft::storage
