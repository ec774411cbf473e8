// The background flush: memtables into parts, the manifest, WAL truncation (see store.h).
#include <chrono>
#include <future>

#include "common/log.h"
#include "storage/engine/memtable_flush.h"
#include "storage/store_impl.h"

namespace weft::storage {

void Store::Impl::run_background() {
  std::unique_lock lock(bg_mu);
  for (;;) {
    bg_wake.wait_for(lock, options.flush_interval, [&] { return bg_stop || flush_wanted; });
    if (bg_stop) return;
    flush_wanted = false;
    lock.unlock();
    {
      std::lock_guard flush_lock(flush_mu);
      Status s = flush_now();
      if (!s.is_ok()) {
        flush_failures.add();
        log::error("flush failed; retrying later", {{"error", s.message()}});
      }
    }
    lock.lock();
  }
}

// REQUIRES: flush_mu held.
Status Store::Impl::flush_now() {
  std::shared_ptr<const StoreView> current;
  {
    std::lock_guard lock(view_mu);
    current = view;
  }
  const MemStore& newest = *current->memtables.front();
  if (newest.log_count() + newest.span_count() > 0) {
    Result<uint64_t> cut = cut_memtable();
    if (!cut.is_ok()) return cut.status();
  }
  return flush_frozen();
}

// Swaps in a fresh memtable at a WAL cut; the old one joins `frozen`. REQUIRES: flush_mu held.
Result<uint64_t> Store::Impl::cut_memtable() {
  std::promise<Result<uint64_t>> done;
  wal->cut([&](Result<uint64_t> next) {
    // On the WAL writer thread, between two groups.
    if (next.is_ok()) {
      auto fresh = std::make_shared<MemStore>();
      frozen.push_back({active, *next});
      active = fresh;
      std::lock_guard lock(view_mu);
      auto next_view = std::make_shared<StoreView>(*view);
      next_view->memtables.insert(next_view->memtables.begin(), fresh);
      view = std::move(next_view);
    }
    done.set_value(std::move(next));
  });
  return done.get_future().get();
}

// Flushes the frozen memtables, oldest first. REQUIRES: flush_mu held.
Status Store::Impl::flush_frozen() {
  while (!frozen.empty()) {
    auto t0 = std::chrono::steady_clock::now();
    const Frozen& f = frozen.front();
    FlushTarget target{fs, options.data_dir, &identity, {}};
    target.writer.fs = fs;
    auto written = flush_memtable(*f.memtable, target, &next_part_id);
    if (!written.is_ok()) return written.status();
    Change change;
    change.wal_replay_from = f.wal_next;
    change.flushed = f.memtable;
    Status s;
    for (const ManifestPart& p : *written) {
      auto reader = PartReader::open(options.data_dir / p.dir, fs);
      if (!reader.is_ok()) {
        s = reader.status();
        break;
      }
      change.added.push_back({p, std::move(*reader)});
    }
    if (s.is_ok()) s = commit(change);
    if (!s.is_ok()) {
      for (const ManifestPart& p : *written) fs->remove_all(options.data_dir / p.dir);
      return s;
    }
    Status removed = wal->remove_segments_before(f.wal_next);
    if (!removed.is_ok())
      log::warn("removing flushed wal segments failed", {{"error", removed.message()}});
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    flushes.add();
    flush_seconds.observe(seconds);
    log::info("memtable flushed", {{"parts", written->size()},
                                   {"log_records", f.memtable->log_count()},
                                   {"spans", f.memtable->span_count()},
                                   {"seconds", seconds}});
    frozen.pop_front();
  }
  return Status::ok();
}

}  // namespace weft::storage
