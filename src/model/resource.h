// Resource and InstrumentationScope: who produced a batch of records or spans.
//
// Records of one OTLP ResourceLogs/ScopeLogs share one Resource and one Scope object through
// shared_ptr, so the memory cost of resource attributes is paid once per batch, not per record.
#pragma once

#include <memory>
#include <string>

#include "model/any_value.h"

namespace weft {

struct Resource {
  Attributes attributes;
  uint32_t dropped_attributes_count = 0;
  std::string schema_url;  // the schema_url of the ResourceLogs/ResourceSpans

  bool operator==(const Resource&) const = default;
};

struct Scope {
  std::string name;
  std::string version;
  Attributes attributes;
  uint32_t dropped_attributes_count = 0;
  std::string schema_url;  // the schema_url of the ScopeLogs/ScopeSpans

  bool operator==(const Scope&) const = default;
};

using ResourcePtr = std::shared_ptr<const Resource>;
using ScopePtr = std::shared_ptr<const Scope>;

// The OpenTelemetry default when a resource has no service.name.
inline constexpr std::string_view kUnknownService = "unknown_service";

// service.name of a resource, or "unknown_service".
std::string_view service_name(const Resource& resource);

// deployment.environment.name (or the older deployment.environment) of a resource, or "".
std::string_view deployment_environment(const Resource& resource);

}  // namespace weft
