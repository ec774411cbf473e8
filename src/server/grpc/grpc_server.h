// GrpcServer: a grpc++ server on one listen address, handing every call to one
// CallbackGenericService (weft decodes messages itself; see otlp_grpc_service.h). Plaintext
// HTTP/2 (h2c). Requests compressed with gzip or deflate (grpc-encoding) are accepted;
// messages larger than max_receive_message_bytes, also once decompressed, are refused by grpc
// with RESOURCE_EXHAUSTED.
//
// Lifecycle: construct -> start() -> stop(deadline) -> destroy.
//   start()  binds every address "host:port" resolves to and starts serving; kIoError naming
//            the address when it cannot bind (the port is never shared: SO_REUSEPORT is off).
//   stop()   stops accepting calls; calls in flight may finish until `deadline`, then are
//            cancelled; returns once every call has finished (its reactor's OnDone ran).
//            Idempotent.
// The service must outlive the GrpcServer.
//
// Thread safety: start()/stop() from one controlling thread; bound_address() from any thread
// after start().
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "common/status.h"
#include "server/tls/tls_files.h"

namespace grpc {
class CallbackGenericService;
class Server;
class ServerCredentials;
}  // namespace grpc

namespace weft::server {

struct GrpcServerOptions {
  std::string address;                           // "127.0.0.1:4317"; port 0 picks a free one
  uint64_t max_receive_message_bytes = 20ull << 20;  // at most 2 GiB - 1 (grpc's int)
  std::string what = "gRPC";                     // names the listener in errors and logs
  // Serve TLS (mTLS with a client CA) with these checked files; nullopt serves plaintext.
  std::optional<TlsMaterial> tls;
};

class GrpcServer {
 public:
  GrpcServer(GrpcServerOptions options, grpc::CallbackGenericService& service);
  ~GrpcServer();  // stop(now) if still running
  GrpcServer(const GrpcServer&) = delete;
  GrpcServer& operator=(const GrpcServer&) = delete;

  Status start();
  void stop(std::chrono::system_clock::time_point deadline);

  // "host:port" of the first bound address, with the real port.
  const std::string& bound_address() const { return bound_address_; }

 private:
  std::shared_ptr<grpc::ServerCredentials> server_credentials() const;

  GrpcServerOptions options_;
  grpc::CallbackGenericService& service_;
  std::unique_ptr<grpc::Server> server_;
  std::string bound_address_;
};

}  // namespace weft::server
