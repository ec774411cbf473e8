// StepMatrix: the value of a metric expression at every step of a query - one row of values
// per series, dense over the steps, with a presence flag per value (a series may have no
// sample at a step). A scalar (a literal) is a matrix of one unlabelled, always-present row.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "common/time.h"
#include "query/logql/labels.h"

namespace weft::logql {

// The evaluation times: start, start+step, ..., <= end; one time (end) for an instant query.
struct StepGrid {
  UnixNanos start = 0;
  UnixNanos end = 0;
  int64_t step = 0;  // 0: instant

  size_t size() const { return step <= 0 ? 1 : static_cast<size_t>((end - start) / step) + 1; }
  UnixNanos at(size_t i) const { return step <= 0 ? end : start + static_cast<int64_t>(i) * step; }
};

struct StepSeries {
  LabelSet labels;
  std::vector<double> values;
  std::vector<uint8_t> present;

  StepSeries() = default;
  StepSeries(LabelSet l, size_t steps) : labels(std::move(l)), values(steps, 0.0), present(steps, 0) {}
  void set(size_t i, double v) {
    values[i] = v;
    present[i] = 1;
  }
  bool any() const {
    for (uint8_t p : present)
      if (p) return true;
    return false;
  }
};

enum class ResultOrder { kByLabels, kValueAscending, kValueDescending };

struct StepMatrix {
  std::vector<StepSeries> series;
  bool scalar = false;
  ResultOrder order = ResultOrder::kByLabels;  // how an instant result is ordered

  static StepMatrix constant(double value, size_t steps, bool scalar) {
    StepMatrix m;
    m.scalar = scalar;
    m.series.emplace_back(LabelSet{}, steps);
    for (size_t i = 0; i < steps; ++i) m.series[0].set(i, value);
    return m;
  }
};

// Approximate bytes held by one series of `steps` values (for the memory budget).
inline uint64_t series_bytes(const LabelSet& labels, size_t steps) {
  uint64_t n = 96 + steps * 9;
  for (const auto& l : labels) n += l.name.size() + l.value.size() + 64;
  return n;
}

}  // namespace weft::logql
