#include "query/logql/log_query.h"

#include <algorithm>
#include <map>

#include "query/logql/pipeline.h"

namespace weft::logql {

namespace {

struct Candidate {
  UnixNanos time;
  uint64_t order;  // scan position: earlier wins ties
  LabelSet stream;
  LogEntry entry;
};

// Orders candidates best first: newer (backward) or older (forward), then earlier scanned.
struct Better {
  bool backward;
  bool operator()(const Candidate& a, const Candidate& b) const {
    if (a.time != b.time) return backward ? a.time > b.time : a.time < b.time;
    return a.order < b.order;
  }
};

class TopEntries {
 public:
  TopEntries(size_t limit, Direction direction, QueryControl& control)
      : limit_(limit), better_{direction == Direction::kBackward}, control_(control) {}

  bool would_accept(UnixNanos t) const {
    if (heap_.size() < limit_) return true;
    const Candidate& worst = heap_.front();
    return better_.backward ? t > worst.time : t < worst.time;
  }

  Status push(Candidate c) {
    uint64_t bytes = c.entry.line.size() + 64 + label_bytes(c.stream) + label_bytes(c.entry.metadata) +
                     label_bytes(c.entry.parsed);
    WEFT_RETURN_IF_ERROR(control_.charge(bytes));
    if (heap_.size() == limit_) {
      std::pop_heap(heap_.begin(), heap_.end(), better_);
      heap_.pop_back();
    }
    heap_.push_back(std::move(c));
    std::push_heap(heap_.begin(), heap_.end(), better_);
    return Status::ok();
  }

  // The bound for the source: rows beyond it cannot enter any more.
  void update_bound(UnixNanos& floor, UnixNanos& ceiling) const {
    if (heap_.size() < limit_) return;
    if (better_.backward) floor = heap_.front().time;
    else ceiling = heap_.front().time;
  }

  std::vector<Candidate> take() { return std::move(heap_); }

 private:
  static uint64_t label_bytes(const LabelSet& s) {
    uint64_t n = 0;
    for (const auto& l : s) n += l.name.size() + l.value.size() + 64;
    return n;
  }

  size_t limit_;
  Better better_;
  QueryControl& control_;
  std::vector<Candidate> heap_;  // a heap whose front is the worst kept candidate
};

std::vector<StreamResult> group_streams(std::vector<Candidate> candidates, Direction direction) {
  std::sort(candidates.begin(), candidates.end(), Better{direction == Direction::kBackward});
  std::map<LabelSet, size_t> index;
  std::vector<StreamResult> streams;
  for (auto& c : candidates) {
    auto [it, added] = index.try_emplace(c.stream, streams.size());
    if (added) streams.push_back({std::move(c.stream), {}});
    streams[it->second].entries.push_back(std::move(c.entry));
  }
  std::sort(streams.begin(), streams.end(),
            [](const StreamResult& a, const StreamResult& b) { return a.labels < b.labels; });
  return streams;
}

}  // namespace

void apply_interval(std::vector<StreamResult>& streams, int64_t interval, Direction direction) {
  if (interval <= 0) return;
  for (auto& s : streams) {
    std::vector<LogEntry> kept;
    bool first = true;
    UnixNanos last = 0;
    for (auto& e : s.entries) {
      bool far = direction == Direction::kForward ? e.time >= last + interval : e.time <= last - interval;
      if (first || far) {
        last = e.time;
        first = false;
        kept.push_back(std::move(e));
      }
    }
    s.entries = std::move(kept);
  }
  streams.erase(std::remove_if(streams.begin(), streams.end(),
                               [](const StreamResult& s) { return s.entries.empty(); }),
                streams.end());
}

Result<std::vector<StreamResult>> run_log_query(const LogSelector& selector, const QueryParams& params,
                                                const LogSource& source, QueryControl& control,
                                                QueryStats& stats) {
  auto pipeline = Pipeline::compile(selector.stages);
  if (!pipeline.is_ok()) return pipeline.status();
  auto matchers = LabelMatcher::compile_all(selector.matchers);
  if (!matchers.is_ok()) return matchers.status();
  if (params.limit == 0) return std::vector<StreamResult>{};

  UnixNanos floor = params.start;
  UnixNanos ceiling = params.end - 1;
  ScanRequest request;
  request.tenant = params.tenant;
  request.start = params.start;
  request.end = params.end;
  request.matchers = std::move(*matchers);
  request.line_contains = (*pipeline)->required_substrings();
  request.floor = &floor;
  request.ceiling = &ceiling;
  ScanStats scan_stats;
  request.stats = &scan_stats;

  TopEntries top(params.limit, params.direction, control);
  LineState state;
  uint64_t order = 0;
  Status status;
  Status scanned = source.scan(request, control, [&](const LogRow& row) {
    uint64_t position = order++;
    if (!top.would_accept(row.time)) return true;
    state.time = row.time;
    state.line = row.line;
    state.labels.reset(row);
    if (!(*pipeline)->run(state)) return true;
    stats.post_filter_lines++;
    Candidate c{row.time, position, {}, {row.time, std::string(state.line), {}, {}}};
    if (params.categorize_labels) state.labels.categorized(c.stream, c.entry.metadata, c.entry.parsed);
    else c.stream = state.labels.labels();
    status = top.push(std::move(c));
    if (!status.is_ok()) return false;
    top.update_bound(floor, ceiling);
    return true;
  });
  stats.lines_processed += scan_stats.rows;
  stats.bytes_processed += scan_stats.bytes;
  WEFT_RETURN_IF_ERROR(scanned);
  WEFT_RETURN_IF_ERROR(status);
  auto streams = group_streams(top.take(), params.direction);
  apply_interval(streams, params.interval_nanos, params.direction);
  for (const auto& s : streams) stats.entries_returned += s.entries.size();
  stats.streams_matched = streams.size();
  return streams;
}

}  // namespace weft::logql
