// pick_merge and parts_to_expire: the merge and retention policies.
#include <gtest/gtest.h>

#include "storage/engine/merge_policy.h"
#include "storage/engine/retention_policy.h"

namespace weft::storage {
namespace {

ManifestPart part(std::string dir, uint64_t bytes, int32_t day = 10, std::string tenant = "t",
                  UnixNanos max_time = 0) {
  ManifestPart p;
  p.dir = std::move(dir);
  p.tenant = std::move(tenant);
  p.day = day;
  p.bytes = bytes;
  p.max_time = max_time;
  return p;
}

std::vector<std::string> dirs(const std::vector<ManifestPart>& parts) {
  std::vector<std::string> out;
  for (const auto& p : parts) out.push_back(p.dir);
  return out;
}

TEST(MergePolicy, TakesTheSmallestPartsOfTheFullestPartition) {
  std::vector<ManifestPart> live = {part("a", 10), part("b", 12), part("c", 11), part("d", 15),
                                    part("big", 1000), part("other", 1, 10, "u")};
  EXPECT_EQ(dirs(pick_merge(live, 10)), (std::vector<std::string>{"a", "c", "b", "d"}));
}

TEST(MergePolicy, NeedsEnoughPartsTodayButTwoForPastDays) {
  std::vector<ManifestPart> today = {part("a", 10), part("b", 10), part("c", 10)};
  EXPECT_TRUE(pick_merge(today, 10).empty());
  EXPECT_EQ(pick_merge(today, 11).size(), 3u);
}

TEST(MergePolicy, DoesNotRewriteALargePartForASmallOne) {
  std::vector<ManifestPart> live = {part("tiny", 1), part("huge", 1000), part("huge2", 1000),
                                    part("huge3", 1000)};
  EXPECT_TRUE(pick_merge(live, 10).empty());
}

TEST(MergePolicy, RespectsMaxPartsAndBytes) {
  std::vector<ManifestPart> live;
  for (int i = 0; i < 40; ++i) live.push_back(part("p" + std::to_string(i), 10));
  MergePolicy policy;
  EXPECT_EQ(pick_merge(live, 10, policy).size(), 16u);
  policy.max_output_bytes = 50;
  EXPECT_EQ(pick_merge(live, 10, policy).size(), 5u);
}

TEST(RetentionPolicy, ByAgePerTenant) {
  const UnixNanos day = 86400ll * 1000000000;
  UnixNanos now = 100 * day;
  RetentionPolicy policy;
  policy.retention = std::chrono::hours(24 * 30);
  policy.per_tenant["long"] = std::chrono::hours(24 * 90);
  std::vector<ManifestPart> live = {part("old", 1, 60, "t", 60 * day),
                                    part("new", 1, 80, "t", 80 * day),
                                    part("long-old", 1, 60, "long", 60 * day)};
  EXPECT_EQ(dirs(parts_to_expire(live, now, policy).by_age), std::vector<std::string>{"old"});
  policy.retention = std::chrono::seconds(0);
  EXPECT_TRUE(parts_to_expire(live, now, policy).by_age.empty());
}

TEST(RetentionPolicy, DiskBudgetDropsWholeOldestDays) {
  RetentionPolicy policy;
  policy.retention = std::chrono::seconds(0);
  policy.max_disk_bytes = 250;
  std::vector<ManifestPart> live = {part("d3", 100, 3), part("d1a", 50, 1), part("d2", 100, 2),
                                    part("d1b", 50, 1, "u")};
  EXPECT_EQ(dirs(parts_to_expire(live, 0, policy).by_disk),
            (std::vector<std::string>{"d1a", "d1b"}));
}

}  // namespace
}  // namespace weft::storage
