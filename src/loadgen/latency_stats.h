// LatencyRecorder: collects acknowledgement latencies (one per request) and summarises them
// as percentiles. Exact (all samples kept: 8 bytes per request). Not thread-safe: one per
// connection thread, merged at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

namespace weft::loadgen {

struct LatencySummary {
  uint64_t count = 0;
  double p50_ms = 0, p90_ms = 0, p99_ms = 0, max_ms = 0;
};

class LatencyRecorder {
 public:
  void add(std::chrono::nanoseconds latency) { samples_.push_back(latency.count()); }
  void merge(const LatencyRecorder& other);
  // Nearest-rank percentiles; all zero when there are no samples.
  LatencySummary summarize() const;
  size_t size() const { return samples_.size(); }

 private:
  std::vector<int64_t> samples_;  // nanoseconds
};

}  // namespace weft::loadgen
