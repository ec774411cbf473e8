// DemoRunner: paces the simulated shop's telemetry (simulation.h) in real time and delivers it
// to an OTLP/HTTP endpoint (otlp_http_sender.h).
//
// Every `tick` it generates the user requests whose slots have begun since the run started
// (rate x elapsed seconds, in order: request n always carries the same content for a seed),
// encodes their spans and log records as OTLP protobuf and POSTs them to /v1/traces and
// /v1/logs, at most `max_requests_per_post` requests' worth per POST. 429 and 503 (and 502,
// 504, lost connections) are retried up to `max_attempts` times, waiting as Retry-After says
// (capped at `max_retry_wait`) or with exponential back-off; a POST that still fails is
// dropped and counted. If delivery falls more than `max_lag` behind, the requests in between
// are skipped (and counted) instead of piling up.
//
// run() blocks until `duration` has passed (all of its requests sent) or stop() is called.
// stop() may be called from any thread (a signal-waiting thread, a test).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "common/status.h"
#include "common/time.h"
#include "demo/simulation.h"

namespace weft::demo {

struct DemoOptions {
  std::string endpoint = "http://127.0.0.1:4318";
  std::string tenant;  // sent as X-Scope-OrgID when not empty
  double rate = 20;    // user requests (traces) per second; > 0
  std::optional<std::chrono::milliseconds> duration;  // none: until stop()
  uint64_t seed = 1;
  // Simulated time of request 0; 0 means "now minus start_lag", so spans have mostly ended by
  // the time they are sent, as with a batching exporter.
  UnixNanos start_time = 0;
  std::chrono::milliseconds start_lag{5000};
  std::chrono::milliseconds tick{200};
  uint64_t max_requests_per_post = 250;
  int max_attempts = 5;
  std::chrono::milliseconds max_retry_wait{5000};
  std::chrono::milliseconds request_timeout{10000};
  std::chrono::milliseconds max_lag{10000};
  std::chrono::milliseconds progress_interval{10000};  // progress log lines; 0 = none
};

struct DemoSummary {
  uint64_t requests = 0;         // user requests generated
  uint64_t failed_requests = 0;  // of which the simulated shop answered with a 5xx
  uint64_t traces = 0;           // traces generated, notification traces included
  uint64_t spans_sent = 0;       // acknowledged by the server
  uint64_t logs_sent = 0;
  uint64_t spans_dropped = 0;    // in POSTs that failed for good
  uint64_t logs_dropped = 0;
  uint64_t posts = 0;            // POSTs acknowledged
  uint64_t posts_failed = 0;     // POSTs given up on
  uint64_t retries = 0;
  uint64_t requests_skipped = 0;  // never generated because delivery fell behind
};

class DemoRunner {
 public:
  explicit DemoRunner(DemoOptions options);

  // kInvalidArgument for a bad endpoint or rate; otherwise the summary of the run.
  Result<DemoSummary> run();
  // Ends run() soon: after the POST in flight (no further retries). Thread-safe.
  void stop();

 private:
  class Delivery;

  // Generates and delivers requests [first, end); false once stopped.
  bool send_requests(const Simulation& sim, Delivery& delivery, uint64_t first, uint64_t end);
  void log_progress(std::chrono::steady_clock::time_point now);
  // Sleeps until `deadline` or stop(); false when stopped.
  bool wait_until(std::chrono::steady_clock::time_point deadline);
  bool stopping() const { return stop_.load(); }

  DemoOptions options_;
  DemoSummary summary_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::condition_variable wake_;
  std::chrono::steady_clock::time_point next_progress_;
};

}  // namespace weft::demo
