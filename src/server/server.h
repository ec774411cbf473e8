// Server: weft's HTTP front: the native API, OTLP/HTTP ingest, /ready and /metrics
// (docs/api.md) on two listeners, in front of the Store.
//
// Lifecycle:
//   Server s(options);
//   s.start();        binds both listeners (fails fast, naming the address, on a bind error),
//                     starts serving, and opens the Store (WAL replay) on a background thread;
//                     until it is open, ingest and queries answer 503 and /ready 503.
//   s.wait_ready();   blocks until the Store is open (OK) or failed to open (its Status).
//   s.stop();         graceful: stops accepting, lets requests in flight finish (up to
//                     shutdown_timeout), then closes the Store, so every acknowledged record is
//                     durable. Idempotent; also run by the destructor.
//
// Thread safety: start()/stop() from one controlling thread; wait_ready(), ready() and
// bound_addresses() from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/store.h"

namespace weft::server {

struct ServerOptions {
  std::string listen = "127.0.0.1:3100";            // native API; "" disables
  std::string otlp_http_listen = "127.0.0.1:4318";  // OTLP/HTTP; "" disables
  storage::StoreOptions store;
  uint64_t max_request_bytes = 20ull << 20;  // request bodies, also after gzip inflation
  int http_threads = 0;                      // io threads; 0 = hardware concurrency
  uint32_t max_query_limit = 5000;           // largest `limit` of a search / LogQL log query
  std::chrono::milliseconds query_timeout{60000};  // LogQL queries stop past it
  uint32_t max_query_series = 500;                 // series of a LogQL metric result
  uint64_t max_query_memory_bytes = 512ull << 20;  // memory one LogQL query may hold
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
  // The bound "host:port" of each listener (the real port when port 0 was asked for).
  std::vector<std::string> bound_addresses() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::server
