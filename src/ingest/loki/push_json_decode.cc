// decode_push_json(): Loki's JSON push body, read from a simdjson DOM.
#include <simdjson.h>

#include <charconv>
#include <vector>

#include "ingest/loki/push_decode.h"
#include "otlp/decode_context.h"

namespace weft::ingest::loki {

namespace {

using JsonElement = simdjson::dom::element;
using simdjson::dom::element_type;
using otlp::DecodePath;
using otlp::PathScope;

// Bodies above this size get a parser of their own, so one huge request does not leave a
// thread holding its buffers for good.
constexpr size_t kReusedParserMaxBytes = 16 << 20;

const char* json_type_name(element_type t) {
  switch (t) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return "a number";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "a boolean";
    case element_type::NULL_VALUE: return "null";
  }
  return "a value";
}

// The whole of `text` as a base-10 int64 with an optional sign, as Go's strconv.ParseInt.
bool parse_int64(std::string_view text, int64_t* out) {
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text.front() == '-') return false;
  }
  if (text.empty() || text.front() == '+') return false;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

class JsonPushDecoder {
 public:
  explicit JsonPushDecoder(PushBuilder& builder) : builder_(builder) {}

  Status request(JsonElement root);

 private:
  Status stream(JsonElement e);
  Status stream_labels(JsonElement e, Labels* labels);
  void begin_stream(Labels labels);
  Status entry(JsonElement e);
  Status entry_timestamp(JsonElement e, UnixNanos* out);
  Status entry_metadata(JsonElement e);
  // `e` as a string; any other type is an error.
  Status get_string(JsonElement e, std::string_view* out);

  Status wrong_type(JsonElement e, const char* expected) const {
    return fail(std::string("expected ") + expected + ", got " + json_type_name(e.type()));
  }
  Status fail(std::string_view what) const { return Status::invalid(path_.describe(what)); }

  PushBuilder& builder_;
  DecodePath path_;
  std::vector<MetadataPair> metadata_;  // of the entry being read; reused
};

Status JsonPushDecoder::request(JsonElement root) {
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return wrong_type(root, "an object");
  JsonElement streams;
  if (object["streams"].get(streams) != simdjson::SUCCESS || streams.is_null())
    return Status::ok();
  PathScope scope(path_, "streams");
  simdjson::dom::array array;
  if (streams.get_array().get(array) != simdjson::SUCCESS) return wrong_type(streams, "an array");
  size_t i = 0;
  for (JsonElement s : array) {
    path_.set_index(i++);
    WEFT_RETURN_IF_ERROR(stream(s));
  }
  return Status::ok();
}

Status JsonPushDecoder::stream(JsonElement e) {
  simdjson::dom::object object;
  if (e.get_object().get(object) != simdjson::SUCCESS) return wrong_type(e, "an object");
  Labels labels;
  JsonElement labels_element, values;
  if (object["stream"].get(labels_element) == simdjson::SUCCESS) {
    PathScope scope(path_, "stream");
    WEFT_RETURN_IF_ERROR(stream_labels(labels_element, &labels));
  }
  bool has_values = object["values"].get(values) == simdjson::SUCCESS && !values.is_null();
  simdjson::dom::array array;
  PathScope scope(path_, "values");
  if (has_values && values.get_array().get(array) != simdjson::SUCCESS)
    return wrong_type(values, "an array");
  begin_stream(std::move(labels));
  if (has_values) {
    builder_.reserve(array.size());
    size_t i = 0;
    for (JsonElement v : array) {
      path_.set_index(i++);
      WEFT_RETURN_IF_ERROR(entry(v));
    }
  }
  builder_.end_stream();
  return Status::ok();
}

// Labels from JSON need no parsing, but may still be unfit: a label name must not be empty.
// (The builder prints the labels itself when a message needs them.)
void JsonPushDecoder::begin_stream(Labels labels) {
  for (const Label& l : labels)
    if (l.name.empty())
      return builder_.begin_stream(Status::invalid("empty label name"), format_labels(labels));
  builder_.begin_stream(std::move(labels), "");
}

Status JsonPushDecoder::stream_labels(JsonElement e, Labels* labels) {
  if (e.is_null()) return Status::ok();
  simdjson::dom::object object;
  if (e.get_object().get(object) != simdjson::SUCCESS) return wrong_type(e, "an object");
  for (auto [key, value] : object) {
    PathScope scope(path_, key);
    std::string_view text;
    WEFT_RETURN_IF_ERROR(get_string(value, &text));
    labels->push_back({std::string(key), std::string(text)});
  }
  return Status::ok();
}

// ["<ns>", "<line>"] or ["<ns>", "<line>", {structured metadata} or null]
Status JsonPushDecoder::entry(JsonElement e) {
  simdjson::dom::array array;
  if (e.get_array().get(array) != simdjson::SUCCESS) return wrong_type(e, "an array");
  size_t n = array.size();
  if (n < 2 || n > 3)
    return fail("expected [timestamp, line] or [timestamp, line, structured metadata], got " +
                std::to_string(n) + " values");
  UnixNanos time = 0;
  std::string_view line;
  WEFT_RETURN_IF_ERROR(entry_timestamp(array.at(0).value_unsafe(), &time));
  {
    PathScope scope(path_, "line");
    WEFT_RETURN_IF_ERROR(get_string(array.at(1).value_unsafe(), &line));
  }
  metadata_.clear();
  if (n == 3) WEFT_RETURN_IF_ERROR(entry_metadata(array.at(2).value_unsafe()));
  builder_.add_entry(time, line, metadata_);
  return Status::ok();
}

Status JsonPushDecoder::entry_timestamp(JsonElement e, UnixNanos* out) {
  PathScope scope(path_, "timestamp");
  std::string_view text;
  WEFT_RETURN_IF_ERROR(get_string(e, &text));
  if (!parse_int64(text, out))
    return fail("expected unix nanoseconds as a decimal string, got \"" +
                std::string(text.substr(0, 64)) + "\"");
  return Status::ok();
}

Status JsonPushDecoder::entry_metadata(JsonElement e) {
  PathScope scope(path_, "structured_metadata");
  if (e.is_null()) return Status::ok();
  simdjson::dom::object object;
  if (e.get_object().get(object) != simdjson::SUCCESS) return wrong_type(e, "an object");
  for (auto [key, value] : object) {
    PathScope field(path_, key);
    std::string_view text;
    WEFT_RETURN_IF_ERROR(get_string(value, &text));
    metadata_.push_back({key, text});
  }
  return Status::ok();
}

Status JsonPushDecoder::get_string(JsonElement e, std::string_view* out) {
  if (e.get_string().get(*out) != simdjson::SUCCESS) return wrong_type(e, "a string");
  return Status::ok();
}

}  // namespace

Status decode_push_json(std::string_view json, PushBuilder& builder) {
  thread_local simdjson::dom::parser reused;
  simdjson::dom::parser own;
  simdjson::dom::parser& parser = json.size() <= kReusedParserMaxBytes ? reused : own;
  JsonElement root;
  auto err = parser.parse(json.data(), json.size()).get(root);
  if (err != simdjson::SUCCESS)
    return Status::invalid(std::string("malformed JSON: ") + simdjson::error_message(err));
  return JsonPushDecoder(builder).request(root);
}

}  // namespace weft::ingest::loki
