#include "demo/episodes.h"

#include "demo/random.h"

namespace weft::demo {

namespace {

// The services that own a PostgreSQL database.
constexpr ServiceId kDatabaseOwners[] = {ServiceId::kOrders, ServiceId::kPayment,
                                         ServiceId::kInventory, ServiceId::kShipping};

}  // namespace

EpisodeSchedule::EpisodeSchedule(uint64_t seed, UnixNanos origin, EpisodeTiming timing)
    : seed_(seed), origin_(origin), timing_(timing) {}

SlowDbEpisode EpisodeSchedule::episode(uint64_t n) const {
  Random rng = Random::for_item(seed_ ^ 0xE915'0DE5ull, n);
  SlowDbEpisode e;
  e.number = n;
  e.service = kDatabaseOwners[rng.below(std::size(kDatabaseOwners))];
  e.env = rng.chance(0.75) ? Environment::kProd : Environment::kStaging;
  e.start = origin_ + (timing_.first_after + static_cast<int64_t>(n) * timing_.period).count();
  e.end = e.start + timing_.length.count();
  e.extra_median_ms = rng.uniform(120.0, 400.0);
  return e;
}

std::optional<SlowDbEpisode> EpisodeSchedule::active(ServiceId service, Environment env,
                                                     UnixNanos t) const {
  UnixNanos since_first = t - origin_ - timing_.first_after.count();
  if (since_first < 0) return std::nullopt;
  SlowDbEpisode e = episode(static_cast<uint64_t>(since_first / timing_.period.count()));
  if (e.service != service || e.env != env || t < e.start || t >= e.end) return std::nullopt;
  return e;
}

}  // namespace weft::demo
