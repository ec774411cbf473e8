// RequestPool: the pre-encoded requests of a `weft loadgen` run, each ready to send as is: an
// HTTP request prepared once (client::prepare_post), a gRPC message (a ByteBuffer, whose
// copies share its bytes), or the bytes of one write to a TCP stream (syslog, JSON lines). Built once by LoadgenRunner, then read by every connection thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <grpcpp/support/byte_buffer.h>

#include "client/http_connection.h"

namespace weft::loadgen {

struct StreamBytes {
  std::string bytes;
};

struct PoolEntry {
  std::variant<client::Request, grpc::ByteBuffer, StreamBytes> request;
  uint64_t records = 0;
  uint64_t bytes = 0;  // body bytes as handed to the transport (after --gzip for HTTP)
};

struct RequestPool {
  std::vector<PoolEntry> entries;  // not empty
  std::optional<PoolEntry> last;   // the final request when max_requests is set (a short batch)
};

}  // namespace weft::loadgen
