#include "query/traceql/traceql_trace.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace weft::query::traceql {

namespace {

uint64_t id_key(const SpanId& id) {
  uint64_t key;
  std::memcpy(&key, id.bytes.data(), sizeof key);
  return key;
}

}  // namespace

TraceContext::TraceContext(std::vector<Span> spans) : spans_(std::move(spans)) {
  std::stable_sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) {
    return a.start_time_unix_nano < b.start_time_unix_nano;
  });
  std::unordered_map<uint64_t, int32_t> by_id;
  by_id.reserve(spans_.size());
  for (size_t i = 0; i < spans_.size(); ++i) by_id.emplace(id_key(spans_[i].span_id), i);
  parent_.assign(spans_.size(), -1);
  int32_t orphan = -1;
  for (size_t i = 0; i < spans_.size(); ++i) {
    const Span& s = spans_[i];
    if (i == 0 || s.start_time_unix_nano < start_) start_ = s.start_time_unix_nano;
    if (i == 0 || s.end_time_unix_nano > end_) end_ = s.end_time_unix_nano;
    if (!s.parent_span_id.present()) {
      if (root_ < 0) root_ = static_cast<int32_t>(i);
      continue;
    }
    auto it = by_id.find(id_key(s.parent_span_id));
    if (it != by_id.end() && it->second != static_cast<int32_t>(i) &&
        spans_[it->second].span_id == s.parent_span_id) {
      parent_[i] = it->second;
    } else if (orphan < 0) {
      orphan = static_cast<int32_t>(i);
    }
  }
  if (root_ < 0) root_ = orphan;
}

std::string_view service_name(const Span& span) {
  if (!span.resource) return {};
  const AnyValue* v = find_attribute(span.resource->attributes, "service.name");
  if (!v || !v->as_string()) return {};
  return *v->as_string();
}

}  // namespace weft::query::traceql
