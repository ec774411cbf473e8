// pick_merge: which parts to merge next (size-tiered), as a pure function of the live parts.
//
// Parts merge only within a partition: one tenant, one day, one signal. In a partition with at
// least `min_parts` parts, the smallest parts are taken in order of size while each next part
// is no larger than twice the bytes taken so far (so a large part is not rewritten to absorb a
// small one), up to `max_parts` and `max_output_bytes`; at least `min_parts` must be taken.
// Parts of days before `today` are done growing: there two parts are enough, so each past day
// ends up as few large parts (best compression, fewest files to open). Among candidate
// partitions the one with the most parts goes first. Write amplification stays logarithmic:
// a row is rewritten about once per doubling of its part's size.
//
// Thread safety: a pure function.
#pragma once

#include <cstdint>
#include <vector>

#include "storage/engine/manifest.h"

namespace weft::storage {

struct MergePolicy {
  size_t min_parts = 4;
  size_t max_parts = 16;
  uint64_t max_output_bytes = 4ull << 30;
};

// The parts to merge (all of one partition), or empty when no partition needs a merge.
std::vector<ManifestPart> pick_merge(const std::vector<ManifestPart>& live, int32_t today,
                                     const MergePolicy& policy = {});

}  // namespace weft::storage
