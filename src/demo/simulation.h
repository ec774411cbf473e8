// Simulation: the simulated shop as a pure function from (seed, request number) to telemetry.
//
// User requests arrive at `rate` per second of simulated time: request n starts at a random
// point of its slot [start_time + n/rate, start_time + (n+1)/rate). Each request is a checkout
// (50%), an order lookup (30%) or a product search (20%) by one of 1000 customers, in prod (80%)
// or staging; its spans and log records, and those of the notification traces it causes, are
// built by services.h. Request n's content depends only on (seed, start_time, rate, n), never on
// how requests are grouped into calls, so a seed reproduces a run exactly.
//
// No I/O and no clocks. Thread-safe: generate() only reads the Simulation.
#pragma once

#include <cstdint>
#include <string>

#include "common/time.h"
#include "demo/episodes.h"
#include "demo/topology.h"
#include "model/log_record.h"
#include "model/span.h"

namespace weft::demo {

struct SimulationOptions {
  uint64_t seed = 1;
  UnixNanos start_time = 0;  // simulated time of request 0's slot
  double rate = 20;          // user requests (traces) per second of simulated time; > 0
  std::string tenant;        // written into the batches
  EpisodeTiming episodes;    // slow-database episodes
};

// The telemetry of a run of consecutive requests.
struct Traffic {
  SpanBatch spans;
  LogBatch logs;
  uint64_t requests = 0;       // user requests (each one trace, plus notification traces)
  uint64_t traces = 0;         // traces, notification traces included
  uint64_t failed_requests = 0;  // requests the gateway answered with a 5xx
};

class Simulation {
 public:
  explicit Simulation(SimulationOptions options);

  // The telemetry of requests first .. first+count-1.
  Traffic generate(uint64_t first, uint64_t count) const;
  // Adds request n's telemetry to `out`.
  void generate_request(uint64_t n, Traffic& out) const;

  // The start of request n's slot.
  UnixNanos slot_start(uint64_t n) const;
  const EpisodeSchedule& episodes() const { return episodes_; }
  const SimulationOptions& options() const { return options_; }

 private:
  SimulationOptions options_;
  Topology topology_;
  EpisodeSchedule episodes_;
};

}  // namespace weft::demo
