#include "ingest/jsonlines/jsonlines_decoder.h"

#include <limits>

#include "ingest/jsonlines/log_field_values.h"

namespace weft::ingest {

namespace {

using simdjson::dom::element_type;

const std::vector<std::string> kHostFields{"hostname", "host.name"};

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Status too_deep() {
  return Status::invalid("nested deeper than " + std::to_string(JsonLinesDecoder::kMaxDepth) +
                         " levels");
}

std::optional<int64_t> as_int64(simdjson::dom::element e) {
  if (e.type() == element_type::INT64) return e.get_int64().value_unsafe();
  if (e.type() == element_type::UINT64) {
    uint64_t u = e.get_uint64().value_unsafe();
    if (u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      return static_cast<int64_t>(u);
  }
  return std::nullopt;
}

Status to_any_value(simdjson::dom::element e, int depth, AnyValue* out);

Status array_value(simdjson::dom::array array, int depth, AnyValue* out) {
  std::vector<AnyValue> values;
  values.reserve(array.size());
  for (simdjson::dom::element item : array)
    WEFT_RETURN_IF_ERROR(to_any_value(item, depth + 1, &values.emplace_back()));
  *out = AnyValue(std::move(values));
  return Status::ok();
}

Status kvlist_value(simdjson::dom::object object, int depth, AnyValue* out) {
  std::vector<KeyValue> pairs;
  for (auto [key, value] : object) {
    KeyValue& kv = pairs.emplace_back();
    kv.key.assign(key);
    WEFT_RETURN_IF_ERROR(to_any_value(value, depth + 1, &kv.value));
  }
  *out = AnyValue(std::move(pairs));
  return Status::ok();
}

// A JSON value as an AnyValue; objects inside arrays become kvlists.
Status to_any_value(simdjson::dom::element e, int depth, AnyValue* out) {
  if (depth > JsonLinesDecoder::kMaxDepth) return too_deep();
  switch (e.type()) {
    case element_type::STRING:
      *out = AnyValue(std::string(e.get_string().value_unsafe()));
      break;
    case element_type::INT64:
      *out = AnyValue(e.get_int64().value_unsafe());
      break;
    case element_type::UINT64:
      if (auto i = as_int64(e))
        *out = AnyValue(*i);
      else
        *out = AnyValue(static_cast<double>(e.get_uint64().value_unsafe()));
      break;
    case element_type::DOUBLE:
      *out = AnyValue(e.get_double().value_unsafe());
      break;
    case element_type::BOOL:
      *out = AnyValue(e.get_bool().value_unsafe());
      break;
    case element_type::NULL_VALUE:
      *out = AnyValue();
      break;
    case element_type::ARRAY:
      return array_value(e.get_array().value_unsafe(), depth, out);
    case element_type::OBJECT:
      return kvlist_value(e.get_object().value_unsafe(), depth, out);
  }
  return Status::ok();
}

std::optional<UnixNanos> as_time(simdjson::dom::element e) {
  switch (e.type()) {
    case element_type::STRING:
      return parse_log_time_text(e.get_string().value_unsafe());
    case element_type::DOUBLE:
      return epoch_number_to_nanos(e.get_double().value_unsafe());
    case element_type::INT64:
    case element_type::UINT64:
      if (auto i = as_int64(e)) return epoch_number_to_nanos(*i);
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

std::optional<LogLevel> as_level(simdjson::dom::element e) {
  if (e.type() == element_type::STRING) return level_from_text(e.get_string().value_unsafe());
  if (auto i = as_int64(e)) return level_from_number(*i);
  return std::nullopt;
}

}  // namespace

JsonLinesDecoder::JsonLinesDecoder(JsonLinesFields fields) : fields_(std::move(fields)) {}

static_assert(simdjson::SIMDJSON_PADDING <= FrameDecoder::kFramePadding);

Status JsonLinesDecoder::decode_frame(std::string_view line, UnixNanos now, LogBatch& out) {
  return decode(line, false, now, out);
}

Status JsonLinesDecoder::decode_padded_frame(std::string_view line, UnixNanos now,
                                             LogBatch& out) {
  return decode(line, true, now, out);
}

Status JsonLinesDecoder::decode(std::string_view line, bool padded, UnixNanos now,
                                LogBatch& out) {
  if (is_blank(line)) return Status::ok();
  Element root;
  auto err = parser_.parse(line.data(), line.size(), /*realloc_if_needed=*/!padded).get(root);
  if (err != simdjson::SUCCESS)
    return Status::invalid(std::string("malformed JSON: ") + simdjson::error_message(err));
  if (root.type() != element_type::OBJECT) return Status::invalid("expected a JSON object");
  flat_.clear();
  nested_keys_.clear();
  WEFT_RETURN_IF_ERROR(flatten(root.get_object().value_unsafe(), {}, 1));
  LogRecord record;
  record.observed_time_unix_nano = now;
  record.scope = ResourceCache::empty_scope();
  WEFT_RETURN_IF_ERROR(fill(record));
  out.records.push_back(std::move(record));
  return Status::ok();
}

Status JsonLinesDecoder::flatten(simdjson::dom::object object, std::string_view prefix, int depth) {
  if (depth > kMaxDepth) return too_deep();
  for (auto [key, value] : object) {
    std::string_view name = key;
    if (!prefix.empty()) {
      std::string& dotted = nested_keys_.emplace_back();
      dotted.reserve(prefix.size() + 1 + key.size());
      dotted.append(prefix).append(1, '.').append(key);
      name = dotted;
    }
    if (value.type() == element_type::OBJECT && value.get_object().value_unsafe().size() > 0) {
      WEFT_RETURN_IF_ERROR(flatten(value.get_object().value_unsafe(), name, depth + 1));
      continue;
    }
    flat_.push_back({name, value, false});
  }
  return Status::ok();
}

JsonLinesDecoder::Field* JsonLinesDecoder::take(const std::vector<std::string>& names) {
  for (const std::string& name : names)
    for (Field& field : flat_)
      if (!field.taken && field.key == name) return &field;
  return nullptr;
}

Status JsonLinesDecoder::fill(LogRecord& record) {
  take_time(record);
  take_level(record);
  take_id(fields_.trace_id, record.trace_id);
  take_id(fields_.span_id, record.span_id);
  std::string_view service = take_text(fields_.service);
  std::string_view host = take_text(kHostFields);
  record.resource = resources_.get(service, host);
  if (Field* message = take(fields_.message)) {
    message->taken = true;
    WEFT_RETURN_IF_ERROR(to_any_value(message->value, 1, &record.body));
  }
  return add_attributes(record);
}

void JsonLinesDecoder::take_time(LogRecord& record) {
  for (const std::string& name : fields_.time)
    for (Field& field : flat_) {
      if (field.taken || field.key != name) continue;
      if (auto t = as_time(field.value)) {
        record.time_unix_nano = *t;
        field.taken = true;
        return;
      }
    }
}

void JsonLinesDecoder::take_level(LogRecord& record) {
  for (const std::string& name : fields_.level)
    for (Field& field : flat_) {
      if (field.taken || field.key != name) continue;
      if (auto level = as_level(field.value)) {
        record.severity_number = level->severity_number;
        record.severity_text = std::move(level->severity_text);
        field.taken = true;
        return;
      }
    }
}

template <size_t N>
void JsonLinesDecoder::take_id(const std::vector<std::string>& names, FixedId<N>& id) {
  for (const std::string& name : names)
    for (Field& field : flat_) {
      if (field.taken || field.key != name || field.value.type() != element_type::STRING) continue;
      if (auto parsed = FixedId<N>::from_hex(field.value.get_string().value_unsafe())) {
        id = *parsed;
        field.taken = true;
        return;
      }
    }
}

std::string_view JsonLinesDecoder::take_text(const std::vector<std::string>& names) {
  for (const std::string& name : names)
    for (Field& field : flat_) {
      if (field.taken || field.key != name || field.value.type() != element_type::STRING) continue;
      field.taken = true;
      return field.value.get_string().value_unsafe();
    }
  return {};
}

Status JsonLinesDecoder::add_attributes(LogRecord& record) {
  record.attributes.reserve(flat_.size());
  for (Field& field : flat_) {
    if (field.taken) continue;
    std::optional<int64_t> pid = field.key == "pid" ? as_int64(field.value) : std::nullopt;
    if (pid) {
      record.attributes.push_back({"process.pid", *pid});
      continue;
    }
    KeyValue& kv = record.attributes.emplace_back();
    kv.key.assign(field.key);
    WEFT_RETURN_IF_ERROR(to_any_value(field.value, 1, &kv.value));
  }
  return Status::ok();
}

}  // namespace weft::ingest
