// LoadDriver: sends a pool of prepared requests to one endpoint over N kept-alive connections
// (one thread each; HTTP or plain TCP streams, load_connection.h), flat out or at a fixed
// record rate, and measures what was acknowledged (for streams: written).
//
// Requests are numbered 0, 1, 2, ...; each connection thread takes the next number, sends
// pool[k % pool.size()] (or `last` for the final request of a run limited by max_requests)
// and waits for the answer. With a rate, request k is due at start + k x records-per-request /
// rate, and a thread sleeps until its request is due, so the rate holds whatever the number of
// connections (as long as the server keeps up). The run ends after `duration`, after
// max_requests, or on stop(). Latency is from the write of a request to its response; with a
// rate, a second latency is from the time the request was due, so a stalled server cannot hide
// its queueing by slowing the sender down (no coordinated omission).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/http_endpoint.h"
#include "loadgen/latency_stats.h"
#include "loadgen/load_connection.h"

namespace weft::loadgen {

struct RequestPool {
  std::vector<PoolEntry> entries;  // not empty
  std::optional<PoolEntry> last;   // the final request when max_requests is set (a short batch)
};

struct DriverOptions {
  int connections = 4;
  double rate = 0;                                    // records per second; 0: flat out
  std::optional<std::chrono::milliseconds> duration;  // none: until max_requests or stop()
  uint64_t max_requests = 0;                          // 0: no limit
  std::chrono::milliseconds timeout{10000};           // per connect, write and read
};

struct DriverReport {
  std::chrono::nanoseconds elapsed{0};
  uint64_t requests = 0;        // answered with 2xx
  uint64_t records = 0;         // in 2xx-answered requests
  uint64_t bytes = 0;           // payload bytes of 2xx-answered requests
  uint64_t rejected = 0;        // answered with anything else
  uint64_t records_rejected = 0;
  uint64_t io_errors = 0;       // no answer (connect failure, lost connection, timeout)
  std::map<int, uint64_t> non_2xx;  // status -> requests
  std::string first_error;          // the first I/O error's message
  LatencySummary latency;
  LatencySummary scheduled_latency;  // with a rate: from the due time; empty otherwise
};

class LoadDriver {
 public:
  LoadDriver(client::HttpEndpoint endpoint, DriverOptions options);
  LoadDriver(LoadConnectionFactory connections, DriverOptions options);

  // Blocks until the run ends. `pool` must outlive the call.
  DriverReport run(const RequestPool& pool);
  // Ends run() soon (after the requests in flight). Thread-safe.
  void stop() { stop_ = true; }

 private:
  struct Worker;
  using Clock = std::chrono::steady_clock;

  void work(const RequestPool& pool, Worker& worker);
  // Sleeps until `due` unless the run ends first; false when it ended.
  bool wait_until(Clock::time_point due);
  bool over(Clock::time_point now) const;
  const PoolEntry& entry(const RequestPool& pool, uint64_t k) const;

  LoadConnectionFactory connections_;
  DriverOptions options_;
  std::atomic<bool> stop_{false};
  std::atomic<uint64_t> next_{0};
  Clock::time_point start_;
  Clock::time_point deadline_;
  double seconds_per_request_ = 0;  // with a rate
};

}  // namespace weft::loadgen
