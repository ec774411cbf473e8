// MemStoreLogSource: the LogSource over the MemStore (storage/memstore) - the only file of the
// LogQL engine that knows how records are stored. Moving to the columnar engine means one
// more LogSource next to this one.
//
// A scan walks the tenant's records newest arrival first (MemStore::scan_logs) and skips,
// whole blocks at a time, records older than the visitor's floor. Stream labels and the
// resource's structured metadata are computed once per Resource object (records of one
// batch share it) and matched once per stream.
//
// Thread safety: the MemStore's shared lock is held during a scan; scans run concurrently.
#pragma once

#include "query/logql/log_source.h"
#include "storage/memstore/mem_store.h"

namespace weft::logql {

class MemStoreLogSource final : public LogSource {
 public:
  // `store` must outlive the source.
  explicit MemStoreLogSource(const storage::MemStore& store) : store_(store) {}

  Status scan(const ScanRequest& request, QueryControl& control,
              const std::function<bool(const LogRow&)>& visit) const override;
  Status streams(const std::string& tenant, UnixNanos start, UnixNanos end,
                 const std::vector<LabelMatcher>& matchers, QueryControl& control,
                 const std::function<void(const Stream&, const StreamStats&)>& visit) const override;

 private:
  const storage::MemStore& store_;
};

}  // namespace weft::logql
