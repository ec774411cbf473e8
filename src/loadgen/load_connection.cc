#include "loadgen/load_connection.h"

namespace weft::loadgen {

namespace {

class HttpLoadConnection final : public LoadConnection {
 public:
  HttpLoadConnection(const client::HttpEndpoint& endpoint, std::chrono::milliseconds timeout)
      : connection_(endpoint, timeout) {}

  Result<int> send(const PoolEntry& entry) override {
    Result<client::Response> response = connection_.send(entry.request);
    if (!response.is_ok()) return response.status();
    return response->status;
  }

 private:
  client::HttpConnection connection_;
};

class StreamLoadConnection final : public LoadConnection {
 public:
  StreamLoadConnection(const client::TcpEndpoint& endpoint, std::chrono::milliseconds timeout)
      : connection_(endpoint, timeout) {}

  Result<int> send(const PoolEntry& entry) override {
    WEFT_RETURN_IF_ERROR(connection_.write(entry.stream_bytes));
    return 200;
  }
  Status finish() override { return connection_.finish(); }

 private:
  client::TcpConnection connection_;
};

}  // namespace

LoadConnectionFactory http_connections(client::HttpEndpoint endpoint,
                                       std::chrono::milliseconds timeout) {
  return [endpoint = std::move(endpoint), timeout]() -> std::unique_ptr<LoadConnection> {
    return std::make_unique<HttpLoadConnection>(endpoint, timeout);
  };
}

LoadConnectionFactory stream_connections(client::TcpEndpoint endpoint,
                                         std::chrono::milliseconds timeout) {
  return [endpoint = std::move(endpoint), timeout]() -> std::unique_ptr<LoadConnection> {
    return std::make_unique<StreamLoadConnection>(endpoint, timeout);
  };
}

}  // namespace weft::loadgen
