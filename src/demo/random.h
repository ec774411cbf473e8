// Random: the demo's deterministic source of randomness.
//
// A thin layer over std::mt19937_64 whose derived draws (uniform, normal, log-normal, choice)
// are computed here from the raw 64-bit outputs, not through <random>'s distributions, whose
// results differ between standard libraries: a seed gives the same numbers everywhere.
// Not thread-safe: one Random per trace being built.
#pragma once

#include <cstdint>
#include <random>
#include <string_view>
#include <vector>

namespace weft::demo {

// SplitMix64 finaliser: a well-mixed 64-bit function of x, for deriving seeds.
uint64_t mix64(uint64_t x);

// A 64-bit FNV-1a hash of text (stable across platforms, unlike std::hash).
uint64_t stable_hash(std::string_view text);

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  // The stream for item `index` of a run seeded with `seed`: items are independent of the
  // order and batching in which they are generated.
  static Random for_item(uint64_t seed, uint64_t index);

  uint64_t next() { return engine_(); }
  // Uniform in [0, 1).
  double uniform();
  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n); n > 0.
  uint64_t below(uint64_t n) { return next() % n; }
  // Uniform integer in [lo, hi], inclusive.
  int64_t between(int64_t lo, int64_t hi);
  // True with probability p.
  bool chance(double p) { return uniform() < p; }
  // Standard normal (Box-Muller).
  double normal();
  // Log-normal with the given median and shape sigma: median * exp(sigma * N(0,1)).
  double lognormal(double median, double sigma);
  // Index picked with probability proportional to its weight; weights non-negative, sum > 0.
  size_t weighted(const std::vector<double>& weights);

  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace weft::demo
