// ApiContext: what every API handler shares: the ingest gate (and through it the Store once
// its WAL has been replayed), the request limits, and where query work runs (off the io
// threads, so a long search does not stall ingest on the same thread).
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <cstdint>
#include <functional>

#include "ingest/loki/push_builder.h"
#include "query/traceql/traceql_candidates.h"
#include "server/ingest/ingest_gate.h"
#include "storage/store.h"

namespace weft::server::api {

struct ApiLimits {
  uint64_t max_request_bytes = 20ull << 20;  // request bodies, and gzip-inflated bodies
  uint32_t max_query_limit = 5000;           // the largest `limit` a search accepts
  ingest::loki::PushLimits loki_push;        // Loki push validation (settings loki.*)
  query::traceql::CandidateLimits traceql;   // spans/traces one TraceQL query may gather
};

class ApiContext {
 public:
  using Task = std::function<void()>;
  using TaskRunner = std::function<void(Task)>;

  // `run_query` runs a task somewhere (a thread pool; inline in tests). `gate` must outlive
  // the context.
  ApiContext(ApiLimits limits, TaskRunner run_query, IngestGate& gate)
      : limits_(limits), run_query_(std::move(run_query)), gate_(gate) {}

  // The store, or nullptr while the WAL is being replayed (or when opening it failed).
  storage::Store* store() const { return gate_.store(); }
  IngestGate& ingest_gate() const { return gate_; }

  const ApiLimits& limits() const { return limits_; }
  void run_query(Task task) const { run_query_(std::move(task)); }

 private:
  ApiLimits limits_;
  TaskRunner run_query_;
  IngestGate& gate_;
};

}  // namespace weft::server::api
