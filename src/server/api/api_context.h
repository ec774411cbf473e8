// ApiContext: what every API handler shares: the Store once its WAL has been replayed, the
// request limits, and where query work runs (off the io threads, so a long search does not
// stall ingest on the same thread).
//
// Thread safety: every method may be called from any thread. The Store set by set_store()
// must stay open until no handler can run any more (Server::stop orders this).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "storage/store.h"

namespace weft::server::api {

struct ApiLimits {
  uint64_t max_request_bytes = 20ull << 20;  // request bodies, and gzip-inflated bodies
  uint32_t max_query_limit = 5000;           // the largest `limit` a search accepts
};

class ApiContext {
 public:
  using Task = std::function<void()>;
  using TaskRunner = std::function<void(Task)>;

  // `run_query` runs a task somewhere (a thread pool; inline in tests).
  ApiContext(ApiLimits limits, TaskRunner run_query)
      : limits_(limits), run_query_(std::move(run_query)) {}

  // The store, or nullptr while the WAL is being replayed (or when opening it failed).
  storage::Store* store() const { return store_.load(std::memory_order_acquire); }
  void set_store(storage::Store* store) { store_.store(store, std::memory_order_release); }

  const ApiLimits& limits() const { return limits_; }
  void run_query(Task task) const { run_query_(std::move(task)); }

 private:
  ApiLimits limits_;
  TaskRunner run_query_;
  std::atomic<storage::Store*> store_{nullptr};
};

}  // namespace weft::server::api
