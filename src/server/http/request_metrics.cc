#include "server/http/request_metrics.h"

namespace weft::server {

EndpointMetrics::EndpointMetrics(std::string endpoint)
    : endpoint_(std::move(endpoint)),
      duration_(MetricsRegistry::global().histogram(
          "weft_http_request_duration_seconds",
          "Time from a complete HTTP request to its response, by endpoint.",
          latency_buckets_seconds(), {{"endpoint", endpoint_}})) {}

Counter& EndpointMetrics::counter_for(unsigned code) {
  std::lock_guard lock(mu_);
  Counter*& slot = by_code_[code];
  if (!slot)
    slot = &MetricsRegistry::global().counter(
        "weft_http_requests_total", "HTTP requests answered, by endpoint and status code.",
        {{"endpoint", endpoint_}, {"code", std::to_string(code)}});
  return *slot;
}

void EndpointMetrics::record(unsigned code, std::chrono::steady_clock::duration elapsed) {
  counter_for(code).add();
  duration_.observe(std::chrono::duration<double>(elapsed).count());
}

}  // namespace weft::server
