#include "loadgen/load_transport.h"

#include <boost/beast/http/field.hpp>

#include "client/grpc_bytes.h"
#include "common/gzip.h"
#include "loadgen/grpc_load_connection.h"
#include "loadgen/http_load_connection.h"
#include "loadgen/stream_load_connection.h"

namespace weft::loadgen {

Result<LoadTransport> LoadTransport::make(TransportOptions options) {
  if (is_stream_protocol(options.protocol)) {
    Result<client::TcpEndpoint> tcp = client::parse_tcp_endpoint(options.endpoint);
    if (!tcp.is_ok()) return Status::invalid("endpoint: " + tcp.status().message());
    return LoadTransport(std::move(options), {}, std::move(*tcp));
  }
  Result<client::HttpEndpoint> endpoint = client::parse_http_endpoint(options.endpoint);
  if (!endpoint.is_ok()) return endpoint.status();
  if (options.protocol == Protocol::kOtlpGrpc && !endpoint->base_path.empty())
    return Status::invalid("endpoint \"" + options.endpoint +
                           "\": an OTLP/gRPC endpoint has no path (http://host:port)");
  return LoadTransport(std::move(options), std::move(*endpoint), {});
}

std::string LoadTransport::grpc_target() const {
  bool ipv6 = endpoint_.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + endpoint_.host + "]" : endpoint_.host) + ":" + endpoint_.port;
}

PoolEntry LoadTransport::prepare(std::string body, uint64_t records) const {
  if (stream()) {
    uint64_t bytes = body.size();
    return {StreamBytes{std::move(body)}, records, bytes};
  }
  if (grpc()) {
    uint64_t bytes = body.size();
    return {client::string_to_byte_buffer(body), records, bytes};
  }
  if (options_.gzip) body = gzip_compress(body);
  uint64_t bytes = body.size();
  client::Request request =
      client::prepare_post(endpoint_, options_.target.path, options_.target.content_type,
                           options_.tenant, std::move(body), "weft-loadgen");
  if (options_.gzip) request.set(boost::beast::http::field::content_encoding, "gzip");
  for (const auto& [name, value] : options_.target.headers) request.set(name, value);
  return {std::move(request), records, bytes};
}

ConnectionFactory LoadTransport::connections() const {
  if (stream()) {
    return [endpoint = stream_endpoint_, timeout = options_.timeout]() -> std::unique_ptr<LoadConnection> {
      return std::make_unique<StreamLoadConnection>(endpoint, timeout);
    };
  }
  if (!grpc()) {
    return [endpoint = endpoint_, timeout = options_.timeout]() -> std::unique_ptr<LoadConnection> {
      return std::make_unique<HttpLoadConnection>(endpoint, timeout);
    };
  }
  client::GrpcCallOptions call;
  if (!options_.tenant.empty()) call.metadata = {{"x-scope-orgid", options_.tenant}};
  call.gzip = options_.gzip;
  call.timeout = options_.timeout;
  return [target = grpc_target(), method = options_.target.path,
          call]() -> std::unique_ptr<LoadConnection> {
    return std::make_unique<GrpcLoadConnection>(target, method, call);
  };
}

}  // namespace weft::loadgen
