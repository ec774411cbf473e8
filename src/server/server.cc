#include "server/server.h"

#include <pthread.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "common/log.h"
#include "server/api/api.h"
#include "server/audit/audit_log.h"
#include "server/auth/token_guard.h"
#include "server/grpc/grpc_server.h"
#include "server/grpc/otlp_grpc_service.h"
#include "server/http/http_server.h"
#include "server/http/tls_context.h"
#include "server/jsonlines/jsonlines_service.h"
#include "server/stream/stream_server.h"
#include "server/syslog/syslog_service.h"
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
                 options.query_timeout, options.max_query_series, options.max_query_memory_bytes,
                 options.traceql},
                [this](api::ApiContext::Task task) { run_query(std::move(task)); }, ingest_gate,
                options.jsonlines_fields) {
    api::add_all_routes(router, context);
    if (options.tokens) router.set_guard(std::make_shared<auth::TokenGuard>(options.tokens));
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
  Status load_tls();
  Status open_audit_log();
  Status bind_listeners();
  Status start_grpc();
  Status bind_stream_listeners();
  void open_store();
  void stop();
  void stop_listeners();

  ServerOptions options;
  boost::asio::thread_pool query_pool;
  IngestGate ingest_gate;
  api::ApiContext context;
  Router router;
  std::optional<TlsMaterial> tls_material;                 // set by load_tls() when TLS is on
  std::shared_ptr<boost::asio::ssl::context> tls_context;  // the same, for the HTTP listeners
  std::unique_ptr<HttpServer> http;
  std::unique_ptr<OtlpGrpcService> grpc_service;  // outlives grpc (declared first)
  std::unique_ptr<GrpcServer> grpc;
  // Destroyed after the Store closes (in ~Impl): its doors see the last acknowledgements.
  std::unique_ptr<StreamServer> streams;
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
  streams->start();
  log::info("listening", {{"addresses", join(http->bound_addresses())},
                          {"tls", tls_context ? "on" : "off"},
                          {"otlp_grpc", grpc ? grpc->bound_address() : "off"},
                          {"streams", join(streams->bound_addresses())}});
  if (!ui::embedded_ui_assets().empty())
    log::info("web UI", {{"url", std::string(tls_context ? "https://" : "http://") +
                                     http->bound_addresses().front() + "/"}});
  open_thread = std::thread([this] { open_store(); });
  return Status::ok();
}

Status Server::Impl::load_tls() {
  if (!options.tls.enabled()) return Status::ok();
  auto material = load_tls_material(options.tls);
  if (!material) return material.status();
  auto context = make_tls_context(*material);
  if (!context) return context.status();
  tls_material = std::move(*material);
  tls_context = std::move(*context);
  log::info("TLS on", {{"cert_file", options.tls.cert_file},
                       {"mtls", options.tls.client_ca_file.empty() ? "off" : "on"}});
  return Status::ok();
}

Status Server::Impl::open_audit_log() {
  if (!options.audit) return Status::ok();
  auto audit_log = audit::AuditLog::open(ingest_gate, options.audit_file);
  if (!audit_log) return audit_log.status();
  router.set_auditor(std::move(*audit_log));
  return Status::ok();
}

Status Server::Impl::bind_listeners() {
  WEFT_RETURN_IF_ERROR(load_tls());
  WEFT_RETURN_IF_ERROR(open_audit_log());
  HttpServerOptions http_options;
  http_options.tls = tls_context;
  http_options.threads = options.http_threads;
  http_options.max_body_bytes = options.max_request_bytes;
  http = std::make_unique<HttpServer>(http_options, router);
  WEFT_RETURN_IF_ERROR(http->listen(options.listen));
  WEFT_RETURN_IF_ERROR(http->listen(options.otlp_http_listen));
  WEFT_RETURN_IF_ERROR(start_grpc());
  return bind_stream_listeners();
}

// Serves at once: calls before the Store is open are answered UNAVAILABLE by the gate.
Status Server::Impl::start_grpc() {
  if (options.otlp_grpc_listen.empty()) return Status::ok();
  grpc_service = std::make_unique<OtlpGrpcService>(ingest_gate, options.tokens);
  GrpcServerOptions grpc_options;
  grpc_options.address = options.otlp_grpc_listen;
  grpc_options.max_receive_message_bytes = options.max_request_bytes;
  grpc_options.what = "OTLP/gRPC";
  grpc_options.tls = tls_material;
  grpc = std::make_unique<GrpcServer>(grpc_options, *grpc_service);
  return grpc->start();
}

Status Server::Impl::bind_stream_listeners() {
  streams = std::make_unique<StreamServer>(ingest_gate, options.http_threads);
  WEFT_RETURN_IF_ERROR(
      streams->listen(syslog_service(options.syslog_listen, options.syslog_tenant)));
  return streams->listen(jsonlines_service(options.jsonlines_listen, options.jsonlines_tenant,
                                           options.jsonlines_fields));
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

// The gRPC listener drains beside the stream and HTTP listeners (one after the other), all
// within one shutdown_timeout.
void Server::Impl::stop_listeners() {
  auto deadline = std::chrono::steady_clock::now() + options.shutdown_timeout;
  auto left = [&] {
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(
                        deadline - std::chrono::steady_clock::now()));
  };
  std::thread grpc_stopper;
  if (grpc) {
    auto grpc_deadline = std::chrono::system_clock::now() + options.shutdown_timeout;
    grpc_stopper = std::thread([this, grpc_deadline] { grpc->stop(grpc_deadline); });
  }
  if (streams) streams->stop(left());
  if (http) http->stop(left());
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

std::string Server::stream_address(std::string_view door) const {
  return impl_->streams ? impl_->streams->address(door) : std::string();
}

}  // namespace weft::server
