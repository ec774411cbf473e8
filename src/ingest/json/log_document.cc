#include "ingest/json/log_document.h"

#include <array>

#include "model/severity.h"

namespace weft::ingest {

namespace detail {

enum class Target : uint8_t { kTime, kSeverity, kTraceId, kSpanId, kResource };

struct KnownKey {
  std::string_view key;
  Target target;
  ResourceKey resource = ResourceKey::kServiceName;  // for Target::kResource
};

}  // namespace detail

namespace {

using detail::KnownKey;
using detail::Target;
using simdjson::dom::element_type;

constexpr std::array<KnownKey, 16> kKnownKeys{{
    {"@timestamp", Target::kTime},
    {"log.level", Target::kSeverity},
    {"level", Target::kSeverity},
    {"severity", Target::kSeverity},
    {"service.name", Target::kResource, ResourceKey::kServiceName},
    {"service", Target::kResource, ResourceKey::kServiceName},
    {"service.namespace", Target::kResource, ResourceKey::kServiceNamespace},
    {"service.version", Target::kResource, ResourceKey::kServiceVersion},
    {"service.environment", Target::kResource, ResourceKey::kEnvironment},
    {"deployment.environment", Target::kResource, ResourceKey::kEnvironment},
    {"deployment.environment.name", Target::kResource, ResourceKey::kEnvironment},
    {"host.name", Target::kResource, ResourceKey::kHostName},
    {"trace.id", Target::kTraceId},
    {"trace_id", Target::kTraceId},
    {"span.id", Target::kSpanId},
    {"span_id", Target::kSpanId},
}};

const KnownKey* find_known_key(std::string_view key) {
  for (const auto& known : kKnownKeys)
    if (known.key.size() == key.size() && known.key == key) return &known;
  return nullptr;
}

template <typename Id>
bool fill_id(Id* id, JsonValue value) {
  if (id->present() || value.type() != element_type::STRING) return false;
  auto parsed = Id::from_hex(value.get_string().value_unsafe());
  if (!parsed || !parsed->present()) return false;
  *id = *parsed;
  return true;
}

}  // namespace

int severity_from_level_number(int64_t level) {
  switch (level) {
    case 10: return 1;   // trace
    case 20: return 5;   // debug
    case 30: return 9;   // info
    case 40: return 13;  // warn
    case 50: return 17;  // error
    case 60: return 21;  // fatal
    default: return 0;
  }
}

Status LogDocumentMapper::map(simdjson::dom::object object) {
  path_.clear();
  return members(object, 0);
}

Status LogDocumentMapper::members(simdjson::dom::object object, int depth) {
  for (simdjson::dom::key_value_pair m : object) {
    size_t mark = path_.size();
    if (mark > 0) path_ += '.';
    path_ += m.key;
    Status status = member(m.key, m.value, depth);
    path_.resize(mark);
    if (!status.is_ok()) return status;
  }
  return Status::ok();
}

Status LogDocumentMapper::member(std::string_view key, JsonValue value, int depth) {
  if (value.is_null()) return Status::ok();
  if (depth == 0 && take_body(key, value)) return Status::ok();
  // An object where a time belongs is a bad time, not more fields.
  if (options_.timestamp && path_ == "@timestamp") return leaf(value);
  if (value.type() == element_type::OBJECT && depth < kMaxJsonValueDepth)
    return members(value.get_object().value_unsafe(), depth + 1);
  return leaf(value);
}

bool is_body_member(std::string_view key, JsonValue value) {
  if (value.is_null()) return false;
  return key == "message" || key == "msg" ||
         (key == "log" && value.type() == element_type::STRING);
}

bool has_body_member(simdjson::dom::object object) {
  for (simdjson::dom::key_value_pair m : object)
    if (is_body_member(m.key, m.value)) return true;
  return false;
}

bool LogDocumentMapper::take_body(std::string_view key, JsonValue value) {
  if (!options_.body || has_body_ || !is_body_member(key, value)) return false;
  record_->body = json_to_any_value(value);
  has_body_ = true;
  return true;
}

Status LogDocumentMapper::leaf(JsonValue value) {
  const KnownKey* known = find_known_key(path_);
  if (known && known->target == Target::kTime && options_.timestamp && !has_time_) {
    auto time = options_.timestamp(value);
    if (!time.is_ok())
      return Status::invalid("failed to parse field [" + path_ + "] of type [date]: " +
                             time.status().message());
    record_->time_unix_nano = *time;
    has_time_ = true;
    return Status::ok();
  }
  if (!known || !fill(*known, value)) add_attribute(value);
  return Status::ok();
}

bool LogDocumentMapper::fill(const KnownKey& known, JsonValue value) {
  switch (known.target) {
    case Target::kSeverity: return fill_severity(value);
    case Target::kTraceId: return fill_id(&record_->trace_id, value);
    case Target::kSpanId: return fill_id(&record_->span_id, value);
    case Target::kResource:
      return value.type() == element_type::STRING &&
             resource_->set_if_absent(known.resource, value.get_string().value_unsafe());
    default: return false;
  }
}

bool LogDocumentMapper::fill_severity(JsonValue value) {
  if (has_severity_) return false;
  if (value.type() == element_type::STRING) {
    std::string_view text = value.get_string().value_unsafe();
    if (text.empty()) return false;
    record_->severity_text.assign(text);
    record_->severity_number = effective_severity(0, text);
  } else if (value.type() == element_type::INT64) {
    int number = severity_from_level_number(value.get_int64().value_unsafe());
    if (number == 0) return false;
    record_->severity_number = number;
  } else {
    return false;
  }
  has_severity_ = true;
  return true;
}

void LogDocumentMapper::add_attribute(JsonValue value) {
  record_->attributes.push_back(KeyValue{path_, json_to_any_value(value)});
}

}  // namespace weft::ingest
