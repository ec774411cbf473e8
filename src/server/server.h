// Server: weft's front: the native API, OTLP/HTTP and JSON lines ingest, /ready and /metrics
// (docs/api.md) on two HTTP listeners, and the stream listeners (syslog over TCP and UDP, JSON
// lines over TCP: server/stream), in front of the Store.
//
// Lifecycle:
//   Server s(options);
//   s.start();        binds every listener (fails fast, naming the address, on a bind error),
//                     starts serving, and opens the Store (WAL replay) on a background thread;
//                     until it is open, ingest and queries answer 503 and /ready 503.
//   s.wait_ready();   blocks until the Store is open (OK) or failed to open (its Status).
//   s.stop();         graceful: stops accepting, lets requests in flight finish and the stream
//                     listeners store what they have read (together up to shutdown_timeout),
//                     then closes the Store, so every acknowledged record is durable.
//                     Idempotent; also run by the destructor.
//
// Thread safety: start()/stop() from one controlling thread; wait_ready(), ready() and
// bound_addresses() from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/jsonlines/jsonlines_fields.h"
#include "storage/store.h"

namespace weft::server {

struct ServerOptions {
  std::string listen = "127.0.0.1:3100";            // native API; "" disables
  std::string otlp_http_listen = "127.0.0.1:4318";  // OTLP/HTTP; "" disables
  // Stream listeners; "" disables (weft serve's defaults: 127.0.0.1:5514 and 127.0.0.1:5170).
  std::string syslog_listen;     // syslog over TCP and UDP
  std::string syslog_tenant = "default";
  std::string jsonlines_listen;  // JSON lines over TCP
  std::string jsonlines_tenant = "default";
  ingest::JsonLinesFields jsonlines_fields;  // also for POST /api/v1/push/jsonlines
  storage::StoreOptions store;
  uint64_t max_request_bytes = 20ull << 20;  // request bodies, also after gzip inflation
  int http_threads = 0;                      // io threads; 0 = hardware concurrency
  uint32_t max_query_limit = 5000;           // largest `limit` of GET /api/v1/logs
  std::chrono::milliseconds shutdown_timeout{25000};
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Call once. kIoError naming the address when a listener cannot bind.
  Status start();
  // Blocks until the Store is open (OK) or has failed to open (that Status). Call after start().
  Status wait_ready();
  // Whether the Store is open and requests are being served.
  bool ready() const;
  void stop();
  // The bound "host:port" of each HTTP listener (the real port when port 0 was asked for).
  std::vector<std::string> bound_addresses() const;
  // The bound "host:port" of a stream listener door ("syslog/tcp", "syslog/udp",
  // "jsonlines/tcp"); "" when it is not listening.
  std::string stream_address(std::string_view door) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::server
