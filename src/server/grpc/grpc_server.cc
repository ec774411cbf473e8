#include "server/grpc/grpc_server.h"

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <algorithm>
#include <climits>
#include <vector>

#include "server/grpc/grpc_log_bridge.h"
#include "server/http/listen_address.h"

namespace weft::server {

namespace {

int grpc_message_limit(uint64_t bytes) {
  return static_cast<int>(std::min<uint64_t>(bytes, static_cast<uint64_t>(INT_MAX)));
}

}  // namespace

GrpcServer::GrpcServer(GrpcServerOptions options, grpc::CallbackGenericService& service)
    : options_(std::move(options)), service_(service) {}

GrpcServer::~GrpcServer() { stop(std::chrono::system_clock::now()); }

std::shared_ptr<grpc::ServerCredentials> GrpcServer::server_credentials() const {
  if (!options_.tls) return grpc::InsecureServerCredentials();
  grpc::SslServerCredentialsOptions ssl(
      options_.tls->client_ca_pem.empty()
          ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
          : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  ssl.pem_root_certs = options_.tls->client_ca_pem;
  ssl.pem_key_cert_pairs.push_back({options_.tls->key_pem, options_.tls->cert_chain_pem});
  return grpc::SslServerCredentials(ssl);
}

Status GrpcServer::start() {
  install_grpc_log_bridge();
  auto endpoints = resolve_listen_address(options_.address);
  if (!endpoints) return endpoints.status();
  grpc::ServerBuilder builder;
  // Two servers must never share a port: a second weft on the same address is an error.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetMaxReceiveMessageSize(grpc_message_limit(options_.max_receive_message_bytes));
  builder.RegisterCallbackGenericService(&service_);
  std::vector<int> ports(endpoints->size(), 0);
  auto credentials = server_credentials();
  for (size_t i = 0; i < endpoints->size(); ++i)
    builder.AddListeningPort(format_endpoint((*endpoints)[i]), credentials, &ports[i]);
  server_ = builder.BuildAndStart();
  bool bound = server_ && std::find(ports.begin(), ports.end(), 0) == ports.end();
  if (!bound) {
    stop(std::chrono::system_clock::now());
    return Status::io_error("listen " + options_.address + " (" + options_.what +
                            "): cannot bind (address in use or not available)");
  }
  auto first = endpoints->front();
  first.port(static_cast<unsigned short>(ports.front()));
  bound_address_ = format_endpoint(first);
  return Status::ok();
}

void GrpcServer::stop(std::chrono::system_clock::time_point deadline) {
  if (!server_) return;
  server_->Shutdown(deadline);
  server_->Wait();
  server_.reset();
}

}  // namespace weft::server
