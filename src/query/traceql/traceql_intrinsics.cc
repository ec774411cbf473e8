#include "query/traceql/traceql_intrinsics.h"

namespace weft::query::traceql {

namespace {

constexpr IntrinsicInfo kIntrinsics[] = {
    {"name", "name", Intrinsic::kName},
    {"status", "status", Intrinsic::kStatus},
    {"statusMessage", "statusMessage", Intrinsic::kStatusMessage},
    {"kind", "kind", Intrinsic::kKind},
    {"duration", "duration", Intrinsic::kDuration},
    {"span:id", "span:id", Intrinsic::kSpanId},
    {"span:parentID", "span:parentID", Intrinsic::kParentId},
    {"trace:id", "trace:id", Intrinsic::kTraceId},
    {"trace:duration", "trace:duration", Intrinsic::kTraceDuration},
    {"trace:rootName", "trace:rootName", Intrinsic::kRootName},
    {"trace:rootService", "trace:rootService", Intrinsic::kRootService},
    {"event:name", "event:name", Intrinsic::kEventName},
    // Aliases.
    {"span:name", "name", Intrinsic::kName},
    {"span:status", "status", Intrinsic::kStatus},
    {"span:statusMessage", "statusMessage", Intrinsic::kStatusMessage},
    {"span:kind", "kind", Intrinsic::kKind},
    {"span:duration", "duration", Intrinsic::kDuration},
    {"traceDuration", "trace:duration", Intrinsic::kTraceDuration},
    {"rootName", "trace:rootName", Intrinsic::kRootName},
    {"rootServiceName", "trace:rootService", Intrinsic::kRootService},
};

constexpr size_t kCanonicalCount = 12;

}  // namespace

const IntrinsicInfo* find_intrinsic(std::string_view word) {
  for (const IntrinsicInfo& info : kIntrinsics)
    if (info.spelling == word) return &info;
  return nullptr;
}

std::vector<std::string_view> intrinsic_names() {
  std::vector<std::string_view> names;
  for (size_t i = 0; i < kCanonicalCount; ++i) names.push_back(kIntrinsics[i].canonical);
  return names;
}

}  // namespace weft::query::traceql
