#include "query/logql/record_labels.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "model/severity.h"

namespace weft::logql {

namespace {

constexpr std::array<std::string_view, 19> kStreamAttributes = {
    "service.name",        "service.namespace",       "service.instance.id",
    "deployment.environment", "deployment.environment.name", "host.name",
    "cloud.region",        "cloud.availability_zone", "k8s.cluster.name",
    "k8s.namespace.name",  "k8s.pod.name",            "k8s.container.name",
    "container.name",      "k8s.replicaset.name",     "k8s.deployment.name",
    "k8s.statefulset.name", "k8s.daemonset.name",     "k8s.cronjob.name",
    "k8s.job.name"};

// Loki's service name discovery, in order.
constexpr std::array<std::string_view, 13> kServiceNameSources = {
    "service", "app", "application", "app_name", "name", "app_kubernetes_io_name", "container",
    "container_name", "k8s_container_name", "component", "workload", "job", "k8s_job_name"};

constexpr std::array<std::string_view, 9> kLevelAttributes = {
    "level", "LEVEL", "Level", "severity", "SEVERITY", "Severity", "lvl", "LVL", "Lvl"};

std::string_view level_name_of(std::string_view text) {
  int n = effective_severity(0, text);
  if (n == 0) return "unknown";
  return severity_level_name(n);
}

bool word_at(std::string_view line, size_t i, std::string_view word) {
  if (line.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(line[i + k])) != word[k]) return false;
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (i > 0 && is_word(line[i - 1])) return false;
  size_t end = i + word.size();
  return end >= line.size() || !is_word(line[end]);
}

// The value after `level=`, `"level":"`, `level: ` near the start of the line.
std::string_view level_field(std::string_view line) {
  for (std::string_view key : {"level", "lvl", "severity"}) {
    size_t at = 0;
    while ((at = line.find(key, at)) != std::string_view::npos) {
      size_t v = at + key.size();
      if (v < line.size() && line[v] == '"') ++v;
      while (v < line.size() && (line[v] == ' ' || line[v] == '=' || line[v] == ':')) ++v;
      if (v < line.size() && line[v] == '"') ++v;
      size_t end = v;
      while (end < line.size() && std::isalpha(static_cast<unsigned char>(line[end]))) ++end;
      if (end > v && v > at + key.size()) {
        std::string_view value = line.substr(v, end - v);
        if (effective_severity(0, value) != 0) return value;
      }
      at += key.size();
    }
  }
  return {};
}

std::string_view level_from_line(std::string_view line) {
  line = line.substr(0, std::min<size_t>(line.size(), 512));
  std::string_view field = level_field(line);
  if (!field.empty()) return level_name_of(field);
  struct Word { std::string_view word; std::string_view level; };
  static const Word kWords[] = {{"fatal", "fatal"}, {"panic", "fatal"}, {"critical", "fatal"},
                                {"error", "error"}, {"err", "error"},   {"warning", "warn"},
                                {"warn", "warn"},   {"info", "info"},   {"debug", "debug"},
                                {"trace", "trace"}};
  for (size_t i = 0; i < line.size(); ++i)
    for (const Word& w : kWords)
      if (word_at(line, i, w.word)) return w.level;
  return "unknown";
}

std::string decimal(uint64_t v) { return std::to_string(v); }

}  // namespace

bool is_stream_attribute(std::string_view key) {
  return std::find(kStreamAttributes.begin(), kStreamAttributes.end(), key) != kStreamAttributes.end();
}

void append_attribute_labels(std::string_view key, const AnyValue& value, std::vector<Label>& out) {
  if (value.kind() == AnyValue::Kind::kKvList) {
    for (const KeyValue& kv : std::get<std::vector<KeyValue>>(value.v))
      append_attribute_labels(std::string(key) + "_" + kv.key, kv.value, out);
    return;
  }
  std::string name = sanitize_label_name(key);
  if (name.empty()) return;
  out.push_back({std::move(name), any_value_to_text(value)});
}

ResourceLabels resource_labels(const Resource& resource) {
  std::vector<Label> stream;
  ResourceLabels out;
  bool has_service_name = false;
  for (const KeyValue& kv : resource.attributes) {
    bool loki_label = is_valid_label_name(kv.key);
    if (is_stream_attribute(kv.key) || loki_label) {
      std::string value = any_value_to_text(kv.value);
      if (value.empty()) continue;
      if (kv.key == "service.name" || kv.key == "service_name") has_service_name = true;
      stream.push_back({sanitize_label_name(kv.key), std::move(value)});
    } else {
      append_attribute_labels(kv.key, kv.value, out.metadata);
    }
  }
  out.stream = LabelSet(std::move(stream));
  if (!has_service_name) {
    std::string discovered(kUnknownService);
    for (std::string_view source : kServiceNameSources) {
      if (const std::string* v = out.stream.get(source); v && !v->empty()) {
        discovered = *v;
        break;
      }
    }
    out.stream.set("service_name", discovered);
  }
  return out;
}

void append_record_metadata(const LogRecord& r, std::vector<Label>& out) {
  if (r.scope) {
    for (const KeyValue& kv : r.scope->attributes) append_attribute_labels(kv.key, kv.value, out);
    if (!r.scope->name.empty()) out.push_back({"scope_name", r.scope->name});
    if (!r.scope->version.empty()) out.push_back({"scope_version", r.scope->version});
  }
  for (const KeyValue& kv : r.attributes) {
    if (kv.key == "event_name" && !r.event_name.empty()) continue;
    append_attribute_labels(kv.key, kv.value, out);
  }
  if (r.time_unix_nano != 0 && r.observed_time_unix_nano != 0)
    out.push_back({"observed_timestamp", std::to_string(r.observed_time_unix_nano)});
  if (r.severity_number != 0) out.push_back({"severity_number", std::to_string(r.severity_number)});
  if (!r.severity_text.empty()) out.push_back({"severity_text", r.severity_text});
  if (r.dropped_attributes_count != 0)
    out.push_back({"dropped_attributes_count", decimal(r.dropped_attributes_count)});
  if (r.flags != 0) out.push_back({"flags", decimal(r.flags)});
  if (r.trace_id.present()) out.push_back({"trace_id", r.trace_id.hex()});
  if (r.span_id.present()) out.push_back({"span_id", r.span_id.hex()});
  if (!r.event_name.empty()) out.push_back({"event_name", r.event_name});
}

std::string_view detected_level(const LogRecord& r, std::string_view line) {
  int severity = effective_severity(r.severity_number, r.severity_text);
  if (severity != 0) return severity_level_name(severity);
  for (std::string_view key : kLevelAttributes) {
    const AnyValue* v = find_attribute(r.attributes, key);
    if (!v && r.resource) v = find_attribute(r.resource->attributes, key);
    if (v && v->as_string()) return level_name_of(*v->as_string());
  }
  return level_from_line(line);
}

std::string_view record_line(const LogRecord& r, std::string& scratch) {
  if (const std::string* s = r.body.as_string()) return *s;
  scratch = any_value_to_text(r.body);
  return scratch;
}

}  // namespace weft::logql
