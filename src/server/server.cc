#include "server/server.h"

#include <pthread.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "common/log.h"
#include "server/api/api.h"
#include "server/grpc/grpc_server.h"
#include "server/grpc/otlp_grpc_service.h"
#include "server/http/http_server.h"
#include "server/ui/ui_asset.h"

namespace weft::server {

namespace {

size_t query_thread_count() { return std::max(1u, std::thread::hardware_concurrency() / 2); }

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ",") + part;
  return out;
}

}  // namespace

struct Server::Impl {
  enum class OpenState { kNotStarted, kOpening, kReady, kFailed };

  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        query_pool(query_thread_count()),
        context({options.max_request_bytes, options.max_query_limit, options.loki_push,
                  options.traceql},
                [this](api::ApiContext::Task task) { run_query(std::move(task)); }, ingest_gate) {
    api::add_all_routes(router, context);
  }

  void run_query(api::ApiContext::Task task) {
    boost::asio::post(query_pool, [task = std::move(task)] {
      thread_local bool named = false;  // the pool's threads cannot be named up front
      if (!named) named = pthread_setname_np(pthread_self(), "weft-query") == 0;
      try {
        task();
      } catch (const std::exception& e) {
        log::error("query failed", {{"error", e.what()}});
      }
    });
  }

  Status start();
  Status bind_listeners();
  Status start_grpc();
  void open_store();
  void stop();
  void stop_listeners();

  ServerOptions options;
  boost::asio::thread_pool query_pool;
  IngestGate ingest_gate;
  api::ApiContext context;
  Router router;
  std::unique_ptr<HttpServer> http;
  std::unique_ptr<OtlpGrpcService> grpc_service;  // outlives grpc (declared first)
  std::unique_ptr<GrpcServer> grpc;
  std::thread open_thread;

  mutable std::mutex mu;
  std::condition_variable opened;
  OpenState open_state = OpenState::kNotStarted;  // guarded by mu
  Status open_status;                             // guarded by mu
  std::unique_ptr<storage::Store> store;          // set once, under mu, by open_store()
  bool stopped = false;                           // guarded by mu
};

Status Server::Impl::start() {
  {
    std::lock_guard lock(mu);
    if (open_state != OpenState::kNotStarted || stopped)
      return Status::internal("Server::start called twice");
    open_state = OpenState::kOpening;
  }
  Status bound = bind_listeners();
  if (!bound) {
    std::lock_guard lock(mu);
    open_state = OpenState::kFailed;
    open_status = bound;
    return bound;
  }
  http->start();
  log::info("listening", {{"addresses", join(http->bound_addresses())},
                          {"otlp_grpc", grpc ? grpc->bound_address() : "off"}});
  if (!ui::embedded_ui_assets().empty())
    log::info("web UI", {{"url", "http://" + http->bound_addresses().front() + "/"}});
  open_thread = std::thread([this] { open_store(); });
  return Status::ok();
}

Status Server::Impl::bind_listeners() {
  HttpServerOptions http_options;
  http_options.threads = options.http_threads;
  http_options.max_body_bytes = options.max_request_bytes;
  http = std::make_unique<HttpServer>(http_options, router);
  WEFT_RETURN_IF_ERROR(http->listen(options.listen));
  WEFT_RETURN_IF_ERROR(http->listen(options.otlp_http_listen));
  return start_grpc();
}

// Serves at once: calls before the Store is open are answered UNAVAILABLE by the gate.
Status Server::Impl::start_grpc() {
  if (options.otlp_grpc_listen.empty()) return Status::ok();
  grpc_service = std::make_unique<OtlpGrpcService>(ingest_gate);
  GrpcServerOptions grpc_options;
  grpc_options.address = options.otlp_grpc_listen;
  grpc_options.max_receive_message_bytes = options.max_request_bytes;
  grpc_options.what = "OTLP/gRPC";
  grpc = std::make_unique<GrpcServer>(grpc_options, *grpc_service);
  return grpc->start();
}

void Server::Impl::open_store() {
  log::info("opening store", {{"data_dir", options.store.data_dir.string()}});
  auto opened_store = storage::Store::open(options.store);
  std::lock_guard lock(mu);
  if (opened_store) {
    store = std::move(*opened_store);
    ingest_gate.set_store(store.get());
    open_state = OpenState::kReady;
    log::info("ready");
  } else {
    open_state = OpenState::kFailed;
    open_status = opened_store.status();
    log::error("opening the store failed", {{"error", open_status.to_string()}});
  }
  opened.notify_all();
}

void Server::Impl::stop() {
  {
    std::lock_guard lock(mu);
    if (stopped) return;
    stopped = true;
  }
  log::info("stopping", {{"timeout_ms", options.shutdown_timeout.count()}});
  stop_listeners();
  query_pool.join();
  if (open_thread.joinable()) open_thread.join();
  if (store) store->close();
  log::info("stopped");
}

// The HTTP and gRPC listeners drain side by side, within one shutdown_timeout.
void Server::Impl::stop_listeners() {
  std::thread grpc_stopper;
  if (grpc) {
    auto deadline = std::chrono::system_clock::now() + options.shutdown_timeout;
    grpc_stopper = std::thread([this, deadline] { grpc->stop(deadline); });
  }
  if (http) http->stop(options.shutdown_timeout);
  if (grpc_stopper.joinable()) grpc_stopper.join();
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Server::~Server() { stop(); }

Status Server::start() { return impl_->start(); }

Status Server::wait_ready() {
  std::unique_lock lock(impl_->mu);
  if (impl_->open_state == Impl::OpenState::kNotStarted)
    return Status::unavailable("the server has not been started");
  impl_->opened.wait(lock, [&] { return impl_->open_state != Impl::OpenState::kOpening; });
  return impl_->open_state == Impl::OpenState::kReady ? Status::ok() : impl_->open_status;
}

bool Server::ready() const { return impl_->context.store() != nullptr; }

void Server::stop() { impl_->stop(); }

std::vector<std::string> Server::bound_addresses() const {
  return impl_->http ? impl_->http->bound_addresses() : std::vector<std::string>{};
}

std::string Server::otlp_grpc_address() const {
  return impl_->grpc ? impl_->grpc->bound_address() : std::string();
}

}  // namespace weft::server
