// StreamDoor: what every endpoint of one service and transport shares (the service, its
// IngestDoor, the server's registry, the batch limits). Owned by the StreamServer; outlives
// its endpoints.
#pragma once

#include "server/ingest/ingest_gate.h"
#include "server/stream/stream_batch_limits.h"
#include "server/stream/stream_registry.h"
#include "server/stream/stream_service.h"

namespace weft::server {

struct StreamDoor {
  const StreamService& service;
  IngestDoor& door;
  StreamRegistry& registry;
  StreamBatchLimits limits;
};

}  // namespace weft::server
