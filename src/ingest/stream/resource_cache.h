// ResourceCache: one shared Resource per (service.name, host.name) pair a decoder has seen, so
// that the records of a stream share their resource as the records of one OTLP ResourceLogs
// do (memory is paid once per source, not per record).
//
// An empty name leaves its attribute out. At most kMaxEntries pairs are kept; past that the
// cache starts over (records already made keep their resources).
//
// Not thread-safe: one cache per decoder.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/resource.h"

namespace weft::ingest {

class ResourceCache {
 public:
  static constexpr size_t kMaxEntries = 4096;

  const ResourcePtr& get(std::string_view service, std::string_view host);

  // The one empty instrumentation scope of records that name none.
  static const ScopePtr& empty_scope();

 private:
  static ResourcePtr make(std::string_view service, std::string_view host);

  std::unordered_map<std::string, ResourcePtr> entries_;
  std::string key_;       // scratch: service + '\0' + host
  std::string last_key_;  // the pair asked for last, and its resource
  ResourcePtr last_;
};

}  // namespace weft::ingest
