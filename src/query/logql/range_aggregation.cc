// Range aggregations: one scan of the log range feeding every step's window (t-range, t].
//
// The additive operations (count_over_time, rate, bytes_over_time, bytes_rate,
// sum_over_time, avg_over_time) never keep samples: a sample at time ts belongs to the
// contiguous run of steps whose window holds it, so it is added once to a difference array
// of its series (O(1) per sample, whatever range/step). The others keep their series'
// samples and slide a window over them.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <unordered_map>
#include <unordered_set>

#include "query/logql/label_filter.h"
#include "query/logql/metric_eval.h"
#include "query/logql/pipeline.h"
#include "query/logql/units.h"

namespace weft::logql {

namespace {

enum class Op {
  kCount, kRate, kBytes, kBytesRate, kSum, kAvg, kMin, kMax, kStddev, kStdvar, kQuantile,
  kFirst, kLast, kAbsent, kRateCounter
};

Op op_of(const std::string& name) {
  static const std::pair<const char*, Op> kOps[] = {
      {"count_over_time", Op::kCount}, {"rate", Op::kRate}, {"bytes_over_time", Op::kBytes},
      {"bytes_rate", Op::kBytesRate}, {"sum_over_time", Op::kSum}, {"avg_over_time", Op::kAvg},
      {"min_over_time", Op::kMin}, {"max_over_time", Op::kMax}, {"stddev_over_time", Op::kStddev},
      {"stdvar_over_time", Op::kStdvar}, {"quantile_over_time", Op::kQuantile},
      {"first_over_time", Op::kFirst}, {"last_over_time", Op::kLast},
      {"absent_over_time", Op::kAbsent}, {"rate_counter", Op::kRateCounter}};
  for (const auto& [n, op] : kOps)
    if (name == n) return op;
  return Op::kCount;
}

bool additive(Op op) {
  return op == Op::kCount || op == Op::kRate || op == Op::kBytes || op == Op::kBytesRate ||
         op == Op::kSum || op == Op::kAvg || op == Op::kAbsent;
}

struct Accumulator {
  LabelSet labels;
  std::vector<double> sum_diff;     // additive ops: n+1 entries
  std::vector<int64_t> count_diff;  // every op: n+1 entries (window sample counts)
  std::vector<std::pair<UnixNanos, double>> samples;  // other ops
};

std::string pipeline_error(const LabelSet& labels, std::string_view error) {
  std::string e(error);
  return "pipeline error: '" + e + "' for series: '" + labels.to_string() +
         "'.\nUse a label filter to intentionally skip this error. (e.g | __error__!=\"" + e +
         "\").\nTo skip all potential errors you can match empty errors.(e.g __error__=\"\")\n"
         "The label filter can also be specified after unwrap. (e.g | unwrap latency | __error__=\"\" )\n";
}

double quantile(double q, std::vector<double>& values) {
  if (values.empty()) return NAN;
  if (q < 0) return -INFINITY;
  if (q > 1) return INFINITY;
  std::sort(values.begin(), values.end());
  double rank = q * static_cast<double>(values.size() - 1);
  size_t lower = static_cast<size_t>(std::floor(rank));
  size_t upper = std::min(lower + 1, values.size() - 1);
  double weight = rank - static_cast<double>(lower);
  return values[lower] * (1 - weight) + values[upper] * weight;
}

// Prometheus's extrapolated counter rate over one window.
std::optional<double> counter_rate(const std::pair<UnixNanos, double>* s, size_t n, UnixNanos range_start,
                                   UnixNanos range_end, double range_seconds) {
  if (n < 2) return std::nullopt;
  double result = s[n - 1].second - s[0].second;
  for (size_t i = 1; i < n; ++i)
    if (s[i].second < s[i - 1].second) result += s[i - 1].second;
  double to_start = static_cast<double>(s[0].first - range_start) / 1e9;
  double to_end = static_cast<double>(range_end - s[n - 1].first) / 1e9;
  double sampled = static_cast<double>(s[n - 1].first - s[0].first) / 1e9;
  if (sampled <= 0) return std::nullopt;
  double average = sampled / static_cast<double>(n - 1);
  if (result > 0 && s[0].second >= 0) {
    double to_zero = sampled * (s[0].second / result);
    if (to_zero < to_start) to_start = to_zero;
  }
  double threshold = average * 1.1;
  double interval = sampled;
  interval += to_start < threshold ? to_start : average / 2;
  interval += to_end < threshold ? to_end : average / 2;
  return result * (interval / sampled) / range_seconds;
}

class RangeEvaluator {
 public:
  RangeEvaluator(const RangeAggregation& agg, const StepGrid& grid, EvalContext& ctx, const Grouping* grouping)
      : agg_(agg), grid_(grid), ctx_(ctx), op_(op_of(agg.op)), grouping_(grouping), steps_(grid.size()) {}

