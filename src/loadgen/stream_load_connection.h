// StreamLoadConnection: a LoadConnection over one plain TCP connection (client::TcpConnection)
// for the stream protocols (syslog, JSON lines). A stream has no answers: an entry counts as
// acknowledged once it is written; the server's backpressure shows as slower writes.
// Not thread-safe: one per driver thread.
#pragma once

#include <chrono>

#include "client/tcp_connection.h"
#include "loadgen/load_connection.h"

namespace weft::loadgen {

class StreamLoadConnection final : public LoadConnection {
 public:
  StreamLoadConnection(const client::TcpEndpoint& endpoint, std::chrono::milliseconds timeout)
      : connection_(endpoint, timeout) {}

  // REQUIRES: entry.request holds StreamBytes.
  SendOutcome send(const PoolEntry& entry) override;
  Status finish() override { return connection_.finish(); }

 private:
  client::TcpConnection connection_;
};

}  // namespace weft::loadgen
