// Topology: the simulated shop's services, environments and running instances.
//
// Six services (gateway, orders, payment, inventory, shipping, notification) run in two
// environments, prod with several instances each and staging with one. Every instance has its
// own Resource (service.name, service.version, service.instance.id, host.name, k8s.pod.name,
// deployment.environment.name, ...) and instrumentation Scope, built once and shared by all its
// spans and log records. The topology is fixed: it does not depend on the run's seed.
// Immutable after construction, so safe to share between threads.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "demo/random.h"
#include "model/resource.h"

namespace weft::demo {

enum class ServiceId { kGateway, kOrders, kPayment, kInventory, kShipping, kNotification };
inline constexpr size_t kServiceCount = 6;
inline constexpr std::array<ServiceId, kServiceCount> kAllServices = {
    ServiceId::kGateway,   ServiceId::kOrders,   ServiceId::kPayment,
    ServiceId::kInventory, ServiceId::kShipping, ServiceId::kNotification};

enum class Environment { kProd, kStaging };
inline constexpr std::array<Environment, 2> kAllEnvironments = {Environment::kProd,
                                                                Environment::kStaging};

// "gateway", "orders", ...: the service.name of the service.
std::string_view name_of(ServiceId service);
// "prod" or "staging": the deployment.environment.name.
std::string_view name_of(Environment env);

struct Instance {
  ServiceId service;
  Environment env;
  std::string instance_id;  // service.instance.id, a UUID
  std::string host_name;    // host.name (the Kubernetes node)
  std::string pod_name;     // k8s.pod.name
  std::string pod_ip;       // what peers see as network.peer.address
  ResourcePtr resource;
  ScopePtr scope;
};

class Topology {
 public:
  Topology();

  // A uniformly chosen instance of `service` in `env`.
  const Instance& pick(ServiceId service, Environment env, Random& rng) const;
  // Every instance of `service` in `env` (at least one).
  const std::vector<Instance>& instances(ServiceId service, Environment env) const;

 private:
  // [service][env] -> instances
  std::array<std::array<std::vector<Instance>, 2>, kServiceCount> instances_;
};

}  // namespace weft::demo
