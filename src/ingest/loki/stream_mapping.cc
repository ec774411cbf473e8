#include "ingest/loki/stream_mapping.h"

#include <array>
#include <cctype>
#include <memory>
#include <utility>

namespace weft::ingest::loki {

namespace {

// Loki's default OTLP index labels: resource attributes Loki turns into stream labels with
// dots replaced by underscores. A label with one of these names goes back to its dotted name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kOtelLabels{{
    {"service_name", "service.name"},
    {"service_namespace", "service.namespace"},
    {"service_instance_id", "service.instance.id"},
    {"deployment_environment", "deployment.environment"},
    {"deployment_environment_name", "deployment.environment.name"},
    {"cloud_region", "cloud.region"},
    {"cloud_availability_zone", "cloud.availability_zone"},
    {"k8s_cluster_name", "k8s.cluster.name"},
    {"k8s_namespace_name", "k8s.namespace.name"},
    {"k8s_pod_name", "k8s.pod.name"},
    {"k8s_container_name", "k8s.container.name"},
    {"container_name", "container.name"},
    {"k8s_replicaset_name", "k8s.replicaset.name"},
    {"k8s_deployment_name", "k8s.deployment.name"},
    {"k8s_statefulset_name", "k8s.statefulset.name"},
    {"k8s_daemonset_name", "k8s.daemonset.name"},
    {"k8s_cronjob_name", "k8s.cronjob.name"},
    {"k8s_job_name", "k8s.job.name"},
}};

constexpr std::array<std::string_view, 13> kServiceNameSources{
    "service",   "app",       "application",        "app_name",  "name",
    "app_kubernetes_io_name", "container", "container_name", "k8s_container_name",
    "component", "workload",  "job",                "k8s_job_name"};

constexpr std::array<std::string_view, 7> kLevelFields{
    "level", "severity", "lvl", "log.level", "severity_text", "severitytext", "detected_level"};

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  return true;
}

}  // namespace

std::string_view attribute_key_for_label(std::string_view label_name) {
  for (const auto& [label, attribute] : kOtelLabels)
    if (label == label_name) return attribute;
  return label_name;
}

std::string_view discover_service_name(const Labels& labels) {
  for (std::string_view source : kServiceNameSources)
    for (const Label& l : labels)
      if (l.name == source && !l.value.empty()) return l.value;
  return kUnknownService;
}

bool is_level_field(std::string_view name) {
  for (std::string_view field : kLevelFields)
    if (equals_ignore_case(name, field)) return true;
  return false;
}

std::string_view level_of(const Labels& labels) {
  for (const Label& l : labels)
    if (is_level_field(l.name)) return l.value;
  return {};
}

ResourcePtr stream_resource(const Labels& labels) {
  auto resource = std::make_shared<Resource>();
  resource->attributes.reserve(labels.size());
  for (const Label& l : labels)
    resource->attributes.push_back({std::string(attribute_key_for_label(l.name)), l.value});
  return resource;
}

}  // namespace weft::ingest::loki
