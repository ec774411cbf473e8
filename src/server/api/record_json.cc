#include "server/api/record_json.h"

#include <cctype>
#include <string>

#include "model/severity.h"

namespace weft::server::api {

namespace {

template <size_t N>
std::string id_hex(const FixedId<N>& id) {
  return id.present() ? id.hex() : std::string();
}

void write_nanos(JsonWriter& w, std::string_view key, int64_t nanos) {
  w.key(key);
  w.value(std::to_string(nanos));
}

void write_attributes(JsonWriter& w, const Attributes& attributes, uint32_t dropped) {
  w.key("attributes");
  write_attributes_json(w, attributes);
  w.key("dropped_attributes_count");
  w.value(dropped);
}

std::string_view service_of(const ResourcePtr& resource) {
  return resource ? service_name(*resource) : kUnknownService;
}

void write_event(JsonWriter& w, const SpanEvent& event) {
  w.begin_object();
  write_nanos(w, "time_unix_nano", event.time_unix_nano);
  w.key("name");
  w.value(event.name);
  write_attributes(w, event.attributes, event.dropped_attributes_count);
  w.end_object();
}

void write_link(JsonWriter& w, const SpanLink& link) {
  w.begin_object();
  w.key("trace_id");
  w.value(id_hex(link.trace_id));
  w.key("span_id");
  w.value(id_hex(link.span_id));
  w.key("trace_state");
  w.value(link.trace_state);
  w.key("flags");
  w.value(link.flags);
  write_attributes(w, link.attributes, link.dropped_attributes_count);
  w.end_object();
}

void write_span_identity(JsonWriter& w, const Span& span) {
  w.key("trace_id");
  w.value(id_hex(span.trace_id));
  w.key("span_id");
  w.value(id_hex(span.span_id));
  w.key("parent_span_id");
  w.value(id_hex(span.parent_span_id));
  w.key("trace_state");
  w.value(span.trace_state);
  w.key("flags");
  w.value(span.flags);
  w.key("name");
  w.value(span.name);
  w.key("kind");
  w.value(span_kind_name(span.kind));
  w.key("service");
  w.value(service_of(span.resource));
}

void write_span_timing(JsonWriter& w, const Span& span) {
  w.key("start_time");
  w.value(format_rfc3339_nanos(span.start_time_unix_nano));
  write_nanos(w, "start_time_unix_nano", span.start_time_unix_nano);
  write_nanos(w, "end_time_unix_nano", span.end_time_unix_nano);
  write_nanos(w, "duration_nanos", span.duration_nanos());
  w.key("status");
  w.begin_object();
  w.key("code");
  w.value(span_status_name(span.status_code));
  w.key("message");
  w.value(span.status_message);
  w.end_object();
}

void write_span_children(JsonWriter& w, const Span& span) {
  w.key("events");
  w.begin_array();
  for (const auto& event : span.events) write_event(w, event);
  w.end_array();
  w.key("dropped_events_count");
  w.value(span.dropped_events_count);
  w.key("links");
  w.begin_array();
  for (const auto& link : span.links) write_link(w, link);
  w.end_array();
  w.key("dropped_links_count");
  w.value(span.dropped_links_count);
}

}  // namespace

std::string severity_display(const LogRecord& record) {
  if (!record.severity_text.empty()) return record.severity_text;
  if (record.severity_number < 1 || record.severity_number > 24) return "";
  std::string name(severity_level_name(record.severity_number));
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

void write_resource_json(JsonWriter& w, const Resource* resource) {
  static const Resource kEmpty;
  const Resource& r = resource ? *resource : kEmpty;
  w.begin_object();
  write_attributes(w, r.attributes, r.dropped_attributes_count);
  w.key("schema_url");
  w.value(r.schema_url);
  w.end_object();
}

void write_scope_json(JsonWriter& w, const Scope* scope) {
  static const Scope kEmpty;
  const Scope& s = scope ? *scope : kEmpty;
  w.begin_object();
  w.key("name");
  w.value(s.name);
  w.key("version");
  w.value(s.version);
  write_attributes(w, s.attributes, s.dropped_attributes_count);
  w.key("schema_url");
  w.value(s.schema_url);
  w.end_object();
}

void write_log_record_json(JsonWriter& w, const LogRecord& record) {
  w.begin_object();
  w.key("time");
  w.value(format_rfc3339_nanos(record.effective_time()));
  write_nanos(w, "time_unix_nano", record.time_unix_nano);
  write_nanos(w, "observed_time_unix_nano", record.observed_time_unix_nano);
  w.key("severity");
  w.value(severity_display(record));
  w.key("severity_number");
  w.value(static_cast<int64_t>(record.severity_number));
  w.key("body");
  w.value(any_value_to_text(record.body));
  w.key("service");
  w.value(service_of(record.resource));
  w.key("trace_id");
  w.value(id_hex(record.trace_id));
  w.key("span_id");
  w.value(id_hex(record.span_id));
  w.key("flags");
  w.value(record.flags);
  w.key("event_name");
  w.value(record.event_name);
  write_attributes(w, record.attributes, record.dropped_attributes_count);
  w.key("resource");
  write_resource_json(w, record.resource.get());
  w.key("scope");
  write_scope_json(w, record.scope.get());
  w.end_object();
}

void write_span_json(JsonWriter& w, const Span& span) {
  w.begin_object();
  write_span_identity(w, span);
  write_span_timing(w, span);
  write_attributes(w, span.attributes, span.dropped_attributes_count);
  write_span_children(w, span);
  w.key("resource");
  write_resource_json(w, span.resource.get());
  w.key("scope");
  write_scope_json(w, span.scope.get());
  w.end_object();
}

}  // namespace weft::server::api
