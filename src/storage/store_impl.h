// Store::Impl: the state shared by store.cc (appends, lifecycle), store_open.cc (opening) and
// store_flush.cc (the background flush). Private to the storage module.
#pragma once

#include <condition_variable>
#include <deque>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

#include "common/metrics.h"
#include "model/stream.h"
#include "storage/deletes/delete_log.h"
#include "storage/engine/manifest.h"
#include "storage/store.h"

namespace weft::storage {

struct Store::Impl {
  explicit Impl(const StoreOptions& o);

  // --- appends (store.cc) ---
  template <typename Batch>
  void append(std::string entry, Batch batch, Done done);
  Status check_budget();
  // The memtable appends go to. Read and replaced on the WAL writer thread only (and by open()
  // before the writer starts).
  std::shared_ptr<MemStore> active;

  // --- opening (store_open.cc) ---
  Status open();
  Status ensure_root();
  Status remove_garbage();
  Status quarantine(const ManifestPart& part);
  Status open_parts(std::vector<LivePart>* parts);
  Status replay();

  // --- flushing (store_flush.cc) ---
  void run_background();
  Status flush_now();
  Result<uint64_t> cut_memtable();  // swaps in a fresh memtable at a WAL cut
  Status flush_frozen();

  // --- changing the set of parts (store_commit.cc) ---
  struct Change {
    std::vector<LivePart> added;
    std::vector<std::string> removed;             // part dirs that stop being live
    std::optional<uint64_t> wal_replay_from;      // a flush moves it forward
    std::shared_ptr<const MemStore> flushed;      // a flushed memtable leaves the view
  };
  // Writes the manifest with the change and publishes the new view, atomically with respect to
  // other commits. kInternal (nothing changed) when a part in `removed` is no longer live
  // (only the maintenance thread removes parts, so this is a bug).
  // Removed part directories are deleted afterwards (queries still reading them keep their
  // open files).
  Status commit(const Change& change);
  // The entries of the live parts (a copy, consistent with one manifest).
  std::vector<ManifestPart> live_parts() const;

  // --- merges and retention (store_maintenance.cc) ---
  void run_maintenance();
  bool stopping() const;
  std::mutex maintain_mu;  // one maintain_once() at a time (the thread, or Store::maintain())
  // Retention, then merges until none is needed (or the store stops).
  Status maintain_once();
  // One merge in the partition that needs it most; false when none needs one.
  Result<bool> merge_once();
  Status apply_retention();

  // --- delete by query (store_deletes.cc) ---
  Status open_deletes();  // reads DELETES; before the first view is published
  void publish_deletes(); // REQUIRES: deletes_mu held
  // Rewrites the parts holding rows of received requests, then marks them processed.
  Status process_deletes();
  Result<uint64_t> rewrite_without_deleted(const LivePart& part, const DeleteSet& deletes);
  mutable std::mutex deletes_mu;
  DeleteLog deletes;  // guarded by deletes_mu; what DELETES holds

  const StoreOptions options;
  const std::shared_ptr<Fs> fs;
  const StreamIdentity identity;
  std::unique_ptr<Wal> wal;
  WalReplayStats replay_stats;

  mutable std::mutex view_mu;
  std::shared_ptr<const StoreView> view;  // guarded by view_mu

  mutable std::mutex manifest_mu;
  Manifest manifest;                        // guarded by manifest_mu
  std::atomic<uint64_t> next_part_id{1};    // names new parts; the manifest records it

  // Owned by whoever holds flush_mu (the background thread, flush(), close()).
  std::mutex flush_mu;
  struct Frozen {
    std::shared_ptr<MemStore> memtable;
    uint64_t wal_next = 0;  // the WAL segment sequence after the memtable's entries
  };
  std::deque<Frozen> frozen;

  mutable std::mutex bg_mu;
  std::condition_variable bg_wake;
  bool bg_stop = false;         // guarded by bg_mu
  bool flush_wanted = false;    // guarded by bg_mu
  std::thread background;
  std::thread maintenance;
  bool closed = false;          // guarded by flush_mu

  Counter& rejected_budget;
  Counter& flushes;
  Counter& flush_failures;
  Histogram& flush_seconds;
  Counter& merges;
  Counter& merge_failures;
  Counter& retention_dropped_parts;
};

}  // namespace weft::storage
