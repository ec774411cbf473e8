// IngestGate: the one path every ingest door (OTLP over HTTP and gRPC, Loki push,
// Elasticsearch bulk, Splunk HEC, syslog, JSON lines) takes into storage. A door decodes its
// protocol into a LogBatch or SpanBatch and submits it here; the gate hands it to the Store
// (later through the pipeline's processors: redaction, limits) and reports the outcome.
//
// IngestDoor: one door's handle on the gate. It counts what arrives and what is refused under
// the door's name (IngestMetrics), so every protocol reports the same metrics.
//
// Outcomes passed to `done` (exactly once; see Store::append_* for the thread it runs on):
//   OK                   durable and queryable: acknowledge the request
//   kUnavailable         weft is starting (replaying the WAL) or stopping: retry later
//   kResourceExhausted   backpressure: retry later (429 / RESOURCE_EXHAUSTED)
//   anything else        an internal error
//
// Thread safety: every method may be called from any thread. The Store set by set_store()
// must stay open until no door can submit any more (Server::stop orders this).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "model/log_record.h"
#include "model/span.h"
#include "server/ingest/ingest_metrics.h"
#include "storage/store.h"

namespace weft::server {

class IngestGate {
 public:
  using Done = std::function<void(Status)>;

  // The store, or nullptr while the WAL is being replayed (or when opening it failed).
  storage::Store* store() const { return store_.load(std::memory_order_acquire); }
  void set_store(storage::Store* store) { store_.store(store, std::memory_order_release); }

  void submit(LogBatch batch, Done done);
  void submit(SpanBatch batch, Done done);

 private:
  std::atomic<storage::Store*> store_{nullptr};
};

// What a refused submission is counted as.
RejectReason reject_reason_for(const Status& status);

class IngestDoor {
 public:
  using Done = IngestGate::Done;

  // `name` labels the door's metrics: the path ("/v1/logs") or listener ("syslog/udp").
  IngestDoor(IngestGate& gate, std::string_view name) : gate_(gate), metrics_(name) {}

  // A request arrived with `bytes` on the wire (before inflating).
  void received(uint64_t bytes) { metrics_.received(bytes); }
  // The door refused a whole request itself (malformed, too large, bad tenant, ...).
  void refused(RejectReason reason, uint64_t records, uint64_t bytes) {
    metrics_.rejected(reason, records, bytes);
  }
  // Records the door dropped from an otherwise accepted request (partial success).
  void partially_rejected(uint64_t records) { metrics_.partially_rejected(records); }

  // Submits a decoded batch of a request that had `wire_bytes` on the wire, counting it as
  // accepted or refused; then calls `done` with the gate's outcome. An empty batch is OK
  // at once.
  void submit(LogBatch batch, uint64_t wire_bytes, Done done);
  void submit(SpanBatch batch, uint64_t wire_bytes, Done done);

 private:
  template <typename Batch>
  void submit_batch(Batch batch, uint64_t records, uint64_t wire_bytes, Done done);

  IngestGate& gate_;
  IngestMetrics metrics_;
};

}  // namespace weft::server
