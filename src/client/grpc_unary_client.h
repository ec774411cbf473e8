// GrpcUnaryClient: blocking unary gRPC calls of pre-encoded request messages over one channel
// to one server, through grpc++'s generic stub (no generated code: the caller brings the
// protobuf bytes). Plaintext HTTP/2 only. Used by `weft loadgen --protocol otlp-grpc` and by
// tests of the OTLP/gRPC server.
//
// Each client has its own channel and its own TCP connection (channels do not share
// subchannels), so N clients are N connections. The connection is made on the first call and
// re-made by gRPC when lost.
//
// Not thread-safe: one client per thread. A request ByteBuffer may be shared read-only.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <grpcpp/support/byte_buffer.h>

namespace weft::client {

struct GrpcCallOptions {
  std::vector<std::pair<std::string, std::string>> metadata;  // keys in lowercase
  bool gzip = false;  // compress the request (grpc-encoding: gzip)
  std::chrono::milliseconds timeout{10000};  // the call's deadline, from its start
};

struct GrpcCallResult {
  int code = 0;          // gRPC status code; 0 = OK
  std::string message;   // the status message
  std::string details;   // grpc-status-details-bin (a serialized google.rpc.Status), or ""
  std::string response;  // the response message's bytes (OK only)

  bool ok() const { return code == 0; }
};

class GrpcUnaryClient {
 public:
  // `target` is "host:port".
  explicit GrpcUnaryClient(const std::string& target);
  ~GrpcUnaryClient();
  GrpcUnaryClient(const GrpcUnaryClient&) = delete;
  GrpcUnaryClient& operator=(const GrpcUnaryClient&) = delete;

  // Calls `method` ("/package.Service/Method") with `request` and waits for its status.
  // A call that reached no server ends with UNAVAILABLE (or DEADLINE_EXCEEDED), as gRPC says.
  GrpcCallResult call(std::string_view method, const grpc::ByteBuffer& request,
                      const GrpcCallOptions& options);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "OK", "INVALID_ARGUMENT", "RESOURCE_EXHAUSTED", ...; "CODE_<n>" for an unknown code.
std::string grpc_code_name(int code);

}  // namespace weft::client
