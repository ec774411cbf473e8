// Server: weft's front: the native API, HTTP ingest (OTLP, Loki, Elasticsearch, Splunk HEC,
// JSON lines), /ready and /metrics (docs/api.md) on two HTTP listeners, OTLP/gRPC ingest on a
// gRPC listener, and the stream listeners (syslog over TCP and UDP, JSON lines over TCP:
// server/stream), in front of the Store.
//
// Lifecycle:
//   Server s(options);
//   s.start();        binds every listener (fails fast, naming the address, on a bind error),
//                     starts serving, and opens the Store (WAL replay) on a background thread;
//                     until it is open, ingest and queries answer 503 (gRPC: UNAVAILABLE) and
//                     /ready 503.
//   s.wait_ready();   blocks until the Store is open (OK) or failed to open (its Status).
//   s.stop();         graceful: every listener stops accepting, requests and calls in flight
//                     may finish and the stream listeners store what they have read (together
//                     up to shutdown_timeout), then the Store closes, so every acknowledged
//                     record is durable. Idempotent; also run by the destructor.
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
#include "ingest/loki/push_builder.h"
#include "query/traceql/traceql_candidates.h"
#include "server/auth/token_store.h"
#include "server/tls/tls_files.h"
#include "storage/store.h"

namespace weft::server {

struct ServerOptions {
  std::string listen = "127.0.0.1:3100";            // native API; "" disables
  std::string otlp_http_listen = "127.0.0.1:4318";  // OTLP/HTTP; "" disables
  // OTLP/gRPC; "" disables. Off unless asked for (weft serve asks for 127.0.0.1:4317), so that
  // a Server in a test never takes the well-known port.
  std::string otlp_grpc_listen;
  // Stream listeners; "" disables (weft serve's defaults: 127.0.0.1:5514 and 127.0.0.1:5170).
  std::string syslog_listen;     // syslog over TCP and UDP
  std::string syslog_tenant = "default";
  std::string jsonlines_listen;  // JSON lines over TCP
  std::string jsonlines_tenant = "default";
  ingest::JsonLinesFields jsonlines_fields;  // also for POST /api/v1/push/jsonlines
  storage::StoreOptions store;
  uint64_t max_request_bytes = 20ull << 20;  // request bodies and gRPC messages, also inflated
  int http_threads = 0;                      // io threads; 0 = hardware concurrency
  uint32_t max_query_limit = 5000;           // largest `limit` of a search / LogQL log query
  std::chrono::milliseconds query_timeout{60000};  // LogQL queries stop past it
  uint32_t max_query_series = 500;                 // series of a LogQL metric result
  uint64_t max_query_memory_bytes = 512ull << 20;  // memory one LogQL query may hold
  ingest::loki::PushLimits loki_push;        // Loki push validation: line size, time range
  query::traceql::CandidateLimits traceql;   // spans/traces one TraceQL query may gather
  std::chrono::milliseconds shutdown_timeout{25000};
  // Auth on: every non-public HTTP route and every OTLP/gRPC call needs a token of this store
  // (docs/security.md). nullptr: auth off, every request is admitted.
  std::shared_ptr<const auth::TokenStore> tokens;
  // TLS on the HTTP listeners and OTLP/gRPC (not the syslog / JSON lines streams); off when
  // no certificate is set. Bad files fail start() with a message naming the setting.
  TlsSettings tls;
  // The audit log of query and admin requests (server/audit): stored in tenant "_audit", and
  // appended to `audit_file` unless it is "".
  bool audit = true;
  std::string audit_file;
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
  // The bound "host:port" of the OTLP/gRPC listener; "" when it is disabled.
  std::string otlp_grpc_address() const;
  // The bound "host:port" of a stream listener door ("syslog/tcp", "syslog/udp",
  // "jsonlines/tcp"); "" when it is not listening.
  std::string stream_address(std::string_view door) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::server
