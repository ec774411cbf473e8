#include "ingest/json/resource_cache.h"


namespace weft::ingest {

namespace {

constexpr std::array<std::string_view, kResourceKeyCount> kKeyNames{
    "service.name",      "service.namespace",     "service.version",  "deployment.environment.name",
    "host.name",         "com.splunk.source",     "com.splunk.sourcetype", "com.splunk.index",
};

// FNV-1a over every value and its length (so that no two value lists hash alike by
// construction, only by chance).
uint64_t hash_values(const ResourceValues& values) {
  uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&h](unsigned char byte) {
    h ^= byte;
    h *= 0x100000001b3ull;
  };
  for (size_t i = 0; i < kResourceKeyCount; ++i) {
    std::string_view value = values.get(static_cast<ResourceKey>(i));
    for (char c : value) mix(static_cast<unsigned char>(c));
    mix(static_cast<unsigned char>(value.size()));
    mix(0xff);
  }
  return h;
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

bool ResourceCache::same_values(const Entry& entry, const ResourceValues& values) {
  for (size_t i = 0; i < kResourceKeyCount; ++i)
    if (entry.values[i] != values.get(static_cast<ResourceKey>(i))) return false;
  return true;
}

const ResourcePtr& ResourceCache::resource(const ResourceValues& values) {
  uint64_t hash = hash_values(values);
  auto [first, last] = entries_.equal_range(hash);
  for (auto it = first; it != last; ++it)
    if (same_values(it->second, values)) return it->second.resource;
  Entry entry;
  for (size_t i = 0; i < kResourceKeyCount; ++i)
    entry.values[i].assign(values.get(static_cast<ResourceKey>(i)));
  entry.resource = make_resource(values);
  return entries_.emplace(hash, std::move(entry))->second.resource;
}

const ScopePtr& unnamed_scope() {
  static const ScopePtr scope = std::make_shared<const Scope>();
  return scope;
}

}  // namespace weft::ingest
