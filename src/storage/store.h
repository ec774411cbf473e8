// Store: weft's storage as the server sees it: the WAL in front of the in-memory index.
//
// append_* encodes a batch into a WAL entry (the tenant, the signal, and the batch as an OTLP
// protobuf request), appends it, and once the entry is durable adds the batch to the MemStore
// and then calls `done`: a record is queryable before its request is acknowledged. On open the
// WAL is replayed into the MemStore. Past memory_budget_bytes, appends are refused with
// kResourceExhausted (backpressure) instead of growing memory.
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

  // `done` runs exactly once, on an internal thread: OK once the batch is durable and
  // queryable, or an error (kResourceExhausted over budget, kUnavailable after close()).
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
