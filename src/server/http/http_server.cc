#include "server/http/http_server.h"

#include <pthread.h>

#include "common/log.h"
#include "server/http/listen_address.h"
#include "server/http/listener.h"

namespace weft::server {

namespace {

int thread_count(int requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

HttpServer::HttpServer(HttpServerOptions options, HttpHandler& handler)
    : options_(options),
      context_{options_, handler, registry_},
      io_(thread_count(options.threads)) {}

HttpServer::~HttpServer() { stop(std::chrono::milliseconds(0)); }

Status HttpServer::listen(std::string_view host_port) {
  if (host_port.empty()) return Status::ok();
  auto endpoints = resolve_listen_address(host_port);
  if (!endpoints) return endpoints.status();
  for (const auto& endpoint : *endpoints) {
    auto listener = Listener::open(io_, endpoint, [this](boost::asio::ip::tcp::socket socket) {
      if (options_.tls)
        std::make_shared<HttpsSession>(std::move(socket), context_, options_.tls.get())->start();
      else
        std::make_shared<PlainHttpSession>(std::move(socket), context_)->start();
    });
    if (!listener) return listener.status();
    listeners_.push_back(std::move(*listener));
  }
  return Status::ok();
}

void HttpServer::start() {
  work_.emplace(io_.get_executor());
  for (auto& listener : listeners_) listener->start();
  int n = thread_count(options_.threads);
  for (int i = 0; i < n; ++i)
    threads_.emplace_back([this, i] {
      std::string name = "weft-http-" + std::to_string(i);  // at most 15 characters
      pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
      run_io();
    });
}

void HttpServer::run_io() {
  for (;;) {
    try {
      io_.run();
      return;
    } catch (const std::exception& e) {
      log::error("exception on an http io thread", {{"error", e.what()}});
    }
  }
}

void HttpServer::stop(std::chrono::milliseconds timeout) {
  std::lock_guard lock(stop_mu_);
  if (stopped_) return;
  stopped_ = true;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  close_listeners();
  for (auto& session : registry_.begin_stop()) session->request_close();
  if (!threads_.empty() && !registry_.wait_until_empty(deadline)) {
    log::warn("closing connections at the shutdown deadline",
              {{"connections", registry_.session_count()}, {"in_flight", registry_.in_flight()}});
    for (auto& session : registry_.sessions()) session->force_close();
    registry_.wait_until_empty(std::chrono::steady_clock::now() + std::chrono::seconds(1));
  }
  work_.reset();
  io_.stop();
  for (auto& thread : threads_) thread.join();
  threads_.clear();
}

void HttpServer::close_listeners() {
  if (threads_.empty()) {
    for (auto& listener : listeners_) listener->close_now();
    return;
  }
  std::vector<std::future<void>> closed;
  for (auto& listener : listeners_) closed.push_back(listener->close());
  for (auto& done : closed) done.wait();
}

std::vector<std::string> HttpServer::bound_addresses() const {
  std::vector<std::string> out;
  for (const auto& listener : listeners_) out.push_back(format_endpoint(listener->local_endpoint()));
  return out;
}

}  // namespace weft::server
