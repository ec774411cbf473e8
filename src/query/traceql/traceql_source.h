// SpanSource: where the TraceQL engine reads spans from, so that the engine stays pure (tests
// give it fixed spans; the server adapts a StoreView, see server/api/tempo_span_source.h).
// Thread safety: as the implementation; the engine calls it from one thread.
#pragma once

#include <functional>

#include "common/status.h"
#include "model/span.h"

namespace weft::query::traceql {

class SpanSource {
 public:
  virtual ~SpanSource() = default;
  // Calls fn on every span starting in [start, end] (inclusive, any order) until fn returns
  // false.
  virtual Status scan(UnixNanos start, UnixNanos end,
                      const std::function<bool(const Span&)>& fn) const = 0;
  // Every span of one trace, whatever its time.
  virtual Status fetch_trace(const TraceId& id, std::vector<Span>& out) const = 0;
};

// A SpanSource over spans held in memory (tests, benchmarks).
class VectorSpanSource final : public SpanSource {
 public:
  explicit VectorSpanSource(std::vector<Span> spans) : spans_(std::move(spans)) {}
  Status scan(UnixNanos start, UnixNanos end,
              const std::function<bool(const Span&)>& fn) const override;
  Status fetch_trace(const TraceId& id, std::vector<Span>& out) const override;

 private:
  std::vector<Span> spans_;
};

}  // namespace weft::query::traceql
