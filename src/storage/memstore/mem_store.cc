#include "storage/memstore/mem_store.h"

#include <atomic>
#include <map>
#include <mutex>
#include <shared_mutex>

#include "storage/memstore/mem_store_accounting.h"
#include "storage/memstore/mem_store_tenant.h"

namespace weft::storage {

struct MemStore::State {
  mutable std::shared_mutex mu;
  std::map<std::string, std::unique_ptr<TenantData>, std::less<>> tenants;  // guarded by mu

  // Written under mu (exclusive), read without it.
  std::atomic<uint64_t> bytes{0};
  std::atomic<uint64_t> logs{0};
  std::atomic<uint64_t> spans{0};


  // REQUIRES: mu held exclusively.
  TenantData& tenant(std::string_view name) {
    auto it = tenants.find(name);
    if (it == tenants.end()) it = tenants.emplace(std::string(name), std::make_unique<TenantData>()).first;
    return *it->second;
  }

  // REQUIRES: mu held (shared or exclusive). Null for an unknown tenant.
  const TenantData* find(std::string_view name) const {
    auto it = tenants.find(name);
    return it == tenants.end() ? nullptr : it->second.get();
  }

  // Adds one batch's items to its tenant: accounting is worked out before the lock is taken,
  // `add` (TenantData::add_logs or add_spans) runs under it, `count` is logs or spans.
  template <typename Item, typename Add>
  void add(const std::string& tenant_name, std::vector<Item>&& items, BatchAccounting accounting,
           std::atomic<uint64_t>& count, Add add_to_tenant) {
    if (items.empty()) return;
    uint64_t n = items.size();
    {
      std::unique_lock lock(mu);
      uint64_t extra = (tenant(tenant_name).*add_to_tenant)(std::move(items), accounting);
      bytes.fetch_add(accounting.bytes + extra, std::memory_order_relaxed);
      count.fetch_add(n, std::memory_order_relaxed);
    }
  }

};

MemStore::MemStore() : state_(std::make_unique<State>()) {}
MemStore::~MemStore() = default;

void MemStore::add_logs(LogBatch batch) {
  BatchAccounting accounting = account_logs(batch.records);
  state_->add(batch.tenant, std::move(batch.records), std::move(accounting), state_->logs,
              &TenantData::add_logs);
}

void MemStore::add_spans(SpanBatch batch) {
  BatchAccounting accounting = account_spans(batch.spans);
  state_->add(batch.tenant, std::move(batch.spans), std::move(accounting), state_->spans,
              &TenantData::add_spans);
}

void MemStore::scan_logs(std::string_view tenant, UnixNanos start, UnixNanos end,
                         const std::function<bool(const LogRecord&)>& fn,
                         const UnixNanos* dynamic_start) const {
  std::shared_lock lock(state_->mu);
  if (const TenantData* t = state_->find(tenant)) t->scan_logs(start, end, dynamic_start, fn);
}

void MemStore::scan_spans(std::string_view tenant, UnixNanos start, UnixNanos end,
                          const std::function<bool(const Span&)>& fn) const {
  std::shared_lock lock(state_->mu);
  if (const TenantData* t = state_->find(tenant)) t->scan_spans(start, end, fn);
}

std::vector<LogRecord> MemStore::logs_by_trace(std::string_view tenant, const TraceId& trace_id) const {
  std::shared_lock lock(state_->mu);
  const TenantData* t = state_->find(tenant);
  return t ? t->logs_by_trace(trace_id) : std::vector<LogRecord>{};
}

std::vector<Span> MemStore::spans_by_trace(std::string_view tenant, const TraceId& trace_id) const {
  std::shared_lock lock(state_->mu);
  const TenantData* t = state_->find(tenant);
  return t ? t->spans_by_trace(trace_id) : std::vector<Span>{};
}

std::vector<ServiceStats> MemStore::services(std::string_view tenant) const {
  std::shared_lock lock(state_->mu);
  const TenantData* t = state_->find(tenant);
  return t ? t->services() : std::vector<ServiceStats>{};
}

std::vector<std::string> MemStore::tenants() const {
  std::shared_lock lock(state_->mu);
  std::vector<std::string> names;
  for (const auto& [name, data] : state_->tenants) names.push_back(name);
  return names;
}

std::vector<const LogRecord*> MemStore::log_pointers(std::string_view tenant) const {
  std::shared_lock lock(state_->mu);
  const TenantData* t = state_->find(tenant);
  return t ? t->log_pointers() : std::vector<const LogRecord*>{};
}

std::vector<const Span*> MemStore::span_pointers(std::string_view tenant) const {
  std::shared_lock lock(state_->mu);
  const TenantData* t = state_->find(tenant);
  return t ? t->span_pointers() : std::vector<const Span*>{};
}

uint64_t MemStore::memory_bytes() const { return state_->bytes.load(std::memory_order_relaxed); }
uint64_t MemStore::log_count() const { return state_->logs.load(std::memory_order_relaxed); }
uint64_t MemStore::span_count() const { return state_->spans.load(std::memory_order_relaxed); }

}  // namespace weft::storage
