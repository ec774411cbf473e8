// Store::Impl: the state shared by store.cc (appends, lifecycle), store_open.cc (opening) and
// store_flush.cc (the background flush). Private to the storage module.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "common/metrics.h"
#include "model/stream.h"
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

  const StoreOptions options;
  const std::shared_ptr<Fs> fs;
  const StreamIdentity identity;
  std::unique_ptr<Wal> wal;
  WalReplayStats replay_stats;

  mutable std::mutex view_mu;
  std::shared_ptr<const StoreView> view;  // guarded by view_mu

  // Owned by whoever holds flush_mu (the background thread, flush(), close()).
  std::mutex flush_mu;
  Manifest manifest;
  struct Frozen {
    std::shared_ptr<MemStore> memtable;
    uint64_t wal_next = 0;  // the WAL segment sequence after the memtable's entries
  };
  std::deque<Frozen> frozen;

  std::mutex bg_mu;
  std::condition_variable bg_wake;
  bool bg_stop = false;         // guarded by bg_mu
  bool flush_wanted = false;    // guarded by bg_mu
  std::thread background;
  bool closed = false;          // guarded by flush_mu

  Counter& rejected_budget;
  Counter& flushes;
  Counter& flush_failures;
  Histogram& flush_seconds;
};

}  // namespace weft::storage
