// Grouping of records (or spans) by their Resource and Scope objects, for the encoder.
//
// Items that point at the same Resource object form one ResourceGroup, and within it items that
// point at the same Scope object form one ScopeGroup; groups come in order of first appearance
// and keep their items in batch order. A batch that came from the decoder is already grouped
// this way, so encoding it keeps its order exactly. Only a batch in which items of one
// resource/scope are interleaved with others is reordered (each group gathered together).
#pragma once

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/resource.h"

namespace weft::otlp {

struct ScopeGroup {
  const Scope* scope = nullptr;
  std::vector<uint32_t> items;  // indexes into the batch
};

struct ResourceGroup {
  const Resource* resource = nullptr;
  std::vector<ScopeGroup> scopes;
};

// Finds groups by (resource, scope) pointer pair; consulted only when the pair changes from
// one item to the next, so a decoded batch costs one look-up per scope group.
class GroupIndex {
 public:
  // The group of the pair, created at the end of `groups` if new.
  std::pair<uint32_t, uint32_t> find_or_add(const Resource* r, const Scope* s,
                                            std::vector<ResourceGroup>* groups);

 private:
  struct PairHash {
    size_t operator()(const std::pair<const void*, const void*>& p) const {
      return std::hash<const void*>()(p.first) * 31 + std::hash<const void*>()(p.second);
    }
  };
  std::unordered_map<const Resource*, uint32_t> resources_;
  std::unordered_map<std::pair<const void*, const void*>, std::pair<uint32_t, uint32_t>, PairHash>
      pairs_;
};

// Item is LogRecord or Span (anything with `resource` and `scope` shared pointers).
template <typename Item>
std::vector<ResourceGroup> group_by_resource_and_scope(const std::vector<Item>& items) {
  std::vector<ResourceGroup> groups;
  GroupIndex index;
  const Resource* last_r = nullptr;
  const Scope* last_s = nullptr;
  std::pair<uint32_t, uint32_t> at{0, 0};
  for (size_t i = 0; i < items.size(); ++i) {
    const Resource* r = items[i].resource.get();
    const Scope* s = items[i].scope.get();
    if (i == 0 || r != last_r || s != last_s) {
      at = index.find_or_add(r, s, &groups);
      last_r = r;
      last_s = s;
    }
    groups[at.first].scopes[at.second].items.push_back(static_cast<uint32_t>(i));
  }
  return groups;
}

}  // namespace weft::otlp
