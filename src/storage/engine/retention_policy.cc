#include "storage/engine/retention_policy.h"

#include <algorithm>

namespace weft::storage {

namespace {

std::chrono::seconds retention_of(const RetentionPolicy& policy, std::string_view tenant) {
  auto it = policy.per_tenant.find(tenant);
  return it == policy.per_tenant.end() ? policy.retention : it->second;
}

bool expired(const ManifestPart& p, UnixNanos now, const RetentionPolicy& policy) {
  auto keep = retention_of(policy, p.tenant);
  if (keep.count() <= 0) return false;
  UnixNanos cutoff = now - std::chrono::duration_cast<std::chrono::nanoseconds>(keep).count();
  return p.max_time < cutoff;
}

}  // namespace

Expiry parts_to_expire(const std::vector<ManifestPart>& live, UnixNanos now,
                       const RetentionPolicy& policy) {
  Expiry out;
  std::vector<ManifestPart> kept;
  uint64_t bytes = 0;
  for (const ManifestPart& p : live) {
    if (expired(p, now, policy)) {
      out.by_age.push_back(p);
    } else {
      kept.push_back(p);
      bytes += p.bytes;
    }
  }
  if (policy.max_disk_bytes == 0 || bytes <= policy.max_disk_bytes) return out;
  std::stable_sort(kept.begin(), kept.end(), [](const ManifestPart& a, const ManifestPart& b) {
    return a.day < b.day;
  });
  size_t i = 0;
  while (i < kept.size() && bytes > policy.max_disk_bytes) {
    int32_t day = kept[i].day;  // a whole day at a time
    for (; i < kept.size() && kept[i].day == day; ++i) {
      bytes -= kept[i].bytes;
      out.by_disk.push_back(kept[i]);
    }
  }
  return out;
}

}  // namespace weft::storage
