#include "server/stream/stream_server.h"

#include <pthread.h>

#include <future>

#include "common/log.h"
#include "server/http/listen_address.h"
#include "server/http/listener.h"
#include "server/stream/datagram_receiver.h"
#include "server/stream/stream_connection.h"
#include "server/stream/stream_door.h"

namespace weft::server {

namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

int thread_count(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// UDP cannot pause its senders, so its batches may grow further while one is in flight.
StreamBatchLimits udp_limits(StreamBatchLimits limits) {
  limits.max_frames *= 4;
  limits.max_bytes *= 4;
  return limits;
}

}  // namespace

// A service with its doors; owned by the server, so endpoints may refer to it.
struct StreamServer::Service {
  Service(StreamService s, IngestGate& gate, StreamRegistry& registry, StreamBatchLimits limits)
      : config(std::move(s)),
        tcp_door(gate, config.name + "/tcp"),
        udp_door(gate, config.name + "/udp"),
        tcp{config, tcp_door, registry, limits},
        udp{config, udp_door, registry, udp_limits(limits)} {}

  StreamService config;
  IngestDoor tcp_door;
  IngestDoor udp_door;
  StreamDoor tcp;
  StreamDoor udp;
};

StreamServer::StreamServer(IngestGate& gate, int threads, StreamBatchLimits limits)
    : gate_(gate), threads_wanted_(thread_count(threads)), limits_(limits), io_(threads_wanted_) {}

StreamServer::~StreamServer() { stop(std::chrono::milliseconds(0)); }

Status StreamServer::listen(StreamService config) {
  if (config.listen.empty()) return Status::ok();
  auto endpoints = resolve_listen_address(config.listen);
  if (!endpoints) return endpoints.status();
  services_.push_back(std::make_unique<Service>(std::move(config), gate_, registry_, limits_));
  Service& service = *services_.back();
  for (const auto& endpoint : *endpoints) {
    WEFT_RETURN_IF_ERROR(listen_tcp(service, endpoint));
    if (service.config.udp) WEFT_RETURN_IF_ERROR(listen_udp(service, endpoint));
  }
  return Status::ok();
}

Status StreamServer::listen_tcp(Service& service, const tcp::endpoint& endpoint) {
  const StreamDoor& door = service.tcp;
  auto listener = Listener::open(io_, endpoint, [&door](tcp::socket socket) {
    std::make_shared<StreamConnection>(std::move(socket), door)->start();
  });
  if (!listener) return listener.status();
  bound_.push_back({service.config.name + "/tcp", format_endpoint((*listener)->local_endpoint())});
  listeners_.push_back(std::move(*listener));
  return Status::ok();
}

Status StreamServer::listen_udp(Service& service, const tcp::endpoint& endpoint) {
  net::ip::udp::endpoint udp_endpoint(endpoint.address(), endpoint.port());
  auto receiver = DatagramReceiver::open(io_, udp_endpoint, service.udp);
  if (!receiver) return receiver.status();
  const auto& local = (*receiver)->local_endpoint();
  bound_.push_back({service.config.name + "/udp",
                    format_endpoint(tcp::endpoint(local.address(), local.port()))});
  receivers_.push_back(std::move(*receiver));
  return Status::ok();
}

void StreamServer::start() {
  work_.emplace(io_.get_executor());
  for (auto& listener : listeners_) listener->start();
  for (auto& receiver : receivers_) receiver->start();
  receivers_.clear();  // the registry and the pending receive keep them
  for (int i = 0; i < threads_wanted_; ++i)
    threads_.emplace_back([this, i] {
      std::string name = "weft-stream-" + std::to_string(i);
      pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
      run_io();
    });
}

void StreamServer::run_io() {
  for (;;) {
    try {
      io_.run();
      return;
    } catch (const std::exception& e) {
      log::error("exception on a stream io thread", {{"error", e.what()}});
    }
  }
}

void StreamServer::stop(std::chrono::milliseconds timeout) {
  std::lock_guard lock(stop_mu_);
  if (stopped_) return;
  stopped_ = true;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  close_listeners();
  for (auto& endpoint : registry_.begin_stop()) endpoint->stop();
  if (!threads_.empty() && !registry_.wait_until_empty(deadline)) {
    log::warn("stream listeners: giving up on unstored frames at the shutdown deadline",
              {{"endpoints", registry_.size()}});
    for (auto& endpoint : registry_.endpoints()) endpoint->abandon();
    registry_.wait_until_empty(std::chrono::steady_clock::now() + std::chrono::seconds(1));
  }
  work_.reset();
  io_.stop();
  for (auto& thread : threads_) thread.join();
  threads_.clear();
  receivers_.clear();
}

void StreamServer::close_listeners() {
  if (threads_.empty()) {
    for (auto& listener : listeners_) listener->close_now();
    return;
  }
  std::vector<std::future<void>> closed;
  for (auto& listener : listeners_) closed.push_back(listener->close());
  for (auto& done : closed) done.wait();
}

std::string StreamServer::address(std::string_view door) const {
  for (const BoundDoor& bound : bound_)
    if (bound.name == door) return bound.address;
  return "";
}

std::vector<std::string> StreamServer::bound_addresses() const {
  std::vector<std::string> out;
  for (const BoundDoor& bound : bound_) out.push_back(bound.name + "=" + bound.address);
  return out;
}

}  // namespace weft::server
