// EndpointMetrics: the request metrics of one route (or of "other" for unmatched paths):
//   weft_http_requests_total{endpoint,code}
//   weft_http_request_duration_seconds{endpoint}   from the complete request to its response
//
// Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "common/metrics.h"

namespace weft::server {

class EndpointMetrics {
 public:
  explicit EndpointMetrics(std::string endpoint);

  void record(unsigned code, std::chrono::steady_clock::duration elapsed);
  const std::string& endpoint() const { return endpoint_; }

 private:
  Counter& counter_for(unsigned code);

  std::string endpoint_;
  Histogram& duration_;
  std::mutex mu_;
  std::map<unsigned, Counter*> by_code_;  // guarded by mu_
};

}  // namespace weft::server