  Result<StepMatrix> run() {
    auto pipeline = Pipeline::compile(agg_.range.selector.stages);
    if (!pipeline.is_ok()) return pipeline.status();
    pipeline_ = std::move(*pipeline);
    if (agg_.range.unwrap) {
      auto post = compile_label_filters(agg_.range.unwrap->post_filters);
      if (!post.is_ok()) return post.status();
      post_filters_ = std::move(*post);
    }
    auto matchers = LabelMatcher::compile_all(agg_.range.selector.matchers);
    if (!matchers.is_ok()) return matchers.status();

    ScanRequest request;
    request.tenant = ctx_.tenant;
    int64_t off = agg_.range.offset_nanos;
    request.start = grid_.at(0) - off - agg_.range.range_nanos + 1;
    request.end = grid_.at(steps_ - 1) - off + 1;
    request.matchers = std::move(*matchers);
    request.line_contains = pipeline_->required_substrings();
    if (op_ == Op::kAbsent) absent_.assign(steps_ + 1, 0);
    ScanStats scan_stats;
    request.stats = &scan_stats;

    LineState state;
    Status status;
    Status scanned = ctx_.source.scan(request, ctx_.control, [&](const LogRow& row) {
      status = visit(row, state);
      return status.is_ok();
    });
    ctx_.stats.lines_processed += scan_stats.rows;
    ctx_.stats.bytes_processed += scan_stats.bytes;
    ctx_.stats.streams_matched += by_stream_seen_.size();
    WEFT_RETURN_IF_ERROR(scanned);
    WEFT_RETURN_IF_ERROR(status);
    if (pipeline_error_) return Status::invalid(pipeline_error_->second);
    return op_ == Op::kAbsent ? finish_absent() : finish();
  }

 private:
  Status visit(const LogRow& row, LineState& state) {
    if (row.stream != last_stream_) {
      by_stream_seen_.insert(row.stream);
      last_stream_ = row.stream;
    }
    size_t lo, hi;
    if (!window_steps(row.time, lo, hi)) return Status::ok();
    state.time = row.time;
    state.line = row.line;
    state.labels.reset(row);
    if (!pipeline_->run(state)) return Status::ok();
    double value = 1;
    if (op_ == Op::kBytes || op_ == Op::kBytesRate) value = static_cast<double>(state.line.size());
    if (agg_.range.unwrap && !unwrap_value(state, value)) return Status::ok();
    ctx_.stats.post_filter_lines++;
    if (state.labels.has_error()) {
      note_pipeline_error(row.time, pipeline_error(state.labels.labels(), *state.labels.get(kErrorLabel)));
      return Status::ok();
    }
    auto acc = accumulator(state, row.stream);
    if (!acc.is_ok()) return acc.status();
    add(**acc, row.time, value, lo, hi);
    return Status::ok();
  }

  // The steps whose window (t-off-range, t-off] holds time `ts`.
  bool window_steps(UnixNanos ts, size_t& lo, size_t& hi) const {
    int64_t off = agg_.range.offset_nanos, range = agg_.range.range_nanos;
    if (grid_.step <= 0) {
      lo = hi = 0;
      return ts + off <= grid_.end && grid_.end < ts + off + range;
    }
    int64_t a = ts + off - grid_.start;
    int64_t b = ts + off + range - grid_.start;
    if (b <= 0) return false;
    int64_t first = a <= 0 ? 0 : (a + grid_.step - 1) / grid_.step;
    int64_t last = std::min<int64_t>((b - 1) / grid_.step, static_cast<int64_t>(steps_) - 1);
    if (first > last) return false;
    lo = static_cast<size_t>(first);
    hi = static_cast<size_t>(last);
    return true;
  }

  // Reads the unwrapped label; false drops the sample.
  bool unwrap_value(LineState& state, double& value) {
    const Unwrap& u = *agg_.range.unwrap;
    auto text = state.labels.get(u.label);
    if (!text || text->empty()) return false;
    std::string v(*text);
    Status error;
    if (u.conversion.empty()) {
      auto f = parse_go_float(v);
      if (f.is_ok()) value = *f;
      else error = f.status();
    } else if (u.conversion == "bytes") {
      auto b = parse_bytes(v);
      if (b.is_ok()) value = static_cast<double>(*b);
      else error = b.status();
    } else {
      auto d = parse_go_duration(v);
      if (d.is_ok()) value = static_cast<double>(*d) / 1e9;
      else error = d.status();
    }
    if (!error.is_ok()) {
      state.labels.set_error(kSampleExtractionError, error.message());
      value = 0;
    }
    state.labels.erase(u.label);
    for (auto& f : post_filters_)
      if (!f->process(state)) return false;
    return true;
  }

