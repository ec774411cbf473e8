// LoadConnection: one connection of a load run, sending prepared pool entries. Two kinds:
//   HTTP    an HttpConnection: sends the entry's request and reports the response status;
//   stream  a TcpConnection: writes the entry's bytes; "200" means written (a plain TCP stream
//           has no acknowledgements: the server's backpressure shows as slower writes).
// Not thread-safe: one connection per driver thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "client/http_connection.h"
#include "client/http_endpoint.h"
#include "client/tcp_connection.h"
#include "common/status.h"

namespace weft::loadgen {

struct PoolEntry {
  client::Request request;   // HTTP: prepared once (client::prepare_post), sent as is
  std::string stream_bytes;  // stream protocols: written to the connection as they are
  uint64_t records = 0;

  // The bytes that go on the wire for this entry's payload (the body, for HTTP).
  size_t payload_bytes() const {
    return stream_bytes.empty() ? request.body().size() : stream_bytes.size();
  }
};

class LoadConnection {
 public:
  virtual ~LoadConnection() = default;
  // The HTTP status of the answer (200 for a completed stream write); kIoError when there was
  // none (cannot connect, connection lost, timeout).
  virtual Result<int> send(const PoolEntry& entry) = 0;
  // At the end of the run: a stream connection closes its sending side and waits until the
  // server has read everything.
  virtual Status finish() { return Status::ok(); }
};

using LoadConnectionFactory = std::function<std::unique_ptr<LoadConnection>()>;

LoadConnectionFactory http_connections(client::HttpEndpoint endpoint,
                                       std::chrono::milliseconds timeout);
LoadConnectionFactory stream_connections(client::TcpEndpoint endpoint,
                                         std::chrono::milliseconds timeout);

}  // namespace weft::loadgen
