#include "storage/store.h"

#include "common/log.h"
#include "storage/store_entry.h"
#include "storage/store_impl.h"

namespace weft::storage {

namespace {

StreamIdentity identity_of(const StoreOptions& o) {
  return o.stream_keys.empty() ? StreamIdentity() : StreamIdentity(o.stream_keys);
}

void add_to(MemStore& memtable, LogBatch&& batch) { memtable.add_logs(std::move(batch)); }
void add_to(MemStore& memtable, SpanBatch&& batch) { memtable.add_spans(std::move(batch)); }

}  // namespace

Store::Impl::Impl(const StoreOptions& o)
    : active(std::make_shared<MemStore>()),
      options(o),
      fs(o.fs ? o.fs : posix_fs()),
      identity(identity_of(o)),
      rejected_budget(MetricsRegistry::global().counter(
          "weft_store_rejected_total", "Appends refused by the store, by reason.",
          {{"reason", "memory_budget"}})),
      flushes(MetricsRegistry::global().counter(
          "weft_store_flushes_total", "Memtables flushed into parts.")),
      flush_failures(MetricsRegistry::global().counter(
          "weft_store_flush_failures_total", "Memtable flushes that failed (retried later).")),
      flush_seconds(MetricsRegistry::global().histogram(
          "weft_store_flush_duration_seconds", "Time to flush one memtable into parts.",
          latency_buckets_seconds())),
      merges(MetricsRegistry::global().counter("weft_store_merges_total", "Part merges done.")),
      merge_failures(MetricsRegistry::global().counter(
          "weft_store_merge_failures_total", "Part merges that failed (retried later).")),
      retention_dropped_parts(MetricsRegistry::global().counter(
          "weft_store_retention_removed_parts_total",
          "Parts removed by retention (age or disk budget).")) {}

Status Store::Impl::check_budget() {
  std::shared_ptr<const StoreView> current;
  {
    std::lock_guard lock(view_mu);
    current = view;
  }
  uint64_t used = wal->pending_bytes();
  for (const auto& memtable : current->memtables) used += memtable->memory_bytes();
  if (!current->memtables.empty() &&
      current->memtables.front()->memory_bytes() > options.memtable_flush_bytes) {
    std::lock_guard lock(bg_mu);
    if (!flush_wanted) {
      flush_wanted = true;
      // All: the maintenance thread waits on bg_wake too, and notify_one could wake it alone.
      bg_wake.notify_all();
    }
  }
  if (used <= options.memory_budget_bytes) return Status::ok();
  rejected_budget.add();
  return Status::exhausted("memory budget of " + std::to_string(options.memory_budget_bytes) +
                           " bytes is full; flushing to disk");
}

template <typename Batch>
void Store::Impl::append(std::string entry, Batch batch, Done done) {
  // The batch rides along in the callback: WAL callbacks run in append order on the writer
  // thread once the entry is durable, so the memtable sees WAL order and nothing is decoded
  // twice; `active` is only swapped on that thread too, at a cut between groups.
  wal->append(std::move(entry),
              [this, batch = std::move(batch), done = std::move(done)](Status s) mutable {
                if (s.is_ok()) add_to(*active, std::move(batch));
                done(std::move(s));
              });
}

Result<std::unique_ptr<Store>> Store::open(const StoreOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  WEFT_RETURN_IF_ERROR(impl->open());
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() { close(); }

void Store::append_logs(LogBatch batch, Done done) {
  if (batch.records.empty()) return done(Status::ok());
  Status budget = impl_->check_budget();
  if (!budget.is_ok()) return done(std::move(budget));
  std::string entry = encode_log_entry(batch);
  impl_->append(std::move(entry), std::move(batch), std::move(done));
}

void Store::append_spans(SpanBatch batch, Done done) {
  if (batch.spans.empty()) return done(Status::ok());
  Status budget = impl_->check_budget();
  if (!budget.is_ok()) return done(std::move(budget));
  std::string entry = encode_span_entry(batch);
  impl_->append(std::move(entry), std::move(batch), std::move(done));
}

std::shared_ptr<const StoreView> Store::view() const {
  std::lock_guard lock(impl_->view_mu);
  return impl_->view;
}

Status Store::flush() {
  std::lock_guard lock(impl_->flush_mu);
  if (impl_->closed) return Status::unavailable("the store is closed");
  return impl_->flush_now();
}

Status Store::maintain() {
  {
    std::lock_guard lock(impl_->flush_mu);
    if (impl_->closed) return Status::unavailable("the store is closed");
  }
  return impl_->maintain_once();
}

const WalReplayStats& Store::replay_stats() const { return impl_->replay_stats; }

void Store::close() {
  {
    std::lock_guard lock(impl_->bg_mu);
    impl_->bg_stop = true;
  }
  impl_->bg_wake.notify_all();
  if (impl_->background.joinable()) impl_->background.join();
  if (impl_->maintenance.joinable()) impl_->maintenance.join();
  std::lock_guard lock(impl_->flush_mu);
  if (impl_->closed) return;
  impl_->closed = true;
  Status flushed = impl_->flush_now();
  if (!flushed.is_ok())
    log::warn("final flush failed; the WAL keeps the data", {{"error", flushed.message()}});
  impl_->wal->stop();
}

}  // namespace weft::storage
