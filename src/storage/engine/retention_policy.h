// parts_to_expire: which parts retention removes, as a pure function of the live parts.
//
// By age: a part goes once its newest row is older than its tenant's retention (whole parts
// only; a part straddling the cutoff waits until all of it has expired). By disk: while the
// parts' total bytes are over the budget, the oldest day's parts go, across tenants (the
// oldest data is the least likely to be asked for), and a warning says so.
//
// Thread safety: a pure function.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "common/time.h"
#include "storage/engine/manifest.h"

namespace weft::storage {

struct RetentionPolicy {
  std::chrono::seconds retention{std::chrono::hours(24 * 30)};  // 0 = keep forever
  std::map<std::string, std::chrono::seconds, std::less<>> per_tenant;  // overrides
  uint64_t max_disk_bytes = 0;  // 0 = no budget
};

struct Expiry {
  std::vector<ManifestPart> by_age;
  std::vector<ManifestPart> by_disk;
};

Expiry parts_to_expire(const std::vector<ManifestPart>& live, UnixNanos now,
                       const RetentionPolicy& policy);

}  // namespace weft::storage
