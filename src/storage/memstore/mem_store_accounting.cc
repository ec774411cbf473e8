#include "storage/memstore/mem_store_accounting.h"

#include <unordered_set>

namespace weft::storage {

namespace {

// A shared_ptr control block, allocated beside the object by make_shared.
constexpr size_t kControlBlockBytes = 16;

// Walks a batch's items, counting each distinct resource and scope once and tallying services.
class Accountant {
 public:
  template <typename Item>
  void add(const Item& item, size_t own_bytes) {
    out_.bytes += own_bytes;
    if (item.trace_id.present()) out_.bytes += kTraceIndexBytes;
    add_resource(item.resource.get());
    if (item.scope && item.scope.get() != last_scope_ && scopes_.insert(item.scope.get()).second)
      out_.bytes += scope_heap_bytes(*item.scope);
    last_scope_ = item.scope.get();
  }

  BatchAccounting take() { return std::move(out_); }

 private:
  void add_resource(const Resource* r) {
    if (first_ || r != last_resource_) {
      first_ = false;
      last_resource_ = r;
      if (r && resources_.insert(r).second) out_.bytes += resource_heap_bytes(*r);
      service_index_ = find_service(r ? service_name(*r) : kUnknownService);
    }
    ++out_.services[service_index_].second;
  }

  size_t find_service(std::string_view name) {
    for (size_t i = 0; i < out_.services.size(); ++i)
      if (out_.services[i].first == name) return i;
    out_.services.emplace_back(name, 0);
    return out_.services.size() - 1;
  }

  BatchAccounting out_;
  std::unordered_set<const Resource*> resources_;
  std::unordered_set<const Scope*> scopes_;
  const Resource* last_resource_ = nullptr;
  const Scope* last_scope_ = nullptr;
  size_t service_index_ = 0;
  bool first_ = true;
};

}  // namespace

size_t resource_heap_bytes(const Resource& r) {
  return sizeof(Resource) + kControlBlockBytes + attributes_heap_bytes(r.attributes) +
         r.schema_url.capacity();
}

size_t scope_heap_bytes(const Scope& s) {
  return sizeof(Scope) + kControlBlockBytes + s.name.capacity() + s.version.capacity() +
         attributes_heap_bytes(s.attributes) + s.schema_url.capacity();
}

BatchAccounting account_logs(const std::vector<LogRecord>& records) {
  Accountant a;
  for (const LogRecord& r : records) a.add(r, log_record_heap_bytes(r));
  return a.take();
}

BatchAccounting account_spans(const std::vector<Span>& spans) {
  Accountant a;
  for (const Span& s : spans) a.add(s, span_heap_bytes(s));
  return a.take();
}

}  // namespace weft::storage
