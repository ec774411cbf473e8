#include "server/ingest/ingest_gate.h"

#include "common/log.h"

namespace weft::server {

namespace {

Status not_open() {
  return Status::unavailable("weft is starting: replaying the write-ahead log");
}

}  // namespace

void IngestGate::submit(LogBatch batch, Done done) {
  storage::Store* current = store();
  if (!current) return done(not_open());
  current->append_logs(std::move(batch), std::move(done));
}

void IngestGate::submit(SpanBatch batch, Done done) {
  storage::Store* current = store();
  if (!current) return done(not_open());
  current->append_spans(std::move(batch), std::move(done));
}

RejectReason reject_reason_for(const Status& status) {
  switch (status.code()) {
    case StatusCode::kResourceExhausted: return RejectReason::kBackpressure;
    case StatusCode::kUnavailable: return RejectReason::kUnavailable;
    default: return RejectReason::kInternal;
  }
}

void IngestDoor::submit(LogBatch batch, uint64_t wire_bytes, Done done) {
  uint64_t records = batch.records.size();
  submit_batch(std::move(batch), records, wire_bytes, std::move(done));
}

void IngestDoor::submit(SpanBatch batch, uint64_t wire_bytes, Done done) {
  uint64_t records = batch.spans.size();
  submit_batch(std::move(batch), records, wire_bytes, std::move(done));
}

template <typename Batch>
void IngestDoor::submit_batch(Batch batch, uint64_t records, uint64_t wire_bytes, Done done) {
  if (records == 0) return done(Status::ok());
  gate_.submit(std::move(batch), [this, records, wire_bytes, done = std::move(done)](Status s) {
    if (s.is_ok()) {
      metrics_.accepted(records);
    } else {
      RejectReason reason = reject_reason_for(s);
      metrics_.rejected(reason, records, wire_bytes);
      if (reason == RejectReason::kInternal)
        log::error("ingest failed", {{"error", s.to_string()}});
    }
    done(std::move(s));
  });
}

}  // namespace weft::server
