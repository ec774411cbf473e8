#include "storage/engine/merge_policy.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace weft::storage {

namespace {

using PartitionKey = std::tuple<std::string, int32_t, part_format::Signal>;

// The smallest parts of one partition that make a good merge, or empty.
std::vector<ManifestPart> pick_in_partition(std::vector<ManifestPart> parts, size_t min_parts,
                                            const MergePolicy& policy) {
  if (parts.size() < min_parts) return {};
  std::sort(parts.begin(), parts.end(),
            [](const ManifestPart& a, const ManifestPart& b) { return a.bytes < b.bytes; });
  std::vector<ManifestPart> taken;
  uint64_t bytes = 0;
  for (const ManifestPart& p : parts) {
    if (taken.size() == policy.max_parts) break;
    if (!taken.empty() && (p.bytes > 2 * bytes || bytes + p.bytes > policy.max_output_bytes))
      break;
    taken.push_back(p);
    bytes += p.bytes;
  }
  if (taken.size() < min_parts) return {};
  return taken;
}

}  // namespace

std::vector<ManifestPart> pick_merge(const std::vector<ManifestPart>& live, int32_t today,
                                     const MergePolicy& policy) {
  std::map<PartitionKey, std::vector<ManifestPart>> partitions;
  for (const ManifestPart& p : live) partitions[{p.tenant, p.day, p.signal}].push_back(p);
  std::vector<ManifestPart> best;
  size_t best_count = 0;
  for (auto& [key, parts] : partitions) {
    size_t min_parts = std::get<1>(key) < today ? 2 : policy.min_parts;
    size_t count = parts.size();
    if (count <= best_count) continue;
    auto pick = pick_in_partition(std::move(parts), min_parts, policy);
    if (pick.empty()) continue;
    best = std::move(pick);
    best_count = count;
  }
  return best;
}

}  // namespace weft::storage
