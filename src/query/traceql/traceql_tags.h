// Tag discovery for Tempo's tag APIs: the attribute names of spans in a time range, and the
// distinct values of one attribute or intrinsic, optionally only over the spans a TraceQL
// query matches.
// Thread safety: free functions; read the source from the calling thread.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "query/traceql/traceql_ast.h"
#include "query/traceql/traceql_candidates.h"

namespace weft::query::traceql {

inline constexpr size_t kMaxTagValues = 1000;

struct TagScan {
  UnixNanos start = 0;
  UnixNanos end = 0;
  const Query* filter = nullptr;  // only spans this query matches; null for every span
  CandidateLimits limits;
};

struct TagNames {
  std::set<std::string> span;
  std::set<std::string> resource;
};

Status collect_tag_names(const SpanSource& source, const TagScan& scan, TagNames& out,
                         ScanStats& stats);

// Distinct non-nil values, ordered by type then value, at most kMaxTagValues.
Status collect_tag_values(const SpanSource& source, const TagScan& scan,
                          const AttributeRef& attribute, std::vector<Literal>& out,
                          ScanStats& stats);

}  // namespace weft::query::traceql
