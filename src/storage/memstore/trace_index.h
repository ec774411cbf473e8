// TraceIndex: trace id -> the positions (in arrival order) of the items that carry it.
//
// Built for ingest at hundreds of thousands of items per second without pauses:
//   - the trace id -> newest position map is split into kShards hash maps, so growing one
//     rehashes 1/kShards of the ids, never all of them under the writer's lock;
//   - older positions of a trace are chained through prev_, one slot per position, so an item
//     costs no heap allocation of its own (no vector per trace id).
//
// Thread safety: none; the owner serializes writers against readers.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <unordered_map>
#include <vector>

#include "model/ids.h"

namespace weft::storage {

class TraceIndex {
 public:
  // Indexes `position` under `id` (ignored when the id is absent). Positions must be given in
  // increasing order. Returns the bytes of index memory added.
  uint64_t add(const TraceId& id, uint64_t position);

  // Every position indexed under `id`, oldest first.
  std::vector<uint64_t> positions(const TraceId& id) const;

 private:
  static constexpr size_t kShards = 64;
  static constexpr uint64_t kNone = UINT64_MAX;
  using Shard = std::unordered_map<TraceId, uint64_t, TraceIdHash>;

  static size_t shard_of(const TraceId& id);

  std::array<Shard, kShards> newest_;
  std::deque<uint64_t> prev_;  // prev_[p]: the previous position of p's trace, or kNone
};

}  // namespace weft::storage
