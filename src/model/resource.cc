#include "model/resource.h"

namespace weft {

namespace {
std::string_view string_attribute(const Resource& r, std::string_view key) {
  const AnyValue* v = find_attribute(r.attributes, key);
  const std::string* s = v ? v->as_string() : nullptr;
  return s ? std::string_view(*s) : std::string_view();
}
}  // namespace

std::string_view service_name(const Resource& resource) {
  std::string_view name = string_attribute(resource, "service.name");
  return name.empty() ? kUnknownService : name;
}

std::string_view deployment_environment(const Resource& resource) {
  std::string_view env = string_attribute(resource, "deployment.environment.name");
  return env.empty() ? string_attribute(resource, "deployment.environment") : env;
}

}  // namespace weft
