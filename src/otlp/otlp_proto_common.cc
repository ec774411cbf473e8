// ProtoDecoder: the messages shared by logs and traces (AnyValue, KeyValue, Resource,
// InstrumentationScope), the field helpers, and the item counts used to reserve.
#include <bit>

#include "otlp/otlp_fields.h"
#include "otlp/otlp_proto_decoder.h"

namespace weft::otlp {

bool ProtoDecoder::want(const WireField& f, WireType type) {
  if (f.type == type) return true;
  return fail("field " + std::to_string(f.number) + " has wire type " +
              wire_type_name(f.type) + ", expected " + wire_type_name(type));
}

bool ProtoDecoder::get_string(const WireField& f, std::string* out) {
  if (!want(f, WireType::kLen)) return false;
  out->assign(f.bytes);
  return true;
}

bool ProtoDecoder::get_message(const WireField& f) { return want(f, WireType::kLen); }

bool ProtoDecoder::get_fixed64(const WireField& f, int64_t* out) {
  if (!want(f, WireType::kFixed64)) return false;
  *out = static_cast<int64_t>(f.scalar);
  return true;
}

bool ProtoDecoder::get_fixed32(const WireField& f, uint32_t* out) {
  if (!want(f, WireType::kFixed32)) return false;
  *out = static_cast<uint32_t>(f.scalar);
  return true;
}

bool ProtoDecoder::get_uint32(const WireField& f, uint32_t* out) {
  if (!want(f, WireType::kVarint)) return false;
  *out = static_cast<uint32_t>(f.scalar);  // protobuf truncates to 32 bits too
  return true;
}

bool ProtoDecoder::get_int32(const WireField& f, int32_t* out) {
  if (!want(f, WireType::kVarint)) return false;
  *out = static_cast<int32_t>(f.scalar);
  return true;
}

bool ProtoDecoder::any_value(std::string_view bytes, AnyValue* out, int depth) {
  if (depth > options_.max_value_depth)
    return fail("values nested deeper than " + std::to_string(options_.max_value_depth));
  return fields(bytes, [&](const WireField& f) {
    switch (f.number) {
      case field::kAnyValueString: {
        if (!want(f, WireType::kLen)) return false;
        out->v.emplace<std::string>(f.bytes);
        return true;
      }
      case field::kAnyValueBool:
        if (!want(f, WireType::kVarint)) return false;
        out->v = f.scalar != 0;
        return true;
      case field::kAnyValueInt:
        if (!want(f, WireType::kVarint)) return false;
        out->v = static_cast<int64_t>(f.scalar);
        return true;
      case field::kAnyValueDouble:
        if (!want(f, WireType::kFixed64)) return false;
        out->v = std::bit_cast<double>(f.scalar);
        return true;
      case field::kAnyValueArray: {
        if (!get_message(f)) return false;
        PathScope ps(path_, "array_value");
        return array_value(f.bytes, &out->v.emplace<std::vector<AnyValue>>(), depth);
      }
      case field::kAnyValueKvList: {
        if (!get_message(f)) return false;
        PathScope ps(path_, "kvlist_value");
        return kvlist_value(f.bytes, &out->v.emplace<std::vector<KeyValue>>(), depth);
      }
      case field::kAnyValueBytes: {
        if (!want(f, WireType::kLen)) return false;
        out->v.emplace<Bytes>().data.assign(f.bytes);
        return true;
      }
      default: return true;
    }
  });
}

bool ProtoDecoder::array_value(std::string_view bytes, std::vector<AnyValue>* out, int depth) {
  return fields(bytes, [&](const WireField& f) {
    if (f.number != field::kArrayValueValues) return true;
    if (!get_message(f)) return false;
    PathScope ps(path_, "values", out->size());
    return any_value(f.bytes, &out->emplace_back(), depth + 1);
  });
}

bool ProtoDecoder::kvlist_value(std::string_view bytes, std::vector<KeyValue>* out, int depth) {
  return fields(bytes, [&](const WireField& f) {
    if (f.number != field::kKvListValues) return true;
    if (!get_message(f)) return false;
    PathScope ps(path_, "values", out->size());
    return key_value(f.bytes, &out->emplace_back(), depth + 1);
  });
}

bool ProtoDecoder::key_value(std::string_view bytes, KeyValue* out, int depth) {
  return fields(bytes, [&](const WireField& f) {
    switch (f.number) {
      case field::kKeyValueKey: return get_string(f, &out->key);
      case field::kKeyValueValue: {
        if (!get_message(f)) return false;
        PathScope ps(path_, "value");
        return any_value(f.bytes, &out->value, depth);
      }
      default: return true;
    }
  });
}

bool ProtoDecoder::attribute(const WireField& f, Attributes* attrs) {
  if (!get_message(f)) return false;
  PathScope ps(path_, "attributes", attrs->size());
  return key_value(f.bytes, &attrs->emplace_back(), 1);
}

bool ProtoDecoder::resource(std::string_view bytes, Resource* out) {
  return fields(bytes, [&](const WireField& f) {
    switch (f.number) {
      case field::kResourceAttributes: return attribute(f, &out->attributes);
      case field::kResourceDroppedAttributesCount:
        return get_uint32(f, &out->dropped_attributes_count);
      default: return true;
    }
  });
}

bool ProtoDecoder::scope(std::string_view bytes, Scope* out) {
  return fields(bytes, [&](const WireField& f) {
    switch (f.number) {
      case field::kScopeName: return get_string(f, &out->name);
      case field::kScopeVersion: return get_string(f, &out->version);
      case field::kScopeAttributes: return attribute(f, &out->attributes);
      case field::kScopeDroppedAttributesCount:
        return get_uint32(f, &out->dropped_attributes_count);
      default: return true;
    }
  });
}

namespace {

// Calls on_item for the payload of every length-delimited field `number` of `bytes`.
template <typename OnItem>
void each_len_field(std::string_view bytes, uint32_t number, OnItem&& on_item) {
  ProtoReader reader(bytes);
  WireField f;
  while (reader.next(&f))
    if (f.number == number && f.type == WireType::kLen) on_item(f.bytes);
}

}  // namespace

size_t count_len_fields(std::string_view message, uint32_t number) {
  size_t n = 0;
  each_len_field(message, number, [&](std::string_view) { ++n; });
  return n;
}

size_t count_request_items(std::string_view request) {
  size_t n = 0;
  static_assert(field::kExportLogsRequestResourceLogs == field::kExportTraceRequestResourceSpans);
  auto count_items = [&](std::string_view scope_group) {
    each_len_field(scope_group, field::kScopeGroupItems, [&](std::string_view) { ++n; });
  };
  each_len_field(request, field::kExportLogsRequestResourceLogs, [&](std::string_view group) {
    each_len_field(group, field::kResourceGroupScopes, count_items);
  });
  return n;
}

}  // namespace weft::otlp
