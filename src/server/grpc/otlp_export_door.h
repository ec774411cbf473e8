// OtlpExportDoor: what an OTLP/gRPC Export call needs to know about its service: the signal it
// carries (logs or traces) and the IngestDoor its batches go through, named after the method
// ("/opentelemetry.proto.collector.logs.v1.LogsService/Export") in the ingest metrics, and the
// tokens calls are checked against when auth is on.
// Thread-safe (IngestDoor is).
#pragma once

#include <memory>
#include <string_view>

#include "ingest/otlp/otlp_http.h"
#include "server/auth/token_store.h"
#include "server/ingest/ingest_gate.h"

namespace weft::server {

struct OtlpExportDoor {
  OtlpExportDoor(IngestGate& gate, ingest::OtlpSignal s, std::string_view method,
                 std::shared_ptr<const auth::TokenStore> token_store)
      : signal(s), door(gate, method), tokens(std::move(token_store)) {}

  ingest::OtlpSignal signal;
  IngestDoor door;
  std::shared_ptr<const auth::TokenStore> tokens;  // nullptr: auth off
};

}  // namespace weft::server
