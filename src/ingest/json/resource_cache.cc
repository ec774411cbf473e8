#include "ingest/json/resource_cache.h"

#include <cstring>

namespace weft::ingest {

namespace {

constexpr std::array<std::string_view, kResourceKeyCount> kKeyNames{
    "service.name",      "service.namespace",     "service.version",  "deployment.environment.name",
    "host.name",         "com.splunk.source",     "com.splunk.sourcetype", "com.splunk.index",
};

// Appends the value with its length first, so that no two value lists share a key.
void append_part(std::string& key, std::string_view value) {
  uint32_t size = static_cast<uint32_t>(value.size());
  char prefix[sizeof size];
  std::memcpy(prefix, &size, sizeof size);
  key.append(prefix, sizeof size);
  key.append(value);
}

ResourcePtr make_resource(const ResourceValues& values) {
  auto resource = std::make_shared<Resource>();
  for (size_t i = 0; i < kResourceKeyCount; ++i) {
    auto key = static_cast<ResourceKey>(i);
    std::string_view value = values.get(key);
    if (!value.empty())
      resource->attributes.push_back(KeyValue{std::string(kKeyNames[i]), AnyValue(std::string(value))});
  }
  return resource;
}

}  // namespace

std::string_view resource_key_name(ResourceKey key) {
  return kKeyNames[static_cast<size_t>(key)];
}

bool ResourceValues::set_if_absent(ResourceKey key, std::string_view value) {
  std::string_view& slot = values_[static_cast<size_t>(key)];
  if (!slot.empty() || value.empty()) return false;
  slot = value;
  return true;
}

const ResourcePtr& ResourceCache::resource(const ResourceValues& values) {
  key_.clear();
  for (size_t i = 0; i < kResourceKeyCount; ++i) append_part(key_, values.get(static_cast<ResourceKey>(i)));
  auto found = resources_.find(key_);
  if (found != resources_.end()) return found->second;
  return resources_.emplace(key_, make_resource(values)).first->second;
}

const ScopePtr& unnamed_scope() {
  static const ScopePtr scope = std::make_shared<const Scope>();
  return scope;
}

}  // namespace weft::ingest
