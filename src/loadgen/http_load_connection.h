// HttpLoadConnection: a LoadConnection over one kept-alive HTTP/1.1 connection
// (client::HttpConnection); sends the pool entries' prepared HTTP requests.
// Not thread-safe: one per driver thread.
#pragma once

#include <chrono>

#include "client/http_connection.h"
#include "client/http_endpoint.h"
#include "loadgen/load_connection.h"

namespace weft::loadgen {

class HttpLoadConnection final : public LoadConnection {
 public:
  HttpLoadConnection(const client::HttpEndpoint& endpoint, std::chrono::milliseconds timeout)
      : connection_(endpoint, timeout) {}

  // REQUIRES: entry.request holds a client::Request.
  SendOutcome send(const PoolEntry& entry) override;

 private:
  client::HttpConnection connection_;
};

}  // namespace weft::loadgen
