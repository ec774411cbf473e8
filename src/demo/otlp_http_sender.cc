#include "demo/otlp_http_sender.h"

namespace weft::demo {

OtlpHttpSender::OtlpHttpSender(HttpEndpoint endpoint, std::string tenant,
                               std::chrono::milliseconds timeout)
    : tenant_(std::move(tenant)), connection_(std::move(endpoint), timeout) {}

Result<PostResponse> OtlpHttpSender::post(std::string_view path, const std::string& body) {
  return connection_.send(client::prepare_post(connection_.endpoint(), path,
                                               "application/x-protobuf", tenant_, body,
                                               "weft-demo"));
}

}  // namespace weft::demo
