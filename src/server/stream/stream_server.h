// StreamServer: the ingest listeners that are not HTTP: syslog over TCP and UDP, JSON lines
// over TCP (StreamService). One io_context run by its own threads; each TCP connection is a
// StreamConnection, each UDP socket a DatagramReceiver, every one on its own strand and with
// its own StreamBatcher submitting through the service's IngestDoor.
//
// Lifecycle: construct -> listen() each service -> start() -> stop() -> destroy.
// stop() is graceful: listeners close, every connection stops reading and its batcher stores
// what was read; past `timeout` whatever is still not stored is given up (and logged). It
// returns once the io threads have exited. The doors must outlive the acknowledgements of
// batches already submitted: destroy the StreamServer only after the Store has closed.
//
// Thread safety: listen()/start()/stop() from one controlling thread; address() from any.
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
#include <boost/asio/ip/tcp.hpp>

#include "common/status.h"
#include "server/ingest/ingest_gate.h"
#include "server/stream/stream_batch_limits.h"
#include "server/stream/stream_registry.h"
#include "server/stream/stream_service.h"

namespace weft::server {

class DatagramReceiver;
class Listener;
struct StreamDoor;

class StreamServer {
 public:
  // `gate` must outlive the server. `threads` 0 means one per CPU core.
  StreamServer(IngestGate& gate, int threads, StreamBatchLimits limits = {});
  ~StreamServer();  // stop(0) if still running
  StreamServer(const StreamServer&) = delete;
  StreamServer& operator=(const StreamServer&) = delete;

  // Binds the service's TCP listener (and UDP socket) on service.listen; "" does nothing.
  // kIoError naming the address when it cannot bind; kInvalidArgument when malformed.
  Status listen(StreamService service);
  void start();
  void stop(std::chrono::milliseconds timeout);

  // The bound "host:port" of a door ("syslog/tcp", "syslog/udp", "jsonlines/tcp"), with the
  // real port when port 0 was asked for; "" when there is no such door.
  std::string address(std::string_view door) const;
  // "syslog/tcp=127.0.0.1:5514" for every door, for the startup log.
  std::vector<std::string> bound_addresses() const;

 private:
  struct Service;
  struct BoundDoor {
    std::string name;     // "syslog/tcp"
    std::string address;  // "127.0.0.1:5514"
  };

  Status listen_tcp(Service& service, const boost::asio::ip::tcp::endpoint& endpoint);
  Status listen_udp(Service& service, const boost::asio::ip::tcp::endpoint& endpoint);
  void close_listeners();
  void run_io();

  IngestGate& gate_;
  int threads_wanted_;
  StreamBatchLimits limits_;
  StreamRegistry registry_;
  std::vector<std::unique_ptr<Service>> services_;
  std::vector<BoundDoor> bound_;
  // Declared after registry_ and services_: endpoints still queued in the io_context
  // unregister on destruction and refer to their door.
  boost::asio::io_context io_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
  std::vector<std::shared_ptr<Listener>> listeners_;
  std::vector<std::shared_ptr<DatagramReceiver>> receivers_;
  std::vector<std::thread> threads_;
  std::mutex stop_mu_;
  bool stopped_ = false;  // guarded by stop_mu_
};

}  // namespace weft::server
