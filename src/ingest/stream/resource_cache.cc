#include "ingest/stream/resource_cache.h"

namespace weft::ingest {

const ResourcePtr& ResourceCache::get(std::string_view service, std::string_view host) {
  key_.assign(service);
  key_ += '\0';
  key_ += host;
  if (last_ && key_ == last_key_) return last_;
  auto found = entries_.find(key_);
  if (found == entries_.end()) {
    if (entries_.size() >= kMaxEntries) entries_.clear();
    found = entries_.emplace(key_, make(service, host)).first;
  }
  last_key_ = key_;
  last_ = found->second;
  return last_;
}

ResourcePtr ResourceCache::make(std::string_view service, std::string_view host) {
  auto resource = std::make_shared<Resource>();
  if (!service.empty()) resource->attributes.push_back({"service.name", std::string(service)});
  if (!host.empty()) resource->attributes.push_back({"host.name", std::string(host)});
  return resource;
}

const ScopePtr& ResourceCache::empty_scope() {
  static const ScopePtr kEmpty = std::make_shared<Scope>();
  return kEmpty;
}

}  // namespace weft::ingest
