#include "storage/memstore/trace_index.h"

#include <algorithm>

#include "storage/memstore/mem_store_accounting.h"

namespace weft::storage {

size_t TraceIndex::shard_of(const TraceId& id) {
  // Bytes of the id the map's own hash leaves alone (it mixes the two halves).
  return id.bytes[7] % kShards;
}

uint64_t TraceIndex::add(const TraceId& id, uint64_t position) {
  if (!id.present()) return 0;
  while (prev_.size() < position) prev_.push_back(kNone);
  auto [it, inserted] = newest_[shard_of(id)].try_emplace(id, position);
  prev_.push_back(inserted ? kNone : it->second);
  it->second = position;
  return sizeof(uint64_t) + (inserted ? kTraceIndexNodeBytes : 0);
}

std::vector<uint64_t> TraceIndex::positions(const TraceId& id) const {
  std::vector<uint64_t> out;
  const Shard& shard = newest_[shard_of(id)];
  auto it = shard.find(id);
  if (it == shard.end()) return out;
  for (uint64_t p = it->second; p != kNone; p = prev_[p]) out.push_back(p);
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace weft::storage
