// Store: weft's storage as the server sees it: the WAL in front of the in-memory index.
//
// append_* encodes a batch into a WAL entry (the tenant, the signal, and the batch as an OTLP
// protobuf request), appends it, and once the entry is durable adds the batch to the MemStore
// and then calls `done`: a record is queryable before its request is acknowledged. On open the
// WAL is replayed into the MemStore. Past memory_budget_bytes, appends are refused with
// kResourceExhausted (backpressure) instead of growing memory.
//
// The WAL entry payload is a StoreEntry (store_entry.h, docs/format/wal.md). The decoded batch
// travels with its WAL append and goes into the MemStore from the WAL callback, which runs in
// append order once the entry is durable: the MemStore sees WAL order, and the hot path never
// decodes. Replay decodes each entry once at open().
//
// Budget: an append is refused when MemStore::memory_bytes() plus the WAL's pending bytes is
// over memory_budget_bytes (counted in weft_store_rejected_total{reason="memory_budget"}).
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

#include "common/status.h"
#include "model/log_record.h"
#include "model/span.h"
#include "storage/memstore/mem_store.h"
#include "storage/wal/wal.h"

namespace weft::storage {

struct StoreOptions {
  std::filesystem::path data_dir;  // the WAL lives in <data_dir>/wal
  bool fsync = true;
  uint64_t memory_budget_bytes = 2ull << 30;
  uint64_t wal_segment_bytes = 64ull << 20;
  uint64_t wal_max_pending_bytes = 256ull << 20;
};

class Store {
 public:
  using Done = std::function<void(Status)>;

  // Opens (creating if needed) the data directory and replays the WAL.
  static Result<std::unique_ptr<Store>> open(const StoreOptions& options);
  ~Store();

  // `done` runs exactly once: OK once the batch is durable and queryable, or an error
  // (kResourceExhausted over budget or over the WAL's pending limit, kUnavailable after
  // close(), kIoError). Outcomes decided by the WAL writer run on its thread; refusals, and
  // the OK of an empty batch (which is not logged), run on the calling thread before
  // append_* returns. `done` must not block: it holds up every later append.
  void append_logs(LogBatch batch, Done done);
  void append_spans(SpanBatch batch, Done done);

  const MemStore& memstore() const;
  const WalReplayStats& replay_stats() const;

  // Waits for pending appends to become durable, then stops the WAL. Idempotent.
  void close();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::storage
