// LoadConnection: one connection of the load driver to the server under load. It sends pool
// entries one at a time, blocking until each is answered, and says how: acknowledged (HTTP
// 2xx, gRPC OK), refused (any other status, with its code), or not answered at all (cannot
// connect, connection lost, timeout).
//
// Implementations: HttpLoadConnection (http_load_connection.h), GrpcLoadConnection
// (grpc_load_connection.h), StreamLoadConnection (stream_load_connection.h: a plain TCP stream,
// where "acknowledged" means written). Not thread-safe: one connection per driver thread.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "loadgen/request_pool.h"

namespace weft::loadgen {

struct SendOutcome {
  enum class Kind { kAcknowledged, kRefused, kNoAnswer };
  Kind kind = Kind::kNoAnswer;
  int code = 0;       // kRefused: the HTTP status, or the gRPC status code
  std::string error;  // kNoAnswer: what went wrong
};

class LoadConnection {
 public:
  virtual ~LoadConnection() = default;
  virtual SendOutcome send(const PoolEntry& entry) = 0;
  // At the end of the run: a stream connection closes its sending side and waits until the
  // server has read everything.
  virtual Status finish() { return Status::ok(); }
};

// Makes one connection per driver thread.
using ConnectionFactory = std::function<std::unique_ptr<LoadConnection>()>;

}  // namespace weft::loadgen
