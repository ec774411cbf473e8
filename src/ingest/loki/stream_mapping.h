// How a Loki stream's labels become weft's model (docs/ingest.md, "Loki push"):
//
// - every label becomes a resource attribute. Labels that are the underscore form Loki gives
//   an OpenTelemetry resource attribute (service_name, k8s_pod_name, deployment_environment,
//   ...) are stored under the dotted OpenTelemetry name, every other label under its own
//   name; so turning dots into underscores (the LogQL convention) gives the labels back;
// - a stream without a label for service.name gets one as Loki's discover_service_name finds
//   it (service, app, application, ..., else "unknown_service"), the way Loki adds a
//   service_name label;
// - a level label (level, severity, lvl, detected_level, ...) gives the records' severity.
//
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "ingest/loki/prometheus_labels.h"
#include "model/resource.h"

namespace weft::ingest::loki {

// The label Loki uses for the service, and the attribute weft stores it under.
inline constexpr std::string_view kServiceNameLabel = "service_name";
inline constexpr std::string_view kServiceNameAttribute = "service.name";

// The resource attribute key a label is stored under.
std::string_view attribute_key_for_label(std::string_view label_name);

// The service name Loki's discover_service_name derives from labels that have no
// service_name: the first non-empty value of service, app, application, app_name, name,
// app_kubernetes_io_name, container, container_name, k8s_container_name, component, workload,
// job, k8s_job_name; else "unknown_service".
std::string_view discover_service_name(const Labels& labels);

// Whether a label or structured metadata name carries a log level, as Loki's default
// log_level_fields say (level, severity, lvl, log.level, severity_text, severitytext, in any
// case), or detected_level, the one Loki itself adds.
bool is_level_field(std::string_view name);

// The value of the first level label, or "" when there is none.
std::string_view level_of(const Labels& labels);

// The stream's Resource: one string attribute per label, in the order given.
ResourcePtr stream_resource(const Labels& labels);

}  // namespace weft::ingest::loki
