// TraceContext: the spans of one trace with their parent/child links, the root span and the
// trace's time span, as the TraceQL evaluator needs them.
//
// A span's parent is the span of the same trace whose id is its parent_span_id; a span whose
// parent is absent (a root) or not among the spans has none. The root is the earliest span
// without a parent id (else the earliest span without a known parent).
// Thread safety: immutable after construction.
#pragma once

#include <cstdint>
#include <vector>

#include "model/span.h"

namespace weft::query::traceql {

class TraceContext {
 public:
  // REQUIRES: every span has the same trace id.
  explicit TraceContext(std::vector<Span> spans);

  const std::vector<Span>& spans() const { return spans_; }
  size_t size() const { return spans_.size(); }
  const Span& span(uint32_t i) const { return spans_[i]; }
  int32_t parent(uint32_t i) const { return parent_[i]; }  // -1 when none
  const Span* root() const { return root_ < 0 ? nullptr : &spans_[root_]; }
  UnixNanos start() const { return start_; }
  UnixNanos end() const { return end_; }
  const TraceId& trace_id() const { return spans_.front().trace_id; }

 private:
  std::vector<Span> spans_;
  std::vector<int32_t> parent_;
  int32_t root_ = -1;
  UnixNanos start_ = 0;
  UnixNanos end_ = 0;
};

// The resource attribute service.name of a span, or "" without one.
std::string_view service_name(const Span& span);

}  // namespace weft::query::traceql
