#include "ingest/splunk/hec_event.h"

#include <optional>

#include "ingest/json/log_document.h"
#include "ingest/splunk/hec_time.h"

namespace weft::ingest::splunk {

namespace {

using simdjson::dom::element_type;
using simdjson::dom::object;

const LogDocumentOptions kEventOptions{.body = true, .timestamp = nullptr};
const LogDocumentOptions kFieldsOptions{.body = false, .timestamp = nullptr};

// The members of an event weft reads; null members are left absent.
struct EventMembers {
  std::optional<JsonValue> time, host, source, sourcetype, index, event, fields;
};

EventMembers read_members(object event) {
  EventMembers m;
  for (simdjson::dom::key_value_pair member : event) {
    if (member.value.is_null()) continue;
    std::string_view key = member.key;
    if (key == "event") m.event = member.value;
    else if (key == "time") m.time = member.value;
    else if (key == "host") m.host = member.value;
    else if (key == "source") m.source = member.value;
    else if (key == "sourcetype") m.sourcetype = member.value;
    else if (key == "index") m.index = member.value;
    else if (key == "fields") m.fields = member.value;
  }
  return m;
}

// One decode of one event.
class EventDecoder {
 public:
  EventDecoder(const HecEventContext& context, LogRecord* out, std::string* detail)
      : context_(context), out_(out), detail_(detail) {}

  HecCode decode(object event, ResourceCache& resources);

 private:
  HecCode fail(HecCode code, std::string detail) {
    *detail_ = std::move(detail);
    return code;
  }
  HecCode metadata(std::optional<JsonValue> value, std::string_view name,
                   std::string_view fallback, ResourceKey key);
  HecCode time(std::optional<JsonValue> value);
  HecCode fields(JsonValue value);
  void event(JsonValue value);
  void structured_body(JsonValue value, object members);
  // Maps with options that parse no timestamp, so mapping cannot fail.
  void map_document(const LogDocumentOptions& options, object document, LogRecord* record) {
    static_cast<void>(LogDocumentMapper(options, record, &resource_).map(document));
  }

  const HecEventContext& context_;
  LogRecord* out_;
  std::string* detail_;
  ResourceValues resource_;
};

HecCode EventDecoder::decode(object event_object, ResourceCache& resources) {
  EventMembers m = read_members(event_object);
  if (!m.event) return fail(HecCode::kEventFieldRequired, "the event has no \"event\" member");
  if (m.event->type() == element_type::STRING && m.event->get_string().value_unsafe().empty())
    return fail(HecCode::kEventFieldBlank, "\"event\" is an empty string");
  const HecMetadata& d = context_.defaults;
  HecCode code = metadata(m.host, "host", d.host, ResourceKey::kHostName);
  if (code == HecCode::kSuccess)
    code = metadata(m.source, "source", d.source, ResourceKey::kSplunkSource);
  if (code == HecCode::kSuccess)
    code = metadata(m.sourcetype, "sourcetype", d.sourcetype, ResourceKey::kSplunkSourcetype);
  if (code == HecCode::kSuccess) code = metadata(m.index, "index", d.index, ResourceKey::kSplunkIndex);
  if (code == HecCode::kSuccess) code = time(m.time);
  if (code != HecCode::kSuccess) return code;
  event(*m.event);
  if (m.fields) {
    if (HecCode code = fields(*m.fields); code != HecCode::kSuccess) return code;
  }
  resource_.set_if_absent(ResourceKey::kServiceName, resource_.get(ResourceKey::kSplunkSource));
  out_->observed_time_unix_nano = context_.observed_now;
  out_->resource = resources.resource(resource_);
  out_->scope = unnamed_scope();
  return HecCode::kSuccess;
}

HecCode EventDecoder::metadata(std::optional<JsonValue> value, std::string_view name,
                               std::string_view fallback, ResourceKey key) {
  if (!value) {
    resource_.set(key, fallback);
    return HecCode::kSuccess;
  }
  if (value->type() != element_type::STRING)
    return fail(HecCode::kInvalidDataFormat, "\"" + std::string(name) + "\" must be a string");
  resource_.set(key, value->get_string().value_unsafe());
  return HecCode::kSuccess;
}

HecCode EventDecoder::time(std::optional<JsonValue> value) {
  if (!value) return HecCode::kSuccess;
  auto parsed = parse_hec_time(*value);
  if (!parsed.is_ok()) return fail(HecCode::kInvalidDataFormat, parsed.status().message());
  out_->time_unix_nano = *parsed;
  return HecCode::kSuccess;
}

// Indexed fields are flat: a value is a scalar or an array of scalars.
bool is_flat_field(JsonValue value) {
  if (value.type() == element_type::OBJECT) return false;
  if (value.type() != element_type::ARRAY) return true;
  simdjson::dom::array items = value.get_array().value_unsafe();  // a local: not a temporary
  for (JsonValue item : items)
    if (item.type() == element_type::OBJECT || item.type() == element_type::ARRAY) return false;
  return true;
}

HecCode EventDecoder::fields(JsonValue value) {
  object fields;
  if (value.get_object().get(fields) != simdjson::SUCCESS)
    return fail(HecCode::kIndexedFieldsError, "\"fields\" must be an object");
  for (simdjson::dom::key_value_pair member : fields)
    if (!is_flat_field(member.value))
      return fail(HecCode::kIndexedFieldsError,
                  "indexed field \"" + std::string(member.key.substr(0, 64)) +
                      "\" must be a string, number, boolean or an array of them");
  map_document(kFieldsOptions, fields, out_);
  return HecCode::kSuccess;
}

void EventDecoder::event(JsonValue value) {
  object event_object;
  if (value.get_object().get(event_object) != simdjson::SUCCESS) {
    out_->body = json_to_any_value(value);
    return;
  }
  if (!has_body_member(event_object)) return structured_body(value, event_object);
  map_document(kEventOptions, event_object, out_);
}

// An event object without a message: the whole object is the body; its severity, ids and
// resource fields are still read (from a scratch record whose attributes are dropped).
void EventDecoder::structured_body(JsonValue value, object members) {
  LogRecord scratch;
  map_document(kFieldsOptions, members, &scratch);
  out_->body = json_to_any_value(value);
  out_->severity_number = scratch.severity_number;
  out_->severity_text = std::move(scratch.severity_text);
  out_->trace_id = scratch.trace_id;
  out_->span_id = scratch.span_id;
}

}  // namespace

HecCode decode_hec_event(object event, const HecEventContext& context, ResourceCache& resources,
                         LogRecord* out, std::string* detail) {
  return EventDecoder(context, out, detail).decode(event, resources);
}

}  // namespace weft::ingest::splunk
