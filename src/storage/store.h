// Store: weft's storage engine as the server sees it: the WAL, the memtables, and the
// immutable columnar parts of every tenant (docs/format/manifest.md, docs/ARCHITECTURE.md).
//
// Write path. append_* encodes a batch into a WAL entry (store_entry.h), appends it, and once
// the entry is durable adds the batch to the active memtable and then calls `done`: a record
// is queryable before its request is acknowledged. The decoded batch rides along with its WAL
// append, so the hot path never decodes.
//
// Flush. A background thread flushes the active memtable at least every flush_interval (when
// it holds anything) and as soon as it passes memtable_flush_bytes: Wal::cut() swaps in a new
// memtable on the WAL writer thread between two groups, so the frozen one holds exactly the
// entries of the segments below the cut; the frozen memtable is written as parts (one per
// tenant, day and signal), a new manifest names them and the cut's segment as the replay
// start, the view swaps the memtable for the parts in one step, and only then are the WAL
// segments below the cut deleted. A crash anywhere in between loses nothing and duplicates
// nothing: unmanifested part directories are removed at open, and the WAL still holds what the
// manifest does not.
//
// Merges and retention. A second background thread, at a lower CPU priority, applies
// retention (whole parts past their tenant's age limit; the oldest days past the disk budget)
// and merges the parts of a partition (tenant, day, signal) size-tiered (merge_policy.h). A
// merge's output is named by the manifest in the same commit that drops its inputs.
//
// Deletes and backups. Delete requests (add_delete_request) hide the records they cover from
// every view at once and are carried out by the maintenance thread (store_deletes.cc);
// backup() writes a consistent snapshot elsewhere (store_backup.cc, storage/backup/).
//
// Reads. view() is an immutable snapshot (memtables + parts) that queries keep while they run.
//
// Budget. An append is refused with kResourceExhausted when the memtables' memory plus the
// WAL's pending bytes is over memory_budget_bytes (weft_store_rejected_total
// {reason="memory_budget"}); flushing frees memory, so this is backpressure, not a dead end.
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "model/log_record.h"
#include "model/span.h"
#include "storage/backup/backup_writer.h"
#include "storage/deletes/delete_request.h"
#include "storage/engine/live_part.h"
#include "storage/engine/merge_policy.h"
#include "storage/engine/retention_policy.h"
#include "storage/fs/fs.h"
#include "storage/wal/wal.h"

namespace weft::storage {

struct StoreOptions {
  std::filesystem::path data_dir;  // WAL in <data_dir>/wal, parts in <data_dir>/parts
  bool fsync = true;
  uint64_t memory_budget_bytes = 1ull << 30;   // memtables + WAL pending bytes
  uint64_t memtable_flush_bytes = 256ull << 20;  // flush the active memtable past this
  std::chrono::milliseconds flush_interval{5000};  // flush a non-empty memtable at least this often
  uint64_t wal_segment_bytes = 64ull << 20;
  uint64_t wal_max_pending_bytes = 256ull << 20;
  std::vector<std::string> stream_keys;  // resource attributes naming a stream; empty = default
  RetentionPolicy retention;             // by age (per tenant) and by disk budget
  MergePolicy merge_policy;
  std::chrono::milliseconds maintenance_interval{1000};  // merges and retention run this often
  std::shared_ptr<Fs> fs;                // null: the real filesystem (tests inject faults)
};

class Store {
 public:
  using Done = std::function<void(Status)>;

  // Opens (creating if needed) the data directory: reads the manifest, removes unmanifested
  // part directories, opens the parts, replays the WAL from the manifest's replay start.
  static Result<std::unique_ptr<Store>> open(const StoreOptions& options);
  ~Store();

  // `done` runs exactly once: OK once the batch is durable and queryable, or an error
  // (kResourceExhausted over budget or over the WAL's pending limit, kUnavailable after
  // close(), kIoError). Outcomes decided by the WAL writer run on its thread; refusals, and
  // the OK of an empty batch (which is not logged), run on the calling thread before
  // append_* returns. `done` must not block: it holds up every later append.
  void append_logs(LogBatch batch, Done done);
  void append_spans(SpanBatch batch, Done done);

  // The current read snapshot.
  std::shared_ptr<const StoreView> view() const;

  // Flushes the active memtable into parts now and waits (tests, tools).
  Status flush();
  // Applies retention and runs every merge that is due, now, and waits (tests, tools).
  Status maintain();

  const WalReplayStats& replay_stats() const;

  // Delete by query (store_deletes.cc; docs/operations.md). Validates the request, makes it
  // durable (the DELETES file) and publishes it: no view taken after this returns OK shows a
  // record it covers. The maintenance thread then rewrites the parts holding covered records
  // without them and marks the request processed. kInvalidArgument for a bad request.
  Result<DeleteRequest> add_delete_request(const DeleteRequestSpec& spec);
  // Every accepted request, oldest first, with its status.
  std::vector<DeleteRequest> delete_requests() const;

  // Backup (store_backup.cc; docs/operations.md): flushes the memtables, then writes the live
  // parts, the manifest and the delete requests to `dir` with a SUMS file of checksums
  // (storage/backup/backup_writer.h). Every record acknowledged before the call is in it.
  // Ingest continues meanwhile; merges, retention and deletes wait until it is done.
  Result<BackupStats> backup(const std::filesystem::path& dir);

  // Stops the background work, flushes what is in memory (best effort: the WAL keeps it
  // otherwise), waits for pending appends to become durable and stops the WAL. Idempotent.
  void close();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::storage
