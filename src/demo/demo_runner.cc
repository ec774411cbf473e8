#include "demo/demo_runner.h"

#include <algorithm>
#include <cmath>

#include "common/log.h"
#include "demo/otlp_http_sender.h"
#include "otlp/otlp_encode.h"

namespace weft::demo {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

bool retryable(int status) { return status == 429 || status == 502 || status == 503 || status == 504; }

// 100 ms, 200 ms, 400 ms, ... up to 1.6 s.
milliseconds backoff(int attempt) {
  return milliseconds(100) * (1 << std::min(attempt - 1, 4));
}

// The number of request slots begun `elapsed` into the run.
uint64_t slots_begun(double rate, Clock::duration elapsed) {
  double seconds = std::chrono::duration<double>(elapsed).count();
  return static_cast<uint64_t>(std::floor(rate * seconds));
}

}  // namespace

// POSTs encoded batches with retries, counting the outcome in the runner's summary.
class DemoRunner::Delivery {
 public:
  Delivery(DemoRunner& runner, HttpEndpoint endpoint)
      : runner_(runner),
        sender_(std::move(endpoint), runner.options_.tenant, runner.options_.request_timeout) {}

  // True when the server acknowledged `body` (a 2xx).
  bool post(std::string_view path, const std::string& body) {
    const DemoOptions& o = runner_.options_;
    for (int attempt = 1;; ++attempt) {
      Result<PostResponse> response = sender_.post(path, body);
      if (response.is_ok() && response->status / 100 == 2) return true;
      bool again = !response.is_ok() || retryable(response->status);
      std::string why = response.is_ok() ? "HTTP " + std::to_string(response->status)
                                         : response.status().message();
      if (!again || attempt >= o.max_attempts || runner_.stopping()) {
        log::warn("demo: giving up on a batch",
                  {{"path", path}, {"attempts", attempt}, {"error", why},
                   {"response", response.is_ok() ? response->body.substr(0, 200) : ""}});
        return false;
      }
      milliseconds wait = backoff(attempt);
      if (response.is_ok() && response->retry_after)
        wait = std::chrono::duration_cast<milliseconds>(*response->retry_after);
      wait = std::min(wait, o.max_retry_wait);
      log::debug("demo: retrying", {{"path", path}, {"error", why}, {"wait_ms", wait.count()}});
      runner_.summary_.retries += 1;
      if (!runner_.wait_until(Clock::now() + wait)) return false;
    }
  }

 private:
  DemoRunner& runner_;
  OtlpHttpSender sender_;
};

DemoRunner::DemoRunner(DemoOptions options) : options_(std::move(options)) {}

void DemoRunner::stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
}

bool DemoRunner::wait_until(Clock::time_point deadline) {
  std::unique_lock lock(mu_);
  return !wake_.wait_until(lock, deadline, [this] { return stop_.load(); });
}

bool DemoRunner::send_requests(const Simulation& sim, Delivery& delivery, uint64_t first,
                               uint64_t end) {
  for (uint64_t n = first; n < end && !stopping();) {
    uint64_t count = std::min(options_.max_requests_per_post, end - n);
    Traffic traffic = sim.generate(n, count);
    n += count;
    summary_.requests += traffic.requests;
    summary_.failed_requests += traffic.failed_requests;
    summary_.traces += traffic.traces;
    bool spans_ok = delivery.post("/v1/traces", otlp::encode_spans_proto(traffic.spans));
    (spans_ok ? summary_.spans_sent : summary_.spans_dropped) += traffic.spans.spans.size();
    bool logs_ok = delivery.post("/v1/logs", otlp::encode_logs_proto(traffic.logs));
    (logs_ok ? summary_.logs_sent : summary_.logs_dropped) += traffic.logs.records.size();
    summary_.posts += spans_ok + logs_ok;
    summary_.posts_failed += !spans_ok + !logs_ok;
  }
  return !stopping();
}

void DemoRunner::log_progress(Clock::time_point now) {
  if (options_.progress_interval.count() <= 0 || now < next_progress_) return;
  next_progress_ = now + options_.progress_interval;
  log::info("demo: progress", {{"requests", summary_.requests},
                               {"failed_requests", summary_.failed_requests},
                               {"spans_sent", summary_.spans_sent},
                               {"logs_sent", summary_.logs_sent},
                               {"posts_failed", summary_.posts_failed}});
}

Result<DemoSummary> DemoRunner::run() {
  auto endpoint = parse_http_endpoint(options_.endpoint);
  if (!endpoint.is_ok()) return endpoint.status();
  if (!(options_.rate > 0) || !std::isfinite(options_.rate))
    return Status::invalid("rate must be a positive number of traces per second");
  SimulationOptions sim_options;
  sim_options.seed = options_.seed;
  sim_options.rate = options_.rate;
  sim_options.tenant = options_.tenant;
  sim_options.start_time = options_.start_time != 0
                               ? options_.start_time
                               : now_unix_nanos() - milliseconds(options_.start_lag).count() *
                                                        1'000'000;
  Simulation sim(sim_options);
  Delivery delivery(*this, *std::move(endpoint));

  const Clock::time_point started = Clock::now();
  next_progress_ = started + options_.progress_interval;
  const uint64_t max_lag_requests = std::max<uint64_t>(
      1, slots_begun(options_.rate, options_.max_lag));
  uint64_t produced = 0;
  while (!stopping()) {
    Clock::duration elapsed = Clock::now() - started;
    bool last = options_.duration && elapsed >= *options_.duration;
    if (last) elapsed = *options_.duration;
    uint64_t due = slots_begun(options_.rate, elapsed);
    if (due - produced > max_lag_requests) {
      uint64_t skip = due - produced - max_lag_requests;
      log::warn("demo: delivery is falling behind; skipping requests", {{"skipped", skip}});
      summary_.requests_skipped += skip;
      produced += skip;
    }
    if (!send_requests(sim, delivery, produced, due) || last) break;
    produced = due;
    log_progress(Clock::now());
    if (!wait_until(Clock::now() + options_.tick)) break;
  }
  return summary_;
}

}  // namespace weft::demo
