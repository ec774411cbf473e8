#include "otlp/otlp_encode_groups.h"

namespace weft::otlp {

std::pair<uint32_t, uint32_t> GroupIndex::find_or_add(const Resource* r, const Scope* s,
                                                      std::vector<ResourceGroup>* groups) {
  auto found = pairs_.find({r, s});
  if (found != pairs_.end()) return found->second;
  auto [rit, new_resource] = resources_.try_emplace(r, static_cast<uint32_t>(groups->size()));
  if (new_resource) groups->push_back(ResourceGroup{r, {}});
  ResourceGroup& rg = (*groups)[rit->second];
  std::pair<uint32_t, uint32_t> at{rit->second, static_cast<uint32_t>(rg.scopes.size())};
  rg.scopes.push_back(ScopeGroup{s, {}});
  pairs_.emplace(std::make_pair(static_cast<const void*>(r), static_cast<const void*>(s)), at);
  return at;
}

}  // namespace weft::otlp
