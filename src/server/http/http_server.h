// HttpServer: HTTP/1.1 on Boost.Beast, serving one HttpHandler on one or more listen addresses.
//
// An io_context is run by options.threads threads; each connection is an HttpSession on its
// own strand (keep-alive, Content-Length or chunked bodies, size limits: see
// HttpServerOptions). Handlers run on the io threads and may answer later from any thread.
//
// Lifecycle: construct -> listen() for each address -> start() -> stop() -> destroy.
// stop() is graceful: listeners close (no new connections), idle keep-alive connections close,
// requests in flight are answered (their connections then close), and when `timeout` passes
// the remaining connections are cut. It returns once the io threads have exited.
//
// Responders must be called (or dropped) before the HttpServer is destroyed; responses
// arriving after stop() are discarded.
//
// Thread safety: listen()/start()/stop() from one controlling thread; bound_addresses(),
// open_connections(), in_flight() from any thread.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "common/status.h"
#include "server/http/http_handler.h"
#include "server/http/http_server_options.h"
#include "server/http/http_session.h"
#include "server/http/session_registry.h"

namespace weft::server {

class Listener;

class HttpServer {
 public:
  // `handler` must outlive the server.
  HttpServer(HttpServerOptions options, HttpHandler& handler);
  ~HttpServer();  // stop(0) if still running
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds "host:port" (port 0 picks a free port); "" does nothing. Call before start().
  // kIoError naming the address when it cannot bind; kInvalidArgument when malformed.
  Status listen(std::string_view host_port);

  // Starts the io threads and accepting. Call once.
  void start();

  // Graceful stop, bounded by `timeout` (see above). Idempotent.
  void stop(std::chrono::milliseconds timeout);

  // The bound "host:port" of every listener, in listen() order.
  std::vector<std::string> bound_addresses() const;
  size_t open_connections() const { return registry_.session_count(); }
  size_t in_flight() const { return registry_.in_flight(); }

 private:
  void run_io();
  void close_listeners();

  HttpServerOptions options_;
  SessionRegistry registry_;
  SessionContext context_;
  // Declared after registry_: sessions still queued in the io_context unregister on destruction.
  boost::asio::io_context io_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
  std::vector<std::shared_ptr<Listener>> listeners_;
  std::vector<std::thread> threads_;
  std::mutex stop_mu_;
  bool stopped_ = false;  // guarded by stop_mu_
};

}  // namespace weft::server
