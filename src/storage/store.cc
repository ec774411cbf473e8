#include "storage/store.h"

#include <chrono>

#include "common/log.h"
#include "common/metrics.h"
#include "storage/store_entry.h"

namespace weft::storage {

struct Store::Impl {
  explicit Impl(const StoreOptions& o)
      : options(o),
        rejected_budget(MetricsRegistry::global().counter(
            "weft_store_rejected_total", "Appends refused by the store, by reason.",
            {{"reason", "memory_budget"}})) {}

  // Kicks off an append unless over budget; `add` puts the batch into the memstore.
  template <typename Batch>
  void append(std::string entry, Batch batch, Done done);
  Status check_budget();
  void replay_entry(std::string_view entry, uint64_t* undecodable);

  const StoreOptions options;
  MemStore memstore;         // declared before wal: the WAL's callbacks use it until it stops
  std::unique_ptr<Wal> wal;
  WalReplayStats replay_stats;
  Counter& rejected_budget;
};

namespace {

void add_to(MemStore& memstore, LogBatch&& batch) { memstore.add_logs(std::move(batch)); }
void add_to(MemStore& memstore, SpanBatch&& batch) { memstore.add_spans(std::move(batch)); }

}  // namespace

Status Store::Impl::check_budget() {
  uint64_t used = memstore.memory_bytes() + wal->pending_bytes();
  if (used <= options.memory_budget_bytes) return Status::ok();
  rejected_budget.add();
  return Status::exhausted("memory budget of " + std::to_string(options.memory_budget_bytes) +
                           " bytes is full");
}

template <typename Batch>
void Store::Impl::append(std::string entry, Batch batch, Done done) {
  // The batch rides along in the callback: WAL callbacks run in append order once the entry
  // is durable, so the memstore sees WAL order and nothing is decoded twice.
  wal->append(std::move(entry),
              [this, batch = std::move(batch), done = std::move(done)](Status s) mutable {
                if (s.is_ok()) add_to(memstore, std::move(batch));
                done(std::move(s));
              });
}

void Store::Impl::replay_entry(std::string_view entry, uint64_t* undecodable) {
  Result<DecodedEntry> decoded = decode_store_entry(entry);
  if (!decoded.is_ok()) {
    if (++*undecodable <= 10) log::error("wal entry undecodable, skipped", {{"error", decoded.status().message()}});
    return;
  }
  if (decoded->rejected > 0) log::warn("wal entry had rejected records", {{"rejected", decoded->rejected}});
  if (decoded->signal == Signal::kLogs) memstore.add_logs(std::move(decoded->logs));
  else memstore.add_spans(std::move(decoded->spans));
}

Result<std::unique_ptr<Store>> Store::open(const StoreOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  WalOptions wal_options;
  wal_options.dir = options.data_dir / "wal";  // create_directories makes data_dir too
  wal_options.fsync = options.fsync;
  wal_options.segment_bytes = options.wal_segment_bytes;
  wal_options.max_pending_bytes = options.wal_max_pending_bytes;
  Result<std::unique_ptr<Wal>> wal = Wal::open(wal_options);
  if (!wal.is_ok()) return wal.status();
  impl->wal = std::move(wal).value();

  auto t0 = std::chrono::steady_clock::now();
  uint64_t undecodable = 0;
  Result<WalReplayStats> stats =
      impl->wal->replay([&](std::string_view entry) { impl->replay_entry(entry, &undecodable); });
  if (!stats.is_ok()) return stats.status();
  impl->replay_stats = *stats;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  log::info("store opened", {{"log_records", impl->memstore.log_count()},
                             {"spans", impl->memstore.span_count()},
                             {"undecodable_entries", undecodable},
                             {"memory_bytes", impl->memstore.memory_bytes()},
                             {"replay_seconds", seconds}});
  impl->wal->start({});
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

const MemStore& Store::memstore() const { return impl_->memstore; }

const WalReplayStats& Store::replay_stats() const { return impl_->replay_stats; }

void Store::close() { impl_->wal->stop(); }

}  // namespace weft::storage
