// GrpcLoadConnection: a LoadConnection over one gRPC channel (client::GrpcUnaryClient, its own
// HTTP/2 connection); sends the pool entries' messages as unary calls of one method, with the
// tenant as x-scope-orgid metadata and, with gzip, grpc-encoding gzip (grpc compresses each
// message as it is sent).
//
// A call that reached no server is "no answer": gRPC reports it as UNAVAILABLE without status
// details, while a server refusing under load (weft) sends UNAVAILABLE with RetryInfo details.
// Not thread-safe: one per driver thread.
#pragma once

#include <string>

#include "client/grpc_unary_client.h"
#include "loadgen/load_connection.h"

namespace weft::loadgen {

class GrpcLoadConnection final : public LoadConnection {
 public:
  // `target` "host:port"; `method` "/package.Service/Method".
  GrpcLoadConnection(const std::string& target, std::string method,
                     client::GrpcCallOptions options)
      : client_(target), method_(std::move(method)), options_(std::move(options)) {}

  // REQUIRES: entry.request holds a grpc::ByteBuffer.
  SendOutcome send(const PoolEntry& entry) override;

 private:
  client::GrpcUnaryClient client_;
  std::string method_;
  client::GrpcCallOptions options_;
};

}  // namespace weft::loadgen
