// The grpc::Status of an OTLP/gRPC reply (ingest/otlp/otlp_grpc.h): code, message, and the
// google.rpc.Status details grpc sends as grpc-status-details-bin.
#pragma once

#include <grpcpp/support/status.h>

#include "ingest/otlp/otlp_grpc.h"

namespace weft::server {

inline grpc::Status to_grpc_status(const ingest::GrpcReply& reply) {
  return grpc::Status(static_cast<grpc::StatusCode>(reply.code), reply.message, reply.details);
}

}  // namespace weft::server
