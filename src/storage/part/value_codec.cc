#include "storage/part/value_codec.h"

#include <algorithm>

#include "storage/part/part_format.h"

namespace weft::storage {

namespace {

using part_format::ValueKind;

ValueKind kind_of(const AnyValue& v) {
  switch (v.kind()) {
    case AnyValue::Kind::kEmpty: return ValueKind::kEmpty;
    case AnyValue::Kind::kString: return ValueKind::kString;
    case AnyValue::Kind::kBool: return std::get<bool>(v.v) ? ValueKind::kTrue : ValueKind::kFalse;
    case AnyValue::Kind::kInt: return ValueKind::kInt;
    case AnyValue::Kind::kDouble: return ValueKind::kDouble;
    case AnyValue::Kind::kBytes: return ValueKind::kBytes;
    case AnyValue::Kind::kArray: return ValueKind::kArray;
    case AnyValue::Kind::kKvList: return ValueKind::kKvList;
  }
  return ValueKind::kEmpty;
}

// A count of elements that take at least one byte each.
bool read_count(ByteReader& in, uint64_t* n) {
  *n = in.varint();
  if (*n > in.remaining()) in.fail();
  return in.ok();
}

}  // namespace

int value_depth(const AnyValue& value) {
  int deepest = -1;
  if (const auto* a = std::get_if<std::vector<AnyValue>>(&value.v)) {
    for (const auto& e : *a) deepest = std::max(deepest, value_depth(e));
    return 1 + std::max(deepest, 0);
  }
  if (const auto* kv = std::get_if<std::vector<KeyValue>>(&value.v)) return 1 + attributes_depth(*kv);
  return 0;
}

int attributes_depth(const Attributes& attributes) {
  int deepest = 0;
  for (const auto& kv : attributes) deepest = std::max(deepest, value_depth(kv.value));
  return deepest;
}

void encode_value(const AnyValue& value, ByteWriter& w) {
  ValueKind kind = kind_of(value);
  w.u8(static_cast<uint8_t>(kind));
  switch (kind) {
    case ValueKind::kString: w.sized(std::get<std::string>(value.v)); break;
    case ValueKind::kBytes: w.sized(std::get<Bytes>(value.v).data); break;
    case ValueKind::kInt: w.zigzag(std::get<int64_t>(value.v)); break;
    case ValueKind::kDouble: w.f64(std::get<double>(value.v)); break;
    case ValueKind::kArray: {
      const auto& a = std::get<std::vector<AnyValue>>(value.v);
      w.varint(a.size());
      for (const auto& e : a) encode_value(e, w);
      break;
    }
    case ValueKind::kKvList: encode_attributes(std::get<std::vector<KeyValue>>(value.v), w); break;
    default: break;
  }
}

bool decode_value(ByteReader& in, AnyValue* out, int depth) {
  auto kind = static_cast<ValueKind>(in.u8());
  switch (kind) {
    case ValueKind::kEmpty: *out = AnyValue(); break;
    case ValueKind::kString: *out = AnyValue(std::string(in.sized())); break;
    case ValueKind::kFalse: *out = AnyValue(false); break;
    case ValueKind::kTrue: *out = AnyValue(true); break;
    case ValueKind::kInt: *out = AnyValue(in.zigzag()); break;
    case ValueKind::kDouble: *out = AnyValue(in.f64()); break;
    case ValueKind::kBytes: *out = AnyValue(Bytes{std::string(in.sized())}); break;
    case ValueKind::kArray: {
      uint64_t n;
      if (depth >= part_format::kMaxValueDepth || !read_count(in, &n)) return in.fail(), false;
      std::vector<AnyValue> a(n);
      for (auto& e : a)
        if (!decode_value(in, &e, depth + 1)) return false;
      *out = AnyValue(std::move(a));
      break;
    }
    case ValueKind::kKvList: {
      if (depth >= part_format::kMaxValueDepth) return in.fail(), false;
      std::vector<KeyValue> kv;
      if (!decode_attributes(in, &kv, depth + 1)) return false;
      *out = AnyValue(std::move(kv));
      break;
    }
    default: in.fail(); return false;
  }
  return in.ok();
}

void encode_attributes(const Attributes& attributes, ByteWriter& w) {
  w.varint(attributes.size());
  for (const auto& kv : attributes) {
    w.sized(kv.key);
    encode_value(kv.value, w);
  }
}

bool decode_attributes(ByteReader& in, Attributes* out, int depth) {
  uint64_t n;
  if (!read_count(in, &n)) return false;
  out->clear();
  out->resize(n);
  for (auto& kv : *out) {
    kv.key = std::string(in.sized());
    if (!decode_value(in, &kv.value, depth)) return false;
  }
  return in.ok();
}

std::string encode_resource(const Resource& resource) {
  std::string out;
  ByteWriter w(&out);
  encode_attributes(resource.attributes, w);
  w.varint(resource.dropped_attributes_count);
  w.sized(resource.schema_url);
  return out;
}

bool decode_resource(std::string_view bytes, Resource* out) {
  ByteReader in(bytes);
  if (!decode_attributes(in, &out->attributes)) return false;
  out->dropped_attributes_count = static_cast<uint32_t>(in.bounded(UINT32_MAX));
  out->schema_url = std::string(in.sized());
  return in.ok() && in.at_end();
}

std::string encode_scope(const Scope& scope) {
  std::string out;
  ByteWriter w(&out);
  w.sized(scope.name);
  w.sized(scope.version);
  encode_attributes(scope.attributes, w);
  w.varint(scope.dropped_attributes_count);
  w.sized(scope.schema_url);
  return out;
}

bool decode_scope(std::string_view bytes, Scope* out) {
  ByteReader in(bytes);
  out->name = std::string(in.sized());
  out->version = std::string(in.sized());
  if (!decode_attributes(in, &out->attributes)) return false;
  out->dropped_attributes_count = static_cast<uint32_t>(in.bounded(UINT32_MAX));
  out->schema_url = std::string(in.sized());
  return in.ok() && in.at_end();
}

void encode_events(const std::vector<SpanEvent>& events, UnixNanos span_start, std::string* out) {
  ByteWriter w(out);
  w.varint(events.size());
  for (const auto& e : events) {
    w.zigzag(static_cast<int64_t>(static_cast<uint64_t>(e.time_unix_nano) - static_cast<uint64_t>(span_start)));
    w.sized(e.name);
    encode_attributes(e.attributes, w);
    w.varint(e.dropped_attributes_count);
  }
}

bool decode_events(std::string_view bytes, UnixNanos span_start, std::vector<SpanEvent>* out) {
  ByteReader in(bytes);
  uint64_t n;
  if (!read_count(in, &n)) return false;
  out->resize(n);
  for (auto& e : *out) {
    e.time_unix_nano = static_cast<UnixNanos>(static_cast<uint64_t>(span_start) + static_cast<uint64_t>(in.zigzag()));
    e.name = std::string(in.sized());
    if (!decode_attributes(in, &e.attributes)) return false;
    e.dropped_attributes_count = static_cast<uint32_t>(in.bounded(UINT32_MAX));
  }
  return in.ok() && in.at_end();
}

void encode_links(const std::vector<SpanLink>& links, std::string* out) {
  ByteWriter w(out);
  w.varint(links.size());
  for (const auto& l : links) {
    w.bytes(l.trace_id.view());
    w.bytes(l.span_id.view());
    w.sized(l.trace_state);
    encode_attributes(l.attributes, w);
    w.varint(l.dropped_attributes_count);
    w.varint(l.flags);
  }
}

bool decode_links(std::string_view bytes, std::vector<SpanLink>* out) {
  ByteReader in(bytes);
  uint64_t n;
  if (!read_count(in, &n)) return false;
  out->resize(n);
  for (auto& l : *out) {
    l.trace_id.assign(in.bytes(TraceId::kSize));
    l.span_id.assign(in.bytes(SpanId::kSize));
    l.trace_state = std::string(in.sized());
    if (!decode_attributes(in, &l.attributes)) return false;
    l.dropped_attributes_count = static_cast<uint32_t>(in.bounded(UINT32_MAX));
    l.flags = static_cast<uint32_t>(in.bounded(UINT32_MAX));
  }
  return in.ok() && in.at_end();
}

}  // namespace weft::storage
