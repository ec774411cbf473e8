#include "storage/memstore/mem_store_tenant.h"

#include <algorithm>

namespace weft::storage {

void TenantData::note_log_time(uint64_t position, UnixNanos t) {
  if (position % kTimeBlockRecords == 0) log_blocks_.emplace_back();
  TimeBlock& b = log_blocks_.back();
  b.min = std::min(b.min, t);
  b.max = std::max(b.max, t);
}

ServiceStats& TenantData::service(std::string_view name) {
  auto it = services_.find(name);
  if (it == services_.end()) it = services_.emplace(std::string(name), ServiceStats{std::string(name)}).first;
  return it->second;
}

uint64_t TenantData::add_logs(std::vector<LogRecord>&& records, const BatchAccounting& accounting) {
  uint64_t extra = 0;
  for (LogRecord& r : records) {
    uint64_t position = logs_.size();
    note_log_time(position, r.effective_time());
    extra += log_traces_.add(r.trace_id, position);
    logs_.push_back(std::move(r));
  }
  for (const auto& [name, count] : accounting.services) service(name).records += count;
  return extra;
}

uint64_t TenantData::add_spans(std::vector<Span>&& spans, const BatchAccounting& accounting) {
  uint64_t extra = 0;
  for (Span& s : spans) {
    extra += span_traces_.add(s.trace_id, spans_.size());
    spans_.push_back(std::move(s));
  }
  for (const auto& [name, count] : accounting.services) service(name).spans += count;
  return extra;
}

bool TenantData::scan_block(size_t block, UnixNanos start, UnixNanos end,
                            const std::function<bool(const LogRecord&)>& fn) const {
  size_t first = block * kTimeBlockRecords;
  size_t last = std::min(logs_.size(), first + kTimeBlockRecords);
  for (size_t i = last; i-- > first;) {
    const LogRecord& r = logs_[i];
    UnixNanos t = r.effective_time();
    if (t >= start && t <= end && !fn(r)) return false;
  }
  return true;
}

void TenantData::scan_logs(UnixNanos start, UnixNanos end, const UnixNanos* dynamic_start,
                           const std::function<bool(const LogRecord&)>& fn) const {
  for (size_t b = log_blocks_.size(); b-- > 0;) {
    UnixNanos lo = dynamic_start ? std::max(start, *dynamic_start) : start;
    const TimeBlock& tb = log_blocks_[b];
    if (tb.max < lo || tb.min > end) continue;
    if (!scan_block(b, lo, end, fn)) return;
  }
}

void TenantData::scan_spans(UnixNanos start, UnixNanos end, const std::function<bool(const Span&)>& fn) const {
  for (size_t i = spans_.size(); i-- > 0;) {
    const Span& s = spans_[i];
    if (s.start_time_unix_nano >= start && s.start_time_unix_nano <= end && !fn(s)) return;
  }
}

std::vector<LogRecord> TenantData::logs_by_trace(const TraceId& trace_id) const {
  std::vector<LogRecord> out;
  for (uint64_t position : log_traces_.positions(trace_id)) out.push_back(logs_[position]);
  return out;
}

std::vector<Span> TenantData::spans_by_trace(const TraceId& trace_id) const {
  std::vector<Span> out;
  for (uint64_t position : span_traces_.positions(trace_id)) out.push_back(spans_[position]);
  return out;
}

std::vector<ServiceStats> TenantData::services() const {
  std::vector<ServiceStats> out;
  out.reserve(services_.size());
  for (const auto& [name, stats] : services_) out.push_back(stats);
  return out;
}

namespace {

template <typename T>
std::vector<const T*> pointers_to(const std::deque<T>& items) {
  std::vector<const T*> out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(&item);
  return out;
}

}  // namespace

std::vector<const LogRecord*> TenantData::log_pointers() const { return pointers_to(logs_); }
std::vector<const Span*> TenantData::span_pointers() const { return pointers_to(spans_); }

}  // namespace weft::storage