  // Keeps the error of the earliest erroring record (ties: the smaller message), so the query
  // fails with the same error whatever order the source reads records in.
  void note_pipeline_error(UnixNanos time, std::string message) {
    std::pair<UnixNanos, std::string> candidate{time, std::move(message)};
    if (!pipeline_error_ || candidate < *pipeline_error_) pipeline_error_ = std::move(candidate);
  }

  Result<Accumulator*> accumulator(LineState& state, const Stream* stream) {
    bool per_stream = stream_keyed(*stream);
    if (per_stream) {
      auto cached = by_stream_.find(stream);
      if (cached != by_stream_.end()) return &accs_[cached->second];
    }
    LabelSet key = key_of(state);
    auto [it, added] = index_.try_emplace(key, accs_.size());
    if (added) {
      WEFT_RETURN_IF_ERROR(ctx_.control.charge(series_bytes(key, steps_) + (additive(op_) ? steps_ * 8 : 0)));
      Accumulator acc;
      acc.labels = std::move(key);
      acc.count_diff.assign(steps_ + 1, 0);
      if (additive(op_)) acc.sum_diff.assign(steps_ + 1, 0);
      accs_.push_back(std::move(acc));
    }
    if (per_stream) by_stream_[stream] = it->second;
    return &accs_[it->second];
  }

  // Whether a row's series key depends on its stream only: no pipeline, no unwrap, and a
  // `by` grouping whose labels this stream has (else structured metadata could hold them).
  bool stream_keyed(const Stream& stream) const {
    if (!pipeline_->empty() || agg_.range.unwrap || !grouping_ || grouping_->without) return false;
    for (const auto& name : grouping_->labels)
      if (!stream.labels.has(name)) return false;
    return true;
  }

  LabelSet key_of(LineState& state) {
    if (!grouping_) return state.labels.labels();
    if (grouping_->without) return group_labels(state.labels.labels(), *grouping_);
    std::vector<Label> kept;
    for (const auto& name : grouping_->labels) {
      auto v = state.labels.get(name);
      if (v && !v->empty()) kept.push_back({name, std::string(*v)});
    }
    return LabelSet(std::move(kept));
  }

  void add(Accumulator& acc, UnixNanos ts, double value, size_t lo, size_t hi) {
    acc.count_diff[lo] += 1;
    acc.count_diff[hi + 1] -= 1;
    if (additive(op_)) {
      acc.sum_diff[lo] += value;
      acc.sum_diff[hi + 1] -= value;
    } else {
      acc.samples.emplace_back(ts, value);
      (void)ctx_.control.charge(16);
    }
    if (op_ == Op::kAbsent) {
      absent_[lo] += 1;
      absent_[hi + 1] -= 1;
    }
  }

  Result<StepMatrix> finish() {
    StepMatrix out;
    double range_s = static_cast<double>(agg_.range.range_nanos) / 1e9;
    for (auto& acc : accs_) {
      StepSeries s(std::move(acc.labels), steps_);
      if (additive(op_)) finish_additive(acc, s, range_s);
      else finish_samples(acc, s, range_s);
      if (s.any()) out.series.push_back(std::move(s));
      WEFT_RETURN_IF_ERROR(ctx_.control.check());
    }
    return out;
  }

  void finish_additive(const Accumulator& acc, StepSeries& s, double range_s) const {
    double sum = 0;
    int64_t count = 0;
    for (size_t i = 0; i < steps_; ++i) {
      sum += acc.sum_diff[i];
      count += acc.count_diff[i];
      if (count <= 0) continue;
      switch (op_) {
        case Op::kCount: s.set(i, static_cast<double>(count)); break;
        case Op::kRate:
          s.set(i, (agg_.range.unwrap ? sum : static_cast<double>(count)) / range_s);
          break;
        case Op::kBytes: case Op::kSum: s.set(i, sum); break;
        case Op::kBytesRate: s.set(i, sum / range_s); break;
        case Op::kAvg: s.set(i, sum / static_cast<double>(count)); break;
        default: break;
      }
    }
  }

