// RequestPool: the pre-encoded requests of a `weft loadgen` run, each ready to send as is: an
// HTTP request prepared once (client::prepare_post) or a gRPC message (a ByteBuffer, whose
// copies share its bytes). Built once by LoadgenRunner, then read by every connection thread.
#pragma once

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include <grpcpp/support/byte_buffer.h>

#include "client/http_connection.h"

namespace weft::loadgen {

struct PoolEntry {
  std::variant<client::Request, grpc::ByteBuffer> request;
  uint64_t records = 0;
  uint64_t bytes = 0;  // body bytes as handed to the transport (after --gzip for HTTP)
};

struct RequestPool {
  std::vector<PoolEntry> entries;  // not empty
  std::optional<PoolEntry> last;   // the final request when max_requests is set (a short batch)
};

}  // namespace weft::loadgen
