// search_logs: one newest-first pass over the view keeping the best `limit` matches in a
// bounded heap. The heap's worst time is fed back to the scan as a moving lower bound, so once
// the heap is full, blocks of older records are skipped without being looked at.
#include "query/log_search.h"

#include <algorithm>

#include "model/resource.h"
#include "model/severity.h"
#include "query/text_match.h"
#include "storage/engine/view_reads.h"

namespace weft::query {

namespace {

// The filters of a LogFilter but tenant and time, prepared once for many records.
class RecordFilter {
 public:
  explicit RecordFilter(const LogFilter& filter) : filter_(filter), text_(filter.text) {}

  bool matches(const LogRecord& r) {
    if (filter_.trace_id && r.trace_id != *filter_.trace_id) return false;
    if (filter_.min_severity > 0 &&
        effective_severity(r.severity_number, r.severity_text) < filter_.min_severity)
      return false;
    if (!resource_matches(r.resource)) return false;
    return filter_.text.empty() || body_matches(r.body);
  }

 private:
  // Records of one batch (or one stored block) share their Resource: decide once per distinct
  // object in a row. The cache holds a reference, so a freed Resource's address cannot be
  // mistaken for a new one.
  bool resource_matches(const ResourcePtr& resource) {
    if (!filter_.service && !filter_.environment) return true;
    if (!cached_ || resource != cached_resource_) {
      static const Resource kEmpty;
      const Resource& res = resource ? *resource : kEmpty;
      cached_resource_ = resource;
      cached_ = true;
      cached_match_ = (!filter_.service || service_name(res) == *filter_.service) &&
                      (!filter_.environment || deployment_environment(res) == *filter_.environment);
    }
    return cached_match_;
  }

  bool body_matches(const AnyValue& body) const {
    if (const std::string* s = body.as_string()) return text_.contains(*s);
    return text_.contains(any_value_to_text(body));
  }

  const LogFilter& filter_;
  CaseInsensitiveMatcher text_;
  ResourcePtr cached_resource_;
  bool cached_ = false;
  bool cached_match_ = false;
};

struct Candidate {
  UnixNanos time;
  uint64_t order;  // position in the scan: 0 is the newest arrival
  LogRecord record;
};

// Newer time first; at equal times, the later arrival (earlier in the scan) first.
bool newer(const Candidate& a, const Candidate& b) {
  return a.time != b.time ? a.time > b.time : a.order < b.order;
}

// The best `limit` candidates seen so far; heap_.front() is the worst of them.
class NewestK {
 public:
  explicit NewestK(size_t limit) : limit_(limit) { heap_.reserve(std::min<size_t>(limit, 4096)); }

  // Whether a record at `time` could enter. Orders only grow during a scan, so a later record
  // loses every tie: once the heap is full only a strictly newer time gets in.
  bool would_accept(UnixNanos time) const { return heap_.size() < limit_ || time > heap_.front().time; }

  void push(UnixNanos time, uint64_t order, const LogRecord& r) {
    if (heap_.size() == limit_) {
      std::pop_heap(heap_.begin(), heap_.end(), newer);
      heap_.pop_back();
    }
    heap_.push_back({time, order, r});
    std::push_heap(heap_.begin(), heap_.end(), newer);
  }

  // Records older than this cannot enter any more.
  UnixNanos floor(UnixNanos start) const {
    if (heap_.size() < limit_) return start;
    UnixNanos worst = heap_.front().time;
    return worst == INT64_MAX ? worst : worst + 1;
  }

  std::vector<LogRecord> take() {
    std::sort_heap(heap_.begin(), heap_.end(), newer);  // newest first
    std::vector<LogRecord> out;
    out.reserve(heap_.size());
    for (Candidate& c : heap_) out.push_back(std::move(c.record));
    return out;
  }

 private:
  size_t limit_;
  std::vector<Candidate> heap_;
};

}  // namespace

bool matches(const LogFilter& filter, const LogRecord& record) {
  return RecordFilter(filter).matches(record);
}

Result<std::vector<LogRecord>> search_logs(const storage::StoreView& view, const LogFilter& filter,
                                           size_t limit) {
  if (limit == 0 || filter.start > filter.end) return std::vector<LogRecord>{};
  RecordFilter record_filter(filter);
  NewestK best(limit);
  UnixNanos floor = filter.start;
  uint64_t order = 0;
  storage::ScanOptions options;
  options.start = filter.start;
  options.end = filter.end;
  options.dynamic_start = &floor;
  options.trace_id = filter.trace_id;
  Status scanned = storage::scan_logs(view, filter.tenant, options, [&](const LogRecord& r) {
    uint64_t position = order++;
    UnixNanos t = r.effective_time();
    if (!best.would_accept(t) || !record_filter.matches(r)) return true;
    best.push(t, position, r);
    floor = best.floor(filter.start);
    return true;
  });
  if (!scanned.is_ok()) return scanned;
  return best.take();
}

}  // namespace weft::query
