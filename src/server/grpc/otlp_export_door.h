// OtlpExportDoor: what an OTLP/gRPC Export call needs to know about its service: the signal it
// carries (logs or traces) and the IngestDoor its batches go through, named after the method
// ("/opentelemetry.proto.collector.logs.v1.LogsService/Export") in the ingest metrics.
// Thread-safe (IngestDoor is).
#pragma once

#include <string_view>

#include "ingest/otlp/otlp_http.h"
#include "server/ingest/ingest_gate.h"

namespace weft::server {

struct OtlpExportDoor {
  OtlpExportDoor(IngestGate& gate, ingest::OtlpSignal s, std::string_view method)
      : signal(s), door(gate, method) {}

  ingest::OtlpSignal signal;
  IngestDoor door;
};

}  // namespace weft::server
