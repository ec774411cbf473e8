// StoreSpanSource: the TraceQL engine's SpanSource over one tenant of a StoreView.
// Thread safety: used by one query on one thread; the view must outlive it.
#pragma once

#include <string>

#include "query/traceql/traceql_source.h"
#include "storage/engine/live_part.h"

namespace weft::server::api {

class StoreSpanSource final : public query::traceql::SpanSource {
 public:
  StoreSpanSource(const storage::StoreView& view, std::string tenant)
      : view_(view), tenant_(std::move(tenant)) {}

  Status scan(UnixNanos start, UnixNanos end,
              const std::function<bool(const Span&)>& fn) const override;
  Status fetch_trace(const TraceId& id, std::vector<Span>& out) const override;

 private:
  const storage::StoreView& view_;
  std::string tenant_;
};

}  // namespace weft::server::api
