// LoadTransport: how the requests of one `weft loadgen` run travel: over HTTP/1.1 (otlp-http,
// loki, elastic, splunk-hec), gRPC (otlp-grpc) or plain TCP writes (syslog, jsonlines). It turns an encoded body into a ready-to-send PoolEntry
// (an HTTP request with its headers, or a gRPC message; gzip-compressed for HTTP when asked)
// and makes the driver's connections.
//
// Thread safety: prepare() from one thread; connect() may be called from any.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "client/http_endpoint.h"
#include "client/tcp_connection.h"
#include "common/status.h"
#include "loadgen/load_connection.h"
#include "loadgen/request_encoder.h"

namespace weft::loadgen {

struct TransportOptions {
  std::string endpoint;  // "http://host:port[/base]" (gRPC: no path; streams: tcp://host:port)
  Protocol protocol = Protocol::kOtlpHttp;
  RequestTarget target;
  std::string tenant;  // X-Scope-OrgID (gRPC: x-scope-orgid metadata) when not empty
  bool gzip = false;   // HTTP: Content-Encoding gzip, compressed once here; gRPC: per call
  std::chrono::milliseconds timeout{10000};
};

class LoadTransport {
 public:
  // kInvalidArgument for an endpoint that is not http://host[:port][/path] (no path for gRPC),
  // or for the stream protocols not tcp://host:port.
  static Result<LoadTransport> make(TransportOptions options);

  PoolEntry prepare(std::string body, uint64_t records) const;
  ConnectionFactory connections() const;

 private:
  LoadTransport(TransportOptions options, client::HttpEndpoint endpoint,
                client::TcpEndpoint stream_endpoint)
      : options_(std::move(options)), endpoint_(std::move(endpoint)),
        stream_endpoint_(std::move(stream_endpoint)) {}

  bool grpc() const { return options_.protocol == Protocol::kOtlpGrpc; }
  bool stream() const { return is_stream_protocol(options_.protocol); }
  std::string grpc_target() const;

  TransportOptions options_;
  client::HttpEndpoint endpoint_;        // HTTP and gRPC
  client::TcpEndpoint stream_endpoint_;  // the stream protocols
};

}  // namespace weft::loadgen
