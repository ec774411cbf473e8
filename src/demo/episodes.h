// EpisodeSchedule: when the simulated shop's databases have a bad time.
//
// Every `period` of simulated time, starting `first_after` into the run, one service's
// PostgreSQL database in one environment turns slow for `length` (lock contention): its
// queries wait a long-tailed extra delay, hundreds of milliseconds around `extra_median_ms`,
// and some hit the statement timeout. Which service, which environment and how
// slow are drawn from the run's seed, so a seed gives the same episodes. The defaults (first
// after 20 s, then every 3 minutes, 30 s long) put one episode into a one-minute run.
// Immutable; safe to share between threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "common/time.h"
#include "demo/topology.h"

namespace weft::demo {

struct SlowDbEpisode {
  uint64_t number = 0;  // 0 for the first episode of the run
  ServiceId service = ServiceId::kOrders;
  Environment env = Environment::kProd;
  UnixNanos start = 0;
  UnixNanos end = 0;
  double extra_median_ms = 0;  // median of the delay added to each query
};

struct EpisodeTiming {
  std::chrono::nanoseconds first_after = std::chrono::seconds(20);
  std::chrono::nanoseconds period = std::chrono::minutes(3);
  std::chrono::nanoseconds length = std::chrono::seconds(30);
};

class EpisodeSchedule {
 public:
  EpisodeSchedule(uint64_t seed, UnixNanos origin, EpisodeTiming timing = {});

  // Episode number `n` of the run.
  SlowDbEpisode episode(uint64_t n) const;
  // The episode slowing the database of `service` in `env` at time t, if any.
  std::optional<SlowDbEpisode> active(ServiceId service, Environment env, UnixNanos t) const;

 private:
  uint64_t seed_;
  UnixNanos origin_;
  EpisodeTiming timing_;
};

}  // namespace weft::demo
