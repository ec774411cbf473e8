// StoreViewLogSource: the LogSource over a StoreView (the store's memtables and parts) - the
// only file of the LogQL engine that knows how records are stored.
//
// A scan reads the tenant's records in the time range through storage::scan_logs (memtables
// newest arrival first, then parts; blocks outside the range, and blocks of part streams the
// selector rules out by their stream labels, are never read) and skips,
// whole blocks at a time, records older than the visitor's floor. Stream labels and the
// resource's structured metadata are computed once per distinct resource (records of one
// batch, and of one part block, share it) and matched once per stream.
//
// Thread safety: the view is immutable; scans run concurrently.
#pragma once

#include "query/logql/log_source.h"
#include "storage/engine/live_part.h"

namespace weft::logql {

class StoreViewLogSource final : public LogSource {
 public:
  // `view` must outlive the source.
  explicit StoreViewLogSource(const storage::StoreView& view) : view_(view) {}

  Status scan(const ScanRequest& request, QueryControl& control,
              const std::function<bool(const LogRow&)>& visit) const override;
  Status streams(const std::string& tenant, UnixNanos start, UnixNanos end,
                 const std::vector<LabelMatcher>& matchers, QueryControl& control,
                 const std::function<void(const Stream&, const StreamStats&)>& visit) const override;

 private:
  const storage::StoreView& view_;
};

}  // namespace weft::logql
