#include "demo/topology.h"

#include <cstdio>
#include <memory>

namespace weft::demo {

namespace {

struct ServiceSpec {
  ServiceId id;
  std::string_view name;
  std::string_view version;
  std::string_view language;  // telemetry.sdk.language
  std::string_view scope;     // instrumentation scope name
  int prod_instances;
};

constexpr ServiceSpec kSpecs[kServiceCount] = {
    {ServiceId::kGateway, "gateway", "2.14.1", "go", "shop/gateway", 3},
    {ServiceId::kOrders, "orders", "1.32.0", "java", "com.shop.orders", 3},
    {ServiceId::kPayment, "payment", "4.2.7", "java", "com.shop.payment", 2},
    {ServiceId::kInventory, "inventory", "0.19.3", "python", "shop.inventory", 2},
    {ServiceId::kShipping, "shipping", "1.8.0", "nodejs", "@shop/shipping", 2},
    {ServiceId::kNotification, "notification", "3.0.2", "python", "shop.notification", 2},
};

constexpr int kNodesPerEnv = 4;

const ServiceSpec& spec_of(ServiceId service) { return kSpecs[static_cast<size_t>(service)]; }

// A UUID-shaped id (version 4 layout) from 128 deterministic bits.
std::string uuid_from(uint64_t a, uint64_t b) {
  char out[40];
  std::snprintf(out, sizeof out, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffull));
  return out;
}

// Kubernetes-style random suffix: lowercase consonants and digits.
std::string k8s_suffix(uint64_t bits, int length) {
  static constexpr std::string_view kAlphabet = "bcdfghjklmnpqrstvwxz2456789";
  std::string out;
  for (int i = 0; i < length; ++i) {
    out += kAlphabet[bits % kAlphabet.size()];
    bits /= kAlphabet.size();
  }
  return out;
}

Instance make_instance(const ServiceSpec& spec, Environment env, int index) {
  uint64_t h = stable_hash(spec.name) ^ mix64(static_cast<uint64_t>(env) * 131 + index);
  uint64_t a = mix64(h);
  uint64_t b = mix64(a);
  std::string env_name(name_of(env));
  Instance inst{spec.id, env, uuid_from(a, b), "", "", "", nullptr, nullptr};
  // One ReplicaSet hash per service and environment, one random suffix per pod.
  std::string replica_set = k8s_suffix(mix64(stable_hash(spec.name) + static_cast<int>(env)), 10);
  inst.pod_name = std::string(spec.name) + "-" + replica_set + "-" + k8s_suffix(b, 5);
  inst.host_name = "node-" + env_name + "-" + std::to_string(1 + (a >> 40) % kNodesPerEnv);
  inst.pod_ip = "10." + std::to_string(env == Environment::kProd ? 12 : 44) + "." +
                std::to_string((b >> 8) & 0xff) + "." + std::to_string(2 + (b >> 16) % 250);

  auto resource = std::make_shared<Resource>();
  resource->attributes = {
      {"service.name", std::string(spec.name)},
      {"service.namespace", "shop"},
      {"service.version", std::string(spec.version)},
      {"service.instance.id", inst.instance_id},
      {"deployment.environment.name", env_name},
      {"host.name", inst.host_name},
      {"k8s.namespace.name", "shop-" + env_name},
      {"k8s.pod.name", inst.pod_name},
      {"k8s.deployment.name", std::string(spec.name)},
      {"telemetry.sdk.name", "opentelemetry"},
      {"telemetry.sdk.language", std::string(spec.language)},
      {"telemetry.sdk.version", "1.38.0"},
  };
  resource->schema_url = "https://opentelemetry.io/schemas/1.26.0";
  auto scope = std::make_shared<Scope>();
  scope->name = std::string(spec.scope);
  scope->version = std::string(spec.version);
  inst.resource = std::move(resource);
  inst.scope = std::move(scope);
  return inst;
}

}  // namespace

std::string_view name_of(ServiceId service) { return spec_of(service).name; }

std::string_view name_of(Environment env) {
  return env == Environment::kProd ? "prod" : "staging";
}

Topology::Topology() {
  for (const ServiceSpec& spec : kSpecs) {
    for (Environment env : kAllEnvironments) {
      int count = env == Environment::kProd ? spec.prod_instances : 1;
      auto& list = instances_[static_cast<size_t>(spec.id)][static_cast<size_t>(env)];
      for (int i = 0; i < count; ++i) list.push_back(make_instance(spec, env, i));
    }
  }
}

const std::vector<Instance>& Topology::instances(ServiceId service, Environment env) const {
  return instances_[static_cast<size_t>(service)][static_cast<size_t>(env)];
}

const Instance& Topology::pick(ServiceId service, Environment env, Random& rng) const {
  return rng.pick(instances(service, env));
}

}  // namespace weft::demo
