// ApiContext: what every API handler shares: the ingest gate (and through it the Store once
// its WAL has been replayed), the request limits, the JSON lines field names, and where query
// work runs (off the io threads, so a long search does not stall ingest on the same thread).
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

#include "ingest/jsonlines/jsonlines_fields.h"
#include "ingest/loki/push_builder.h"
#include "query/traceql/traceql_candidates.h"
#include "server/ingest/ingest_gate.h"
#include "storage/store.h"

namespace weft::server::api {

struct ApiLimits {
  uint64_t max_request_bytes = 20ull << 20;  // request bodies, and gzip-inflated bodies
  uint32_t max_query_limit = 5000;           // the largest `limit` a search accepts
  ingest::loki::PushLimits loki_push;        // Loki push validation (settings loki.*)
  std::chrono::milliseconds query_timeout{60000};  // LogQL queries are cancelled past it
  uint32_t max_query_series = 500;                 // series in a LogQL metric result
  uint64_t max_query_memory_bytes = 512ull << 20;  // what one LogQL query may hold
  query::traceql::CandidateLimits traceql;   // spans/traces one TraceQL query may gather
};

class ApiContext {
 public:
  using Task = std::function<void()>;
  using TaskRunner = std::function<void(Task)>;

  // `run_query` runs a task somewhere (a thread pool; inline in tests). `gate` must outlive
  // the context.
  ApiContext(ApiLimits limits, TaskRunner run_query, IngestGate& gate,
             ingest::JsonLinesFields jsonlines_fields = {})
      : limits_(limits),
        run_query_(std::move(run_query)),
        gate_(gate),
        jsonlines_fields_(std::move(jsonlines_fields)) {}

  // The store, or nullptr while the WAL is being replayed (or when opening it failed).
  storage::Store* store() const { return gate_.store(); }
  IngestGate& ingest_gate() const { return gate_; }

  const ApiLimits& limits() const { return limits_; }
  // Which fields of a JSON line are its time, message, level, ... (POST /api/v1/push/jsonlines).
  const ingest::JsonLinesFields& jsonlines_fields() const { return jsonlines_fields_; }
  void run_query(Task task) const { run_query_(std::move(task)); }

 private:
  ApiLimits limits_;
  TaskRunner run_query_;
  IngestGate& gate_;
  ingest::JsonLinesFields jsonlines_fields_;
};

}  // namespace weft::server::api