  void finish_samples(Accumulator& acc, StepSeries& s, double range_s) const {
    auto& samples = acc.samples;
    std::stable_sort(samples.begin(), samples.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t begin = 0, end = 0;
    std::vector<double> scratch;
    for (size_t i = 0; i < steps_; ++i) {
      UnixNanos window_end = grid_.at(i) - agg_.range.offset_nanos;
      UnixNanos window_start = window_end - agg_.range.range_nanos;
      while (end < samples.size() && samples[end].first <= window_end) ++end;
      while (begin < end && samples[begin].first <= window_start) ++begin;
      if (begin >= end) continue;
      auto value = window_value(&samples[begin], end - begin, window_start, window_end, range_s, scratch);
      if (value) s.set(i, *value);
    }
  }

  std::optional<double> window_value(const std::pair<UnixNanos, double>* w, size_t n, UnixNanos start,
                                     UnixNanos end, double range_s, std::vector<double>& scratch) const {
    switch (op_) {
      case Op::kMin: {
        double m = w[0].second;
        for (size_t k = 1; k < n; ++k) m = std::isnan(m) || w[k].second < m ? w[k].second : m;
        return m;
      }
      case Op::kMax: {
        double m = w[0].second;
        for (size_t k = 1; k < n; ++k) m = std::isnan(m) || w[k].second > m ? w[k].second : m;
        return m;
      }
      case Op::kStddev: case Op::kStdvar: {
        double mean = 0;
        for (size_t k = 0; k < n; ++k) mean += w[k].second;
        mean /= static_cast<double>(n);
        double var = 0;
        for (size_t k = 0; k < n; ++k) var += (w[k].second - mean) * (w[k].second - mean);
        var /= static_cast<double>(n);
        return op_ == Op::kStdvar ? var : std::sqrt(var);
      }
      case Op::kQuantile:
        scratch.clear();
        for (size_t k = 0; k < n; ++k) scratch.push_back(w[k].second);
        return quantile(*agg_.param, scratch);
      case Op::kFirst: return w[0].second;
      case Op::kLast: return w[n - 1].second;
      case Op::kRateCounter: return counter_rate(w, n, start, end, range_s);
      default: return std::nullopt;
    }
  }

  // absent_over_time: 1 at the steps where no series had a sample, labelled with the
  // selector's equality matchers.
  Result<StepMatrix> finish_absent() const {
    std::vector<Label> labels;
    for (const auto& m : agg_.range.selector.matchers) {
      if (m.type != MatchType::kEqual) continue;
      bool repeated = false;
      for (const auto& other : agg_.range.selector.matchers)
        if (&other != &m && other.name == m.name) repeated = true;
      if (!repeated) labels.push_back({m.name, m.value});
    }
    StepMatrix out;
    StepSeries s(LabelSet(std::move(labels)), steps_);
    int64_t count = 0;
    for (size_t i = 0; i < steps_; ++i) {
      count += absent_[i];
      if (count <= 0) s.set(i, 1);
    }
    if (s.any()) out.series.push_back(std::move(s));
    return out;
  }

  const RangeAggregation& agg_;
  const StepGrid& grid_;
  EvalContext& ctx_;
  Op op_;
  const Grouping* grouping_;
  size_t steps_;
  std::unique_ptr<Pipeline> pipeline_;
  std::vector<std::unique_ptr<PipelineStage>> post_filters_;
  std::vector<Accumulator> accs_;
  std::unordered_map<LabelSet, size_t, LabelSetHash> index_;
  std::unordered_map<const Stream*, size_t> by_stream_;
  std::vector<int64_t> absent_;
  std::unordered_set<const Stream*> by_stream_seen_;
  std::optional<std::pair<UnixNanos, std::string>> pipeline_error_;
  const Stream* last_stream_ = nullptr;
};

}  // namespace

bool can_push_sum_into(const RangeAggregation& agg) {
  if (agg.grouping) return false;
  Op op = op_of(agg.op);
  return op == Op::kCount || op == Op::kRate || op == Op::kBytes || op == Op::kBytesRate || op == Op::kSum;
}

Result<StepMatrix> evaluate_range_aggregation(const RangeAggregation& agg, const StepGrid& grid,
                                              EvalContext& ctx, const Grouping* pushdown) {
  const Grouping* grouping = pushdown ? pushdown : (agg.grouping ? &*agg.grouping : nullptr);
  return RangeEvaluator(agg, grid, ctx, grouping).run();
}

LabelSet group_labels(const LabelSet& labels, const Grouping& g) {
  std::vector<Label> kept;
  for (const auto& l : labels) {
    bool listed = std::find(g.labels.begin(), g.labels.end(), l.name) != g.labels.end();
    if (listed != g.without) kept.push_back(l);
  }
  return LabelSet(std::move(kept));
}

}  // namespace weft::logql
