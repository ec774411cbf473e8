// ResourceValues and ResourceCache: the resource of records that arrive one by one (an
// Elasticsearch document, a Splunk HEC event) rather than grouped under a resource as in OTLP.
//
// Each record names its own service, environment and host. ResourceCache gives records with
// the same values one shared Resource object, so a batch of 1000 records from a few services
// holds a few Resources, not 1000 (the memory cost of resource attributes is paid once).
//
// Not thread-safe: one cache per request being decoded.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/resource.h"

namespace weft::ingest {

// The resource attributes the JSON ingest protocols set, in the order a Resource lists them.
enum class ResourceKey : uint8_t {
  kServiceName,        // service.name
  kServiceNamespace,   // service.namespace
  kServiceVersion,     // service.version
  kEnvironment,        // deployment.environment.name
  kHostName,           // host.name
  kSplunkSource,       // com.splunk.source
  kSplunkSourcetype,   // com.splunk.sourcetype
  kSplunkIndex,        // com.splunk.index
};
inline constexpr size_t kResourceKeyCount = 8;

// "service.name", ...
std::string_view resource_key_name(ResourceKey key);

// The resource attribute values of one record; empty means absent. The views must outlive
// the ResourceCache::resource() call they are passed to (they usually point into the parsed
// request).
class ResourceValues {
 public:
  std::string_view get(ResourceKey key) const { return values_[static_cast<size_t>(key)]; }
  void set(ResourceKey key, std::string_view value) { values_[static_cast<size_t>(key)] = value; }
  // Sets the value unless one is already set; returns whether it was set.
  bool set_if_absent(ResourceKey key, std::string_view value);

 private:
  std::array<std::string_view, kResourceKeyCount> values_{};
};

class ResourceCache {
 public:
  // The one Resource holding exactly the present values (string attributes, in ResourceKey
  // order), made on first use.
  const ResourcePtr& resource(const ResourceValues& values);

 private:
  struct Entry {
    std::array<std::string, kResourceKeyCount> values;
    ResourcePtr resource;
  };
  static bool same_values(const Entry& entry, const ResourceValues& values);

  // By a hash of the values (no key is built per lookup); equal hashes are told apart by
  // comparing the values.
  std::unordered_multimap<uint64_t, Entry> entries_;
};

// The instrumentation scope of records that name none: one shared, empty Scope.
const ScopePtr& unnamed_scope();

}  // namespace weft::ingest
