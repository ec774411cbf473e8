// How a stored OpenTelemetry log record looks to LogQL (docs/logql.md, "Labels"), following
// Loki's OTLP convention:
//
//   - stream labels: the resource attributes that identify a stream (service.name,
//     service.namespace, service.instance.id, deployment.environment(.name), host.name,
//     cloud.region, cloud.availability_zone, k8s.cluster/namespace/pod/container/... names,
//     container.name) with dots turned into underscores (service_name), plus every resource
//     attribute that is already a Loki label name (no dots: how Loki push stores its stream
//     labels, so a pushed {app="x"} is selected by {app="x"}). Without service.name,
//     service_name is taken from service/app/application/name/... like Loki's service name
//     discovery, else "unknown_service".
//   - structured metadata: every other resource attribute, the scope's attributes,
//     scope_name/scope_version, the record's attributes (maps flattened with "_"), and
//     severity_text, severity_number, trace_id, span_id (hex), flags, event_name,
//     observed_timestamp, dropped_attributes_count; and `detected_level` (trace, debug, info,
//     warn, error, fatal or unknown), as Loki's level detection adds it.
//   - the log line: a string body as it is; any other body as compact JSON.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/log_record.h"
#include "query/logql/labels.h"

namespace weft::logql {

// The labels of a resource: its stream labels, and its attributes that are structured
// metadata (computed once per resource, shared by its records).
struct ResourceLabels {
  LabelSet stream;
  std::vector<Label> metadata;
};

ResourceLabels resource_labels(const Resource& resource);

// Whether a resource attribute key is one of the stream label keys (before sanitizing).
bool is_stream_attribute(std::string_view key);

// Appends the record's own structured metadata (not the resource's) to `out`.
void append_record_metadata(const LogRecord& record, std::vector<Label>& out);

// "trace" ... "fatal", or "unknown": from the OTLP severity, else a level attribute, else a
// level field or word at the start of the line.
std::string_view detected_level(const LogRecord& record, std::string_view line);

// The record's log line; `scratch` holds it when the body is not a string.
std::string_view record_line(const LogRecord& record, std::string& scratch);

// Flattens one attribute into labels: maps become prefix_key entries, everything else its
// text (any_value_to_text). Names are sanitized.
void append_attribute_labels(std::string_view key, const AnyValue& value, std::vector<Label>& out);

}  // namespace weft::logql
