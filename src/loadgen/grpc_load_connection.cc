#include "loadgen/grpc_load_connection.h"

#include <grpcpp/support/status_code_enum.h>

namespace weft::loadgen {

SendOutcome GrpcLoadConnection::send(const PoolEntry& entry) {
  client::GrpcCallResult r =
      client_.call(method_, std::get<grpc::ByteBuffer>(entry.request), options_);
  if (r.ok()) return {SendOutcome::Kind::kAcknowledged, 0, ""};
  if (r.code == grpc::StatusCode::UNAVAILABLE && r.details.empty())
    return {SendOutcome::Kind::kNoAnswer, r.code, "UNAVAILABLE: " + r.message};
  return {SendOutcome::Kind::kRefused, r.code, ""};
}

}  // namespace weft::loadgen
