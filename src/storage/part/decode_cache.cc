#include "storage/part/decode_cache.h"

#include "storage/part/value_codec.h"

namespace weft::storage {

ResourcePtr DecodeCache::resource(std::string_view bytes) {
  auto it = resources_.find(std::string(bytes));
  if (it != resources_.end()) return it->second;
  auto r = std::make_shared<Resource>();
  if (!decode_resource(bytes, r.get())) return nullptr;
  if (resources_.size() >= kMaxEntries) resources_.clear();
  resources_.emplace(std::string(bytes), r);
  return r;
}

ScopePtr DecodeCache::scope(std::string_view bytes) {
  auto it = scopes_.find(std::string(bytes));
  if (it != scopes_.end()) return it->second;
  auto s = std::make_shared<Scope>();
  if (!decode_scope(bytes, s.get())) return nullptr;
  if (scopes_.size() >= kMaxEntries) scopes_.clear();
  scopes_.emplace(std::string(bytes), s);
  return s;
}

}  // namespace weft::storage
